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

    @Test
    void onlyRulesCoreAndTheSchemaTestsDependOnIt() {
        Set<String> found = naming(RepoPaths.root(), "pom.xml");
        assertThat(found).as("poms naming com.networknt").containsExactlyInAnyOrder("pom.xml", "rules-core/pom.xml",
                "rules-tests/pom.xml");
        String tests = read(RepoPaths.root().resolve("rules-tests/pom.xml"));
        int at = tests.indexOf("<groupId>com.networknt</groupId>");
        assertThat(tests.substring(at, tests.indexOf("</dependency>", at))).as("rules-tests uses it in tests only")
                .contains("<scope>test</scope>");
    }

    @Test
    void theCheckCanFail(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path elsewhere = dir.resolve("rules-msk/src/main/java/org/mskrules/msk/Elsewhere.java");
        Files.createDirectories(elsewhere.getParent());
        Files.writeString(elsewhere, "package org.mskrules.msk;\nimport com.networknt.schema.Schema;\nclass Elsewhere {}\n");
        Files.writeString(dir.resolve("Clean.java"), "class Clean { String s = \"com.networknter\"; }\n");
        assertThat(naming(dir, ".java")).containsExactly("rules-msk/src/main/java/org/mskrules/msk/Elsewhere.java");
        assertThat(List.copyOf(naming(dir, ".java"))).allMatch(f -> !MAY_NAME_IT.contains(f));
    }
}
