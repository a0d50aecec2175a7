package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * rules-core is the generic runtime: no word of the MSK domain in its main sources, comments
 * included, so that its javadoc teaches the engine with generic examples and no MSK assumption
 * creeps into it. The package prefix {@code org.mskrules} is not such a word; {@code MskRules} is.
 */
class CoreHasNoClinicalWordsTest {
    static final Pattern MSK_WORD = Pattern.compile(
            "(?<!org\\.)msk|referral|red[- _]?flag|waiting[- _]?list|patient", Pattern.CASE_INSENSITIVE);

    /**
     * Lines allowed for now, as "file: line text". RuleSetManifest's javadoc is being rewritten on
     * another branch (review of issue 16, item 6); drop these when it lands.
     */
    static final Set<String> ALLOWED = Set.of();

    @Test
    void rulesCoreMainSourcesHaveNoMskWord() throws IOException {
        Path main = RepoPaths.root().resolve("rules-core/src/main");
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(main)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files++;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (MSK_WORD.matcher(line).find() && !ALLOWED.contains(file.getFileName() + ":" + line)) {
                        found.add(main.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(files).as("files under rules-core/src/main").isGreaterThan(20);
        assertThat(found).as("MSK words in rules-core/src/main").isEmpty();
    }

    @Test
    void theWordListCatchesEachWordButNotTheProjectsName() {
        for (String w : List.of("msk-referral", "a Referral", "RedFlag", "red flag", "red-flag", "waitingList",
                "waiting-list", "WAITING LIST", "the patient", "MskRules")) {
            assertThat(MSK_WORD.matcher(w).find()).as(w).isTrue();
        }
        for (String w : List.of("package org.mskrules.core;", "import org.mskrules.core.io.Json;", "for clinical use")) {
            assertThat(MSK_WORD.matcher(w).find()).as(w).isFalse();
        }
    }
}
