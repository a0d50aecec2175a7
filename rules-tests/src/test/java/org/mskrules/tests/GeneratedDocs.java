package org.mskrules.tests;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files in the repository that tests generate (rule catalogue, load-bearing report, behaviour
 * snapshots): a committed file must equal what the code generates now, so a stale one fails CI.
 * Running the tests with {@code -Dmskrules.update=true} rewrites them instead, for a deliberate,
 * reviewable commit.
 */
final class GeneratedDocs {
    static final String UPDATE = "mskrules.update";

    private GeneratedDocs() {
    }

    /** True when this run should rewrite generated files rather than check them. */
    static boolean updating() {
        return Boolean.getBoolean(UPDATE);
    }

    /**
     * Checks (or, when updating, writes) {@code relativePath} under the repository root.
     *
     * @return true if the committed file already matched
     */
    static boolean check(String relativePath, String expected) {
        Path file = RepoPaths.root().resolve(relativePath);
        String actual = read(file);
        if (expected.equals(actual)) {
            return true;
        }
        if (updating()) {
            write(file, expected);
            System.out.println("[mskrules.update] wrote " + relativePath);
            return false;
        }
        fail(relativePath + (actual == null ? " is missing" : " is stale") + ": it no longer matches what the code"
                + " generates. If the change is intended, regenerate it with `mvn -B verify -D" + UPDATE
                + "=true` and commit the result for review.");
        return false;
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n") : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
