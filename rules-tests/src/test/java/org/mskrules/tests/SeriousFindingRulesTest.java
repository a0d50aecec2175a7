package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mskrules.core.RuleInfo;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.Finding;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Observation;
import org.mskrules.msk.Referral;
import org.mskrules.msk.RiskCategory;
import org.mskrules.msk.RiskStratification;
import org.mskrules.msk.RiskTool;
import org.mskrules.msk.Sex;

/**
 * A serious-finding rule names its group twice: in {@code @findings} (what the catalogue shows, the
 * reason names and SCR-SM-006 asks) and in its condition. They must agree: on a fully answered,
 * low-risk shoulder referral of a woman of 40 with only that finding present, every finding of
 * {@code @findings} is reported by its rule unless one of the rule's own red flags covers it, no
 * other finding is, and every {@code @alwaysFlagged} finding raises a red flag.
 */
class SeriousFindingRulesTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 21);
    private static final MskRules RULES = MskRules.builder().ruleSetVersion("1.1.0").build();

    @TestFactory
    Stream<DynamicTest> eachSeriousFindingRuleReportsExactlyItsDeclaredFindings() {
        return RULES.rules().stream().filter(r -> "serious-finding".equals(r.meta("kind")))
                .map(rule -> DynamicTest.dynamicTest(rule.id(), () -> check(rule)));
    }

    private static void check(RuleInfo rule) {
        Set<Finding> declared = names(rule.meta("findings"));
        for (Finding f : Finding.values()) {
            Assessment a = RULES.assess(onlyPresent(f), AS_OF);
            List<Finding> reported = a.seriousFindings().stream().filter(s -> s.ruleId().equals(rule.id()))
                    .flatMap(s -> s.findings().stream()).toList();
            if (declared.contains(f) && a.redFlags().isEmpty()) {
                assertThat(reported).as("%s with only %s present", rule.id(), f).containsExactly(f);
            } else {
                assertThat(reported).as("%s with only %s present", rule.id(), f).isEmpty();
            }
        }
        for (Finding f : names(rule.meta("alwaysFlagged"))) {
            assertThat(RULES.assess(onlyPresent(f), AS_OF).redFlags()).as("red flags with only %s present", f).isNotEmpty();
        }
    }

    private static Set<Finding> names(String list) {
        return list == null ? Set.of() : Stream.of(list.split(",")).map(s -> Finding.valueOf(s.trim()))
                .collect(Collectors.toSet());
    }

    private static Referral onlyPresent(Finding present) {
        Map<Finding, Observation> findings = new EnumMap<>(Finding.class);
        for (Finding f : Finding.values()) {
            findings.put(f, f == present ? Observation.PRESENT : Observation.ABSENT);
        }
        return new Referral("SF-" + present.name().substring(0, Math.min(40, present.name().length())), 40, Sex.FEMALE,
                LocalDate.of(2026, 12, 18), LocalDate.of(2026, 11, 20), Set.of(BodyRegion.SHOULDER), findings, 3,
                RiskStratification.category(RiskTool.STARTMSK, RiskCategory.LOW), null);
    }

}
