package org.mskrules.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mskrules.core.Violation;

/**
 * Issue 20: a host's own JSON Schema validator, of any major, cannot break {@link JsonContract}. The
 * validator (networknt json-schema-validator) and the date-time library it uses (ethlo itu) are
 * shaded into the rules-core jar and relocated under {@code org.mskrules.core.shaded}. Here the
 * packaged jar is loaded in a fresh class loader beside a host's networknt 1.5.9 (the version the
 * library used before, Jackson 2) or 3.0.9 (the current major, Jackson 3), placed first on the class
 * path, and must report exactly the violations this build reports, the validator's own sentence
 * (the fallback {@code SCHEMA_VIOLATION}) included: that one found the message bundles, at the root
 * of the class path, shared with the host's validator until they were relocated too. The same check
 * on the classes as compiled (not relocated) breaks, which shows the check can fail. Run by failsafe after
 * {@code package}, offline: the host jars are copied from the local repository by the build.
 */
class HostValidatorVersionIT {
    static final String SCHEMA = "contract/host-check.schema.json";

    /** Documents with one problem of each kind the contract reports, and one without any. */
    static final List<String> DOCUMENTS = List.of(
            """
            {"id": 5, "ageYears": 131, "onset": "2026-02-30", "seen": "23/11/2026", "nhsNumber": "12",
             "side": "UP", "codes": ["a", "a"], "extra": true,
             "findings": {"FEVR": {"status": "PRESENT"}, "FEVER": {"status": "MAYBE"}, "WEIGHT_LOSS": {}}}
            """,
            "{\"id\": \"x\", \"ageYears\": -1.0, \"side\": 3, \"pair\": [1]}",
            "{\"findings\": {\"FEVER\": {\"status\": \"PRESENT\", \"since\": 2}}}",
            "{\"id\": \"abc\", \"ageYears\": 40, \"onset\": \"2026-02-28\", \"codes\": [\"a\", \"b\"]}");

    static Path coreJar() {
        Path jar = Path.of(System.getProperty("mskrules.coreJar", "target/none.jar"));
        assertThat(jar).as("the packaged rules-core jar (set by the pom)").isRegularFile();
        return jar;
    }

    static Path classes() {
        return Path.of(System.getProperty("mskrules.coreClasses", "target/classes"));
    }

    static Path hostJar(String version) {
        Path jar = Path.of(System.getProperty("mskrules.hostValidators", "target/host-validators"))
                .resolve("json-schema-validator-" + version + ".jar");
        assertThat(jar).as("networknt %s, copied by the build", version).isRegularFile();
        return jar;
    }

