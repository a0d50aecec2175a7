package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mskrules.core.Json;
import org.mskrules.core.RuleInfo;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.IncompleteScreen;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.RedFlag;
import org.mskrules.msk.Referral;

/**
 * Runs every golden case in {@code golden/red-flags/} and checks that each red-flag rule has at
 * least one positive and one near-miss case, and each screen rule at least one positive case.
 */
class RedFlagGoldenTest {
    static final String FOLDER = "golden/red-flags";
    private static final ObjectMapper JSON = Json.mapper();
    private static final Map<String, MskRules> RULES = new ConcurrentHashMap<>();

    static List<GoldenCase> cases() {
        try {
            Path dir = Path.of(RedFlagGoldenTest.class.getClassLoader().getResource(FOLDER).toURI());
            List<GoldenCase> cases = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    GoldenCase c = JSON.readValue(file.toFile(), GoldenCase.class);
                    String fileName = file.getFileName().toString().replace(".json", "");
                    if (!fileName.equals(c.name())) {
                        throw new IllegalStateException("golden case [" + file + "] has name [" + c.name() + "]");
                    }
                    cases.add(c);
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static MskRules rules(GoldenCase c) {
        String key = c.ruleSetVersion() + "|" + c.parameters();
        return RULES.computeIfAbsent(key, k -> {
            MskRules.Builder b = MskRules.builder();
            if (c.ruleSetVersion() != null) {
                b.ruleSetVersion(c.ruleSetVersion());
            }
            if (c.parameters() != null) {
                c.parameters().forEach(b::parameter);
            }
            return b.build();
        });
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenCaseGivesTheOutcomeTheGuidanceExpects() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Referral referral = JSON.treeToValue(c.referral(), Referral.class);
            Assessment a = rules(c).assess(referral, c.asOf());
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(a.escalation()).as("escalation of %s", c.name()).isEqualTo(c.expected().escalation());
            soft.assertThat(a.redFlags()).extracting(RedFlag::ruleId).as("red flags of %s", c.name())
                    .containsExactlyInAnyOrderElementsOf(c.expected().redFlags());
            soft.assertThat(a.incompleteScreens()).extracting(IncompleteScreen::ruleId).as("screens of %s", c.name())
                    .containsExactlyInAnyOrderElementsOf(c.expected().incompleteScreens());
            if (c.expected().missing() != null) {
                c.expected().missing().forEach((ruleId, pointers) -> soft.assertThat(a.incompleteScreens())
                        .filteredOn(s -> s.ruleId().equals(ruleId))
                        .flatExtracting(IncompleteScreen::missing)
                        .as("missing items of %s in %s", ruleId, c.name())
                        .containsExactlyInAnyOrderElementsOf(pointers));
            }
            if (c.positive()) {
                soft.assertThat(c.expected().redFlags().contains(c.rule())
                        || c.expected().incompleteScreens().contains(c.rule()))
                        .as("positive case %s must expect its rule %s", c.name(), c.rule()).isTrue();
            } else {
                soft.assertThat(c.expected().redFlags()).as("near-miss %s must not expect %s", c.name(), c.rule())
                        .doesNotContain(c.rule());
            }
            soft.assertAll();
        }));
    }

    @Test
    void everyRedFlagRuleHasAPositiveAndANearMissCaseAndEveryScreenAPositiveCase() {
        List<GoldenCase> cases = cases();
        Set<String> missingPositive = new TreeSet<>();
        Set<String> missingNearMiss = new TreeSet<>();
        for (RuleInfo rule : MskRules.builder().build().rules()) {
            boolean positive = cases.stream().anyMatch(c -> c.positive() && c.rule().equals(rule.id()));
            boolean nearMiss = cases.stream().anyMatch(c -> !c.positive() && c.rule().equals(rule.id()));
            if (!positive) {
                missingPositive.add(rule.id());
            }
            if ("red-flag".equals(rule.meta("kind")) && !nearMiss) {
                missingNearMiss.add(rule.id());
            }
        }
        assertThat(missingPositive).as("rules without a positive golden case").isEmpty();
        assertThat(missingNearMiss).as("red-flag rules without a near-miss golden case").isEmpty();
    }
}
