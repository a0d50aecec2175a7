package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mskrules.governance.RuleCatalogue;
import org.mskrules.core.RuleSet;
import org.mskrules.core.RuleSetRegistry;

/**
 * {@code docs/rules/} holds the generated catalogue of every rule-set version on the class path
 * ({@code <ruleSetId>-<version>.md}) and an index ({@code README.md}), committed so that a rule
 * change shows in review as a change to the catalogue. This test fails when a committed page is not
 * what the rules generate now, is missing, or describes a version that no longer exists.
 *
 * <p>With {@code -Dmskrules.update=true} it writes every page that differs, deletes the stale ones,
 * prints what it did and passes (surefire passes command-line {@code -D} properties to the test JVM).
 */
class RuleCatalogueTest {
    static final String UPDATE_PROPERTY = "mskrules.update";
    static final String REGENERATE = "mvn -B verify -D" + UPDATE_PROPERTY + "=true"
            + " (or, faster: mvn -B -pl rules-tests -am verify -Dtest=RuleCatalogueTest -D" + UPDATE_PROPERTY + "=true)";
    static final String INDEX = "README.md";
    /** A file name a generated page would have: {@code <ruleSetId>-<MAJOR.MINOR.PATCH>.md}. */
    static final Pattern PAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*-\\d+\\.\\d+\\.\\d+\\.md");

    static final Path DIR = RepoPaths.root().resolve("docs").resolve("rules");

    static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    /** File name -> the text the rules generate now, for every version on the class path and the index. */
    static Map<String, String> generated() {
        RuleSetRegistry registry = RuleSetRegistry.fromClasspath();
        Map<String, String> pages = new TreeMap<>();
        List<RuleSet> all = new ArrayList<>();
        for (String id : registry.ruleSetIds()) {
            for (String version : registry.versions(id)) {
                RuleSet rs = registry.ruleSet(id, version);
                all.add(rs);
                pages.put(RuleCatalogue.fileName(rs.manifest()), RuleCatalogue.markdown(registry, id, version));
            }
        }
        pages.put(INDEX, RuleCatalogue.index(all));
        return pages;
    }

    @Test
    void everyVersionOnTheClassPathHasItsGeneratedCatalogueCommitted() throws IOException {
        Map<String, String> pages = generated();
        assertThat(pages).hasSizeGreaterThan(1);
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = DIR.resolve(page.getKey());
            // A checkout that converted line endings still holds the same catalogue.
            String committed = Files.isRegularFile(file)
                    ? Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n") : null;
            if (page.getValue().equals(committed)) {
                continue;
            }
            if (updating()) {
                Files.createDirectories(DIR);
                Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
                System.out.println("RuleCatalogueTest: wrote " + shown(file));
            } else {
                wrong.add(shown(file) + (committed == null ? " is missing" : " differs from the generated text"
                        + firstDifference(committed, page.getValue())));
            }
        }
        assertThat(wrong).as("rule catalogues out of date; regenerate with %s and commit docs/rules/", REGENERATE)
                .isEmpty();
    }

    @Test
    void docsRulesHoldsNoCatalogueOfAVersionThatNoLongerExists() throws IOException {
        Map<String, String> pages = generated();
        List<Path> stale = new ArrayList<>();
        if (Files.isDirectory(DIR)) {
            try (Stream<Path> files = Files.list(DIR)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (!pages.containsKey(name) && looksGenerated(f)) {
                        stale.add(f);
                    }
                }
            }
        }
        if (updating()) {
            for (Path f : stale) {
                Files.delete(f);
                System.out.println("RuleCatalogueTest: deleted " + shown(f) + " (no such version on the class path)");
            }
            return;
        }
        assertThat(stale.stream().map(RuleCatalogueTest::shown).toList())
                .as("catalogues of versions that are not on the class path; remove them, or regenerate with %s",
                        REGENERATE)
                .isEmpty();
    }

    /** Named like a version's page, or carrying the generator's marker. */
    static boolean looksGenerated(Path file) throws IOException {
        if (PAGE_NAME.matcher(file.getFileName().toString()).matches()) {
            return true;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(RuleCatalogue.GENERATED_MARKER::equals).orElse(false);
        }
    }

    /** A path relative to the repository root, as a reviewer would type it. */
    static String shown(Path file) {
        return RepoPaths.root().relativize(file).toString().replace('\\', '/');
    }

    private static String firstDifference(String committed, String generated) {
        String[] a = committed.split("\n", -1);
        String[] b = generated.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end of file>";
            String y = i < b.length ? b[i] : "<end of file>";
            if (!x.equals(y)) {
                return " (first at line " + (i + 1) + ":\n    committed: " + x + "\n    generated: " + y + ")";
            }
        }
        return "";
    }
}