    /**
     * The test class path with neither rules-core's classes nor any copy of networknt or itu, and
     * without Jackson's YAML module and SnakeYAML: the published pom no longer brings them (they came
     * with networknt), so the contract must work without them.
     */
    static List<Path> classPathWithoutValidator() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Path> paths = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            String unix = entry.replace('\\', '/');
            if (entry.isBlank() || unix.contains("/com/networknt/") || unix.contains("/com/ethlo/")
                    || unix.contains("/jackson-dataformat-yaml/") || unix.contains("/org/yaml/snakeyaml/")
                    || Path.of(entry).toAbsolutePath().equals(classes().toAbsolutePath())
                    || unix.equals(coreJar().toString().replace('\\', '/'))) {
                continue;
            }
            paths.add(Path.of(entry));
        }
        return paths;
    }

    /** A loader that sees {@code first} before everything else, as a host's jar placed first would be. */
    static URLClassLoader loader(Path first, Path core) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(first.toUri().toURL());
        urls.add(core.toUri().toURL());
        for (Path p : classPathWithoutValidator()) {
            urls.add(p.toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** Every violation of every document, as text, checked by the JsonContract that {@code loader} loads. */
    static List<String> violations(ClassLoader loader) throws Exception {
        Class<?> contractType = Class.forName(JsonContract.class.getName(), true, loader);
        assertThat(contractType.getClassLoader()).as("JsonContract from the loader under test").isSameAs(loader);
        Object contract = contractType.getMethod("fromResource", ClassLoader.class, String.class).invoke(null, loader, SCHEMA);
        List<String> all = new ArrayList<>();
        for (String document : DOCUMENTS) {
            Object checked = contractType.getMethod("check", String.class).invoke(contract, document);
            List<?> found = (List<?>) checked.getClass().getMethod("violations").invoke(checked);
            all.add(found.toString());
        }
        return all;
    }

    /** What this build's JsonContract reports, on the test class path as Maven made it. */
    static List<String> expected() throws Exception {
        JsonContract contract = JsonContract.fromResource(HostValidatorVersionIT.class.getClassLoader(), SCHEMA);
        List<String> all = new ArrayList<>();
        for (String document : DOCUMENTS) {
            all.add(contract.check(document).violations().toString());
        }
        return all;
    }

    @Test
    void theDocumentsMeetEveryCodeTheCheckCompares() throws Exception {
        JsonContract contract = JsonContract.fromResource(HostValidatorVersionIT.class.getClassLoader(), SCHEMA);
        Set<String> codes = new java.util.TreeSet<>();
        for (String document : DOCUMENTS.subList(0, 3)) {
            List<Violation> found = contract.check(document).violations();
            assertThat(found).as(document).isNotEmpty();
            found.forEach(v -> codes.add(v.code()));
        }
        assertThat(codes).contains("REQUIRED", "UNKNOWN_FIELD", "WRONG_TYPE", "UNKNOWN_CODE", "OUT_OF_RANGE",
                "INVALID_DATE", "INVALID_FORMAT", "INVALID_LENGTH", "DUPLICATE_ITEM");
        assertThat(contract.check(DOCUMENTS.get(3)).violations()).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> aHostsOwnValidatorFirstOnTheClassPathChangesNothing() throws Exception {
        List<String> expected = expected();
        return Stream.of("1.5.9", "3.0.9").map(version -> DynamicTest.dynamicTest("host networknt " + version, () -> {
            try (URLClassLoader host = loader(hostJar(version), coreJar())) {
                // The host's classes are the ones a plain com.networknt name finds.
                Class<?> hosts = Class.forName("com.networknt.schema.InputFormat", false, host);
                assertThat(hosts.getProtectionDomain().getCodeSource().getLocation().toString()).contains(version);
                assertThat(catchThrowable(() -> Class.forName("org.yaml.snakeyaml.Yaml", false, host)))
                        .as("no YAML library, as a host of the published pom has none")
                        .isInstanceOf(ClassNotFoundException.class);
                assertThat(violations(host)).isEqualTo(expected);
            }
        }));
    }

    @Test
    void theSameCheckOnTheUnrelocatedClassesBreaks() throws Exception {
        Path classes = classes();
        assertThat(classes).isDirectory();
        for (String version : List.of("1.5.9", "3.0.9")) {
            try (URLClassLoader host = loader(hostJar(version), classes)) {
                Throwable t = catchThrowable(() -> violations(host));
                assertThat(t).as("JsonContract compiled against com.networknt 2.x, beside a host's %s", version).isNotNull();
                Throwable root = t;
                while (root.getCause() != null && !(root instanceof LinkageError)) {
                    root = root.getCause();
                }
                assertThat(root).as("the failure is the host's classes not matching").isInstanceOf(LinkageError.class);
            }
        }
    }

    @Test
    void theJarCarriesNoClassUnderOrReferringToTheOriginalPackages() throws Exception {
        List<String> offending = new ArrayList<>();
        int relocated = 0;
        try (JarFile jar = new JarFile(coreJar().toFile())) {
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                if (e.getName().startsWith("jsv-messages")) {
                    offending.add(e.getName()); // a bundle a host's validator would share
                }
                if (!e.getName().endsWith(".class")) {
                    continue;
                }
                if (e.getName().startsWith("org/mskrules/core/shaded/networknt/")) {
                    relocated++;
                }
                String bytes = new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.ISO_8859_1);
                if (e.getName().startsWith("com/") || bytes.contains("com/networknt") || bytes.contains("com.networknt")
                        || bytes.contains("com/ethlo") || bytes.contains("com.ethlo")) {
                    offending.add(e.getName());
                }
            }
        }
        assertThat(relocated).as("relocated validator classes in the jar").isGreaterThan(100);
        assertThat(offending).as("classes under or naming com.networknt or com.ethlo, root message bundles").isEmpty();
        // The check can fail: the classes as compiled do name the validator.
        assertThat(new String(Files.readAllBytes(classes().resolve("org/mskrules/core/io/JsonContract.class")),
                StandardCharsets.ISO_8859_1)).contains("com/networknt/schema/SchemaRegistry");
    }
}
