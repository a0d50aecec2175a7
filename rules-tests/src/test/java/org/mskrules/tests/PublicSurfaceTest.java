package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md's "What is public" table says, per module and package, which top-level types
 * are public. This reads every module's {@code src/main/java} and holds the table to it: a row's
 * names and bracketed count are exactly its package's public types, every package with a public type
 * has a row, and a name under "Package-private" is a type of that package that is not public.
 */
class PublicSurfaceTest {
    private static final Path ROOT = RepoPaths.root();
    private static final Pattern TOP_LEVEL = Pattern.compile(
            "^(public\\s+)?(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|record|interface|enum|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z]\\w*");
    private static final Pattern PACKAGE = Pattern.compile("org\\.mskrules(\\.\\w+)*");
    private static final Pattern COUNT = Pattern.compile("\\((\\d+)\\)$");

    /** A package's top-level types, public or not, as its sources declare them. */
    record Declared(Set<String> publicTypes, Set<String> otherTypes) {
    }

    @Test
    void theTableListsEveryPublicTypeOfEveryPackage() throws IOException {
        Map<String, Declared> sources = scanSources();
        SoftAssertions softly = new SoftAssertions();
        Set<String> rowPackages = new TreeSet<>();
        for (List<String> row : tableRows()) {
            String module = backticked(row.get(0), false).get(0);
            List<String> packages = backticked(row.get(1), false).stream().filter(t -> PACKAGE.matcher(t).matches()).toList();
            String cell = row.get(2).trim();
            // One package a row, except the relocated third-party packages, which share a row.
            softly.assertThat(packages).as("packages of row %s", row).hasSize(cell.startsWith("none") ? packages.size() : 1).isNotEmpty();
            for (String pkg : packages) {
                String key = module + " " + pkg;
                rowPackages.add(key);
                Declared declared = sources.get(key);
                if (declared == null) {
                    // Only the relocated third-party code lives in a package with no sources of ours.
                    softly.assertThat(cell).as("%s has no sources, so the row must say it has no API", key).startsWith("none");
                    continue;
                }
                Set<String> listed = new TreeSet<>(names(cell));
                softly.assertThat(listed).as("public types of %s", key).isEqualTo(declared.publicTypes());
                Matcher count = COUNT.matcher(cell);
                softly.assertThat(count.find() ? Integer.parseInt(count.group(1)) : -1)
                        .as("count in brackets for %s", key).isEqualTo(declared.publicTypes().size());
                for (String hidden : names(row.get(3))) {
                    softly.assertThat(declared.otherTypes()).as("package-private types of %s", key).contains(hidden);
                }
            }
        }
        for (Map.Entry<String, Declared> e : sources.entrySet()) {
            if (!e.getValue().publicTypes().isEmpty()) {
                softly.assertThat(rowPackages).as("packages in the table").contains(e.getKey());
            }
        }
        softly.assertAll();
    }

    /** "module package" to its declared types, for every published module's main sources. */
    private static Map<String, Declared> scanSources() throws IOException {
        Map<String, Declared> found = new TreeMap<>();
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> names = new ArrayList<>();
        while (modules.find()) {
            names.add(modules.group(1));
        }
        assertThat(names).contains("rules-core", "rules-msk", "rules-micrometer");
        for (String module : names) {
            Path main = ROOT.resolve(module).resolve("src/main/java");
            if (module.startsWith("examples/") || !Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String pkg = main.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
                    Declared d = found.computeIfAbsent(module + " " + pkg, k -> new Declared(new TreeSet<>(), new TreeSet<>()));
                    Matcher m = TOP_LEVEL.matcher(Files.readString(file));
                    while (m.find()) {
                        (m.group(1) != null ? d.publicTypes() : d.otherTypes()).add(m.group(2));
                    }
                }
            }
        }
        assertThat(found).as("sources found").containsKey("rules-msk org.mskrules.msk");
        return found;
    }

    /** The cells of each row of the "What is public" table. */
    private static List<List<String>> tableRows() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/architecture.md"));
        int from = doc.indexOf("### What is public");
        assertThat(from).as("the section in docs/architecture.md").isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        for (String line : doc.substring(from).split("\n")) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("| `")) {
                List<String> cells = List.of(line.substring(1, line.length() - 1).split("\\|", -1));
                assertThat(cells).as(line).hasSize(4);
                rows.add(cells);
            }
        }
        assertThat(rows).as("rows of the table").hasSizeGreaterThan(10);
        return rows;
    }

    /** Type names in backticks outside brackets: the remarks in brackets may name other types. */
    static List<String> names(String cell) {
        return backticked(cell, true).stream().filter(t -> TYPE_NAME.matcher(t).matches()).toList();
    }

    /** Backticked tokens of {@code cell}; with {@code topLevelOnly}, only those outside round brackets. */
    static List<String> backticked(String cell, boolean topLevelOnly) {
        List<String> tokens = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '`') {
                int end = cell.indexOf('`', i + 1);
                if (!topLevelOnly || depth == 0) {
                    tokens.add(cell.substring(i + 1, end));
                }
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return tokens;
    }
}
