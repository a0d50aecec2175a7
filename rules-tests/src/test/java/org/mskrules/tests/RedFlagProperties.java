package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mskrules.governance.SyntheticReferrals;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.Finding;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Observation;
import org.mskrules.msk.RedFlag;
import org.mskrules.msk.Referral;
import org.mskrules.msk.Trend;
import org.quicktheories.core.Gen;

/**
 * Invariants of red-flag escalation over synthetic referrals ({@link SyntheticReferrals}): more
 * evidence never lowers the escalation, ruling a finding out never raises it, decisions are
 * deterministic, and every flag is actionable and sourced. Fixed seed and at least 1,000 referrals
 * per property, so a failure reproduces.
 *
 * <p>Serious findings are rare in the plausible population, so properties about flags run over a
 * mix of plausible and dense referrals ({@link #MIXED_EXAMPLES}, about 1,000 of each), and the
 * monotonicity properties over the dense population alone.
 */
class RedFlagProperties {
    static final int EXAMPLES = 1_000;
    /** Half plausible, half dense: about 1,000 of each. */
    static final int MIXED_EXAMPLES = 2 * EXAMPLES;
    static final long SEED = 20_261_123L;
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    static MskRules rules;

    @BeforeAll
    static void load() {
        rules = MskRules.builder().build();
    }

    /** Plausible and dense referrals, half and half: clean referrals and every kind of flag. */
    private static Gen<Referral> mixed() {
        return SyntheticGen.referrals(AS_OF).mix(dense());
    }

    @Test
    void syntheticReferralsAreValidAndSomeRaiseEachLevel() {
        int[] byLevel = new int[EscalationLevel.values().length];
        qt().withExamples(MIXED_EXAMPLES).withFixedSeed(SEED).forAll(mixed()).checkAssert(r -> {
            assertThat(rules.validate(r, AS_OF)).isEmpty();
            byLevel[rules.assess(r, AS_OF).escalation().ordinal()]++;
        });
        // The population must exercise every level, or the properties below prove little.
        for (EscalationLevel level : EscalationLevel.values()) {
            assertThat(byLevel[level.ordinal()]).as("referrals escalated to %s", level).isPositive();
        }
    }

    /**
     * Monotonicity is checked for every finding of every referral (not one sampled finding), over a
     * denser population in which each finding is present at least 15% of the time, so that rare
     * combinations such as synovitis with its urgency criteria not recorded occur many times.
     */
    private static Gen<Referral> dense() {
        return SyntheticGen.referrals(AS_OF, 150);
    }

    @Test
    void addingAPresentFindingNeverLowersTheEscalation() {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED).forAll(dense()).checkAssert(r -> {
            EscalationLevel before = rules.assess(r, AS_OF).escalation();
            for (Finding finding : Finding.values()) {
                if (!r.isPresent(finding)) {
                    EscalationLevel after = rules.assess(
                            SyntheticReferrals.with(r, finding, Observation.PRESENT), AS_OF).escalation();
                    assertThat(after).as("escalation after %s is present in %s", finding, r)
                            .isGreaterThanOrEqualTo(before);
                }
            }
        });
    }

    @Test
    void recordingANotRecordedFindingAsAbsentNeverRaisesTheEscalation() {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED).forAll(dense()).checkAssert(r -> {
            EscalationLevel before = rules.assess(r, AS_OF).escalation();
            for (Finding finding : Finding.values()) {
                if (r.isNotRecorded(finding)) {
                    EscalationLevel after = rules.assess(
                            SyntheticReferrals.with(r, finding, Observation.ABSENT), AS_OF).escalation();
                    assertThat(after).as("escalation after %s is recorded absent in %s", finding, r)
                            .isLessThanOrEqualTo(before);
                }
            }
        });
    }

    @Test
    void aWorseningTrendNeverLowersTheEscalation() {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED)
                .forAll(dense(), SyntheticGen.findings())
                .checkAssert((r, finding) -> {
                    LocalDate onset = r.observation(finding).onset() != null
                            ? r.observation(finding).onset() : r.referralDate().minusDays(30);
                    Referral stable = SyntheticReferrals.with(r, finding, Observation.present(onset, Trend.STABLE));
                    Referral worsening = SyntheticReferrals.with(r, finding, Observation.present(onset, Trend.WORSENING));
                    EscalationLevel before = rules.assess(stable, AS_OF).escalation();
                    EscalationLevel after = rules.assess(worsening, AS_OF).escalation();
                    assertThat(after).as("escalation after %s is worsening", finding).isGreaterThanOrEqualTo(before);
                });
    }

    @Test
    void theSameReferralVersionAndDateGiveTheSameAssessmentAndTrace() {
        // Another instance of the same configuration (a rule-mutation run switches rules off).
        MskRules other = MskRules.builder().ruleSetVersion(rules.version())
                .withRulesDisabled(rules.disabledRules().toArray(String[]::new)).build();
        qt().withExamples(MIXED_EXAMPLES).withFixedSeed(SEED).forAll(mixed()).checkAssert(r -> {
            Assessment first = rules.assess(r, AS_OF);
            assertThat(rules.assess(r, AS_OF)).isEqualTo(first);
            assertThat(other.assess(r, AS_OF)).isEqualTo(first);
            assertThat(first.trace().version()).isEqualTo(rules.version());
            assertThat(first.trace().contentHash()).isEqualTo(rules.contentHash()).startsWith("sha256:");
            assertThat(first.trace().asOf()).isEqualTo(AS_OF);
        });
    }

    @Test
    void everyFlagHasADestinationASourceAndARuleThatFired() {
        qt().withExamples(MIXED_EXAMPLES).withFixedSeed(SEED).forAll(mixed()).checkAssert(r -> {
            Assessment a = rules.assess(r, AS_OF);
            for (RedFlag flag : a.redFlags()) {
                assertThat(flag.destination()).isNotNull();
                assertThat(flag.source()).isNotBlank();
                assertThat(flag.timeFrame()).isNotBlank();
                assertThat(flag.level()).isNotEqualTo(EscalationLevel.NONE);
                assertThat(a.trace().firedRuleIds()).contains(flag.ruleId());
            }
            EscalationLevel highest = a.redFlags().stream().map(RedFlag::level)
                    .max(Enum::compareTo).orElse(EscalationLevel.NONE);
            assertThat(a.escalation()).isEqualTo(highest);
            a.incompleteScreens().forEach(s -> {
                assertThat(s.missing()).isNotEmpty().allMatch(p -> p.startsWith("/"));
                assertThat(a.trace().firedRuleIds()).contains(s.ruleId());
            });
        });
    }
}
