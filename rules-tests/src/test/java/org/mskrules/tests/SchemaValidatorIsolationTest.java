package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the JSON Schema validator (networknt json-schema-validator) is used only behind
 * {@code org.mskrules.core.io.JsonContract}, the one class whose references the rules-core jar
 * relocates to its shaded copy (HostValidatorVersionIT). A class anywhere else that named the
 * validator would compile in the reactor and then, in a host, meet the host's version or none at
 * all. Every Java source of the repository is read (build output aside): only JsonContract may name
 * {@code com.networknt} among the sources that ship; among test sources, only the tests that judge
 * the published schemas with the validator directly, independently of the library's own mapping
 * (they run in this build, never in a host), and the shading test itself. Poms: only rules-core
 * depends on it at run time, rules-tests for tests.
 */
class SchemaValidatorIsolationTest {
    static final Pattern NAMES_VALIDATOR = Pattern.compile("\\bcom\\.networknt\\b");

    static final Set<String> MAY_NAME_IT = Set.of(
            "rules-core/src/main/java/org/mskrules/core/io/JsonContract.java",
            "rules-core/src/test/java/org/mskrules/core/io/HostValidatorVersionIT.java",
            "rules-tests/src/test/java/org/mskrules/tests/InputSchemas.java",
            "rules-tests/src/test/java/org/mskrules/tests/OutputSchemaTest.java",
            "rules-tests/src/test/java/org/mskrules/tests/SchemaValidatorIsolationTest.java");

    /** The sources, relative to the repository root with {@code /}, that name the validator. */
    static Set<String> naming(Path root, String suffix) {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(suffix))
                    .filter(f -> {
                        String rel = root.relativize(f).toString().replace('\\', '/');
                        return !rel.startsWith(".git/") && !rel.contains("/target/") && !rel.startsWith("target/")
                                && !rel.contains("/node_modules/");
                    })
                    .forEach(f -> {
                        if (NAMES_VALIDATOR.matcher(read(f)).find()) {
                            found.add(root.relativize(f).toString().replace('\\', '/'));
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void onlyJsonContractNamesTheValidatorAmongTheSources() {
        Set<String> found = naming(RepoPaths.root(), ".java");
        assertThat(found).as("Java sources naming com.networknt").isSubsetOf(MAY_NAME_IT)
                .contains("rules-core/src/main/java/org/mskrules/core/io/JsonContract.java");
    }

    static final Pattern DEPENDENCY = Pattern.compile("(?s)<dependency>(.*?)</dependency>");

    /** The poms with a {@code <dependency>} on the validator, and the scope of each such dependency. */
    static Set<String> dependingOnIt(Path root) {
        Set<String> found = new TreeSet<>();
        for (String pom : naming(root, "pom.xml")) {
            java.util.regex.Matcher m = DEPENDENCY.matcher(read(root.resolve(pom)));
            while (m.find()) {
                if (m.group(1).contains("<groupId>com.networknt</groupId>")) {
                    java.util.regex.Matcher scope = Pattern.compile("<scope>(\\w+)</scope>").matcher(m.group(1));
                    found.add(pom + " " + (scope.find() ? scope.group(1) : "(default)"));
                }
            }
        }
        return found;
    }

    @Test
    void onlyRulesCoreAndTheSchemaTestsDependOnIt() {
        // The parent manages the version; rules-core uses it (and shades it); rules-tests in tests.
        // Other poms may name it only to leave it out (rules-cli's executable jar).
        assertThat(dependingOnIt(RepoPaths.root())).containsExactlyInAnyOrder("pom.xml (default)",
                "rules-core/pom.xml (default)", "rules-tests/pom.xml test");
    }

    @Test
    void theCheckCanFail(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path elsewhere = dir.resolve("rules-msk/src/main/java/org/mskrules/msk/Elsewhere.java");
        Files.createDirectories(elsewhere.getParent());
        Files.writeString(elsewhere, "package org.mskrules.msk;\nimport com.networknt.schema.Schema;\nclass Elsewhere {}\n");
        Files.writeString(dir.resolve("Clean.java"), "class Clean { String s = \"com.networknter\"; }\n");
        assertThat(naming(dir, ".java")).containsExactly("rules-msk/src/main/java/org/mskrules/msk/Elsewhere.java");
        assertThat(List.copyOf(naming(dir, ".java"))).allMatch(f -> !MAY_NAME_IT.contains(f));
        Path pom = dir.resolve("rules-msk/pom.xml");
        Files.writeString(pom, "<project><dependencies><dependency><groupId>com.networknt</groupId>"
                + "<artifactId>json-schema-validator</artifactId></dependency></dependencies></project>");
        assertThat(dependingOnIt(dir)).containsExactly("rules-msk/pom.xml (default)");
    }
}
