package org.mskrules.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's files are, for tests that read or write committed documentation. */
final class RepoPaths {
    private RepoPaths() {
    }

    /**
     * The repository root: the nearest directory at or above the module's base directory that holds
     * {@code pom.xml} and {@code docs/}. Surefire sets {@code basedir} to the module directory
     * ({@code rules-tests/}); an IDE usually starts tests there too ({@code user.dir}).
     */
    static Path root() {
        Path start = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("docs"))) {
                return p;
            }
        }
        throw new IllegalStateException("no directory with pom.xml and docs/ at or above [" + start + "]");
    }
}
