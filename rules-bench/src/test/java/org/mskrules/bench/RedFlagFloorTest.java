package org.mskrules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mskrules.governance.Population;
import org.mskrules.governance.PopulationCase;
import org.mskrules.governance.RandomDraws;
import org.mskrules.governance.SyntheticReferrals;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.RedFlag;
import org.mskrules.msk.Referral;

/**
 * The plain-Java floor makes exactly the red-flag decisions the rule sets make (escalation, red-flag
 * rules fired, incomplete red-flag screens and what each misses) on seeded synthetic referrals, for
 * both versions and with non-default parameters, so that a benchmark's ratio to the floor compares
 * equal work.
 */
class RedFlagFloorTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    static MskRules v100;

    @BeforeAll
    static void load() {
        v100 = MskRules.builder().ruleSetVersion("1.0.0").build();
    }

    /** The plausible population the benchmarks use, and a denser one in which every rule fires often. */
    static List<Referral> referrals() {
        List<Referral> referrals = new ArrayList<>();
        for (PopulationCase c : Population.synthetic(20261123L, 12_000, AS_OF).cases()) {
            referrals.add(c.referral());
        }
        SplittableRandom random = new SplittableRandom(7L);
        for (int i = 0; i < 8_000; i++) {
            referrals.add(SyntheticReferrals.referral(RandomDraws.from(random.split()), AS_OF, 150));
        }
        return referrals;
    }

    @Test
    void decidesAsEachVersionDoesOnTwentyThousandReferrals() {
        List<Referral> referrals = referrals();
        List<List<String>> byVersion = new ArrayList<>();
        // Frozen on 1.0.0: 1.1.0's safety net and corrected criteria are not transcribed (issue 14);
        // the floor is a timing baseline, and only 1.0.0's decisions are claimed.
        for (MskRules rules : List.of(v100)) {
            Set<String> fired = new TreeSet<>();
            List<String> decisions = new ArrayList<>();
            RedFlagFloor floor = RedFlagFloor.of(rules.version(), rules.parameters());
            for (Referral r : referrals) {
                String engine = decision(rules.assess(r, AS_OF));
                RedFlagFloor.Decision d = floor.decide(r);
                assertThat(decision(d)).as("%s on %s", rules.version(), r).isEqualTo(engine);
                decisions.add(engine);
                into(d, fired);
            }
            byVersion.add(decisions);
            // Every red-flag rule and red-flag screen fired somewhere, so every branch was compared.
            Set<String> expected = new TreeSet<>(RedFlagFloor.FLAG_IDS);
            expected.addAll(List.of("SCR-AXSPA-001", "SCR-CES-001", "SCR-COMP-001", "SCR-GCA-001", "SCR-IA-001",
                    "SCR-IA-002", "SCR-INF-001", "SCR-MAL-001", "SCR-MSCC-001"));
            assertThat(fired).as(rules.version()).isEqualTo(expected);
        }
    }

    @Test
    void readsTheParametersAsTheRulesDo() {
        MskRules local = MskRules.builder().ruleSetVersion("1.0.0").parameter("malignancyAgeYears", 40)
                .parameter("malignancyMinimumFeatures", 1).parameter("fragilityFractureAgeFemale", 50)
                .parameter("childOrYoungPersonMaxAgeYears", 30).parameter("septicArthritisMaxHistoryDays", 90)
                .parameter("myelopathyMinimumSigns", 3).build();
        RedFlagFloor floor = RedFlagFloor.of("1.0.0", local.parameters());
        RedFlagFloor defaults = RedFlagFloor.of("1.0.0", v100.parameters());
        int differ = 0;
        for (Referral r : referrals().subList(12_000, 16_000)) {
            String plain = decision(floor.decide(r));
            assertThat(plain).as("%s", r).isEqualTo(decision(local.assess(r, AS_OF)));
            if (!plain.equals(decision(defaults.decide(r)))) {
                differ++;
            }
        }
        // The parameters change decisions, so the comparison above did read them.
        assertThat(differ).isGreaterThan(100);
    }

    /** The engine's red-flag decisions in one comparable text. */
    static String decision(Assessment a) {
        List<String> flags = a.redFlags().stream().map(RedFlag::ruleId).sorted().toList();
        List<String> screens = a.incompleteScreens().stream().filter(s -> s.screen().isRedFlagScreen())
                .sorted(Comparator.comparing(s -> s.ruleId())).map(s -> s.ruleId() + s.missing()).toList();
        return a.escalation() + " " + flags + " " + screens;
    }

    /** The floor's red-flag decisions in the same text. */
    static String decision(RedFlagFloor.Decision d) {
        List<String> screens = d.screens().stream().sorted(Comparator.comparing(RedFlagFloor.ScreenGap::ruleId))
                .map(s -> s.ruleId() + s.missing()).toList();
        return d.escalation() + " " + d.flagIds() + " " + screens;
    }

    private static void into(RedFlagFloor.Decision d, Set<String> into) {
        into.addAll(d.flagIds());
        d.screens().forEach(s -> into.add(s.ruleId()));
    }
}
