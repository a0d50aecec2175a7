package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.PathwayStage;

/**
 * Shows that each {@link PathwayProperties} property can fail: each runs against a mutant of
 * {@code msk-referral 2.0.0} that makes one of the hazards of issue 17 (a rule switched off with
 * {@link MskRules.Builder#withRulesDisabled}, or a stage or profile switch ignored) and must find a
 * counterexample; on the real rules the suite passes.
 */
class PathwayMutationTest {
    @BeforeAll
    static void load() {
        PathwayProperties.load();
    }

    private static PathwayProperties.Decider without(String... ruleIds) {
        MskRules mutant = MskRules.builder().ruleSetVersion("2.0.0").withRulesDisabled(ruleIds).build();
        return (r, profile) -> mutant.assess(r, PathwayProperties.AS_OF, profile);
    }

    @Test
    void aRedFlagWinsFailsWithoutTheRedFlagRoute() {
        assertThatThrownBy(() -> PathwayProperties.aRedFlagWinsAtEveryStage(without("RT-RF-001")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void theTriageStageNeverReturnsTriageFailsWhenTheStageIsIgnored() {
        // The hazard "a stage given wrongly or lost": triage decided as the assessment sends patients to triage.
        PathwayProperties.Decider stageIgnored = (r, profile) -> PathwayProperties.rules.assess(
                r.withPathwayStage(PathwayStage.FCP_OR_GP_ASSESSMENT), PathwayProperties.AS_OF, profile);
        assertThatThrownBy(() -> PathwayProperties.theTriageStageNeverReturnsTriageNorTheFcp(stageIgnored))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void withoutFcpAccessFailsWhenTheProfilesFcpAccessIsIgnored() {
        PathwayProperties.Decider fcpIgnored = (r, profile) -> PathwayProperties.rules.assess(r, PathwayProperties.AS_OF,
                profile.toBuilder().fcpAccess(true).build());
        assertThatThrownBy(() -> PathwayProperties.withoutFcpAccessNothingGoesToAnFcpAtAnyStage(fcpIgnored))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void theSinglePointOfAccessPropertyFailsWithoutItsRule() {
        assertThatThrownBy(() -> PathwayProperties.aSinglePointOfAccessSendsNoRoutineReferralStraightToSecondaryCare(
                without("RT-SPA-001"))).isInstanceOf(AssertionError.class);
    }

    @Test
    void theSameAs1_1_0PropertyFailsAgainst1_0_0() {
        // 1.1.0 added the safety net, so 1.0.0 decides some referrals differently.
        assertThatThrownBy(() -> PathwayProperties.withoutAStageOrThePathwaySwitchesTheDecisionIsThatOf(
                MskRules.builder().ruleSetVersion("1.0.0").build())).isInstanceOf(AssertionError.class);
    }
}
