package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.PathwayStage;
import org.mskrules.msk.Referral;
import org.mskrules.msk.Route;
import org.mskrules.msk.RouteReason;
import org.mskrules.msk.ServiceProfile;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * Invariants of {@code msk-referral 2.0.0} across the pathway stages (issue 17), over plausible and
 * dense synthetic referrals, every stage, and service profiles with the pathway switches drawn (single
 * point of access, advice and guidance): a red flag wins at every stage; the triage stage never
 * returns triage (nor sends the patient back to the practice's FCP); without FCP access nothing goes to
 * an FCP; a single point of access sends no routine referral straight to secondary care; advice and
 * guidance only where the service offers it; and a referral without a stage, in a profile without the
 * switches, is decided exactly as 1.1.0 decides it. Fixed seeds, no shrinking (a seed reproduces a
 * failure). {@link PathwayMutationTest} shows that each property can fail.
 */
class PathwayProperties {
    static final int EXAMPLES = 2_000;
    static final long SEED = 20_261_207L;
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 21);

    /** How a referral is decided: the rules, or a mutant of them. */
    interface Decider {
        Assessment decide(Referral referral, ServiceProfile profile);
    }

    static MskRules rules;

    @BeforeAll
    static void load() {
        rules = MskRules.builder().ruleSetVersion("2.0.0").build();
    }

    static Decider version2() {
        return (r, profile) -> rules.assess(r, AS_OF, profile);
    }

    /** Plausible and dense referrals, half and half, so that red flags and serious findings are common. */
    static Gen<Referral> referrals() {
        return SyntheticGen.referrals(AS_OF).mix(SyntheticGen.referrals(AS_OF, 150));
    }

    static Gen<PathwayStage> stages() {
        return in -> PathwayStage.values()[(int) in.next(Constraint.between(0, PathwayStage.values().length - 1))];
    }

    @Test
    void aRedFlagWinsAtEveryStage() {
        aRedFlagWinsAtEveryStage(version2());
    }

    static void aRedFlagWinsAtEveryStage(Decider d) {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED).withShrinkCycles(0)
                .forAll(referrals(), stages(), SyntheticGen.pathwayProfiles()).checkAssert((r, stage, profile) -> {
                    Assessment a = d.decide(r.withPathwayStage(stage), profile);
                    if (a.hasRedFlags()) {
                        assertThat(a.route().route()).as("route at %s with red flags %s", stage, a.redFlags())
                                .isEqualTo(Route.RED_FLAG_PATHWAY);
                        assertThat(a.route().destination()).isEqualTo(a.redFlags().get(0).destination());
                    }
                });
    }

    @Test
    void theTriageStageNeverReturnsTriageNorTheFcp() {
        theTriageStageNeverReturnsTriageNorTheFcp(version2());
    }

    static void theTriageStageNeverReturnsTriageNorTheFcp(Decider d) {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED + 1).withShrinkCycles(0)
                .forAll(referrals(), SyntheticGen.pathwayProfiles()).checkAssert((r, profile) -> {
                    Assessment a = d.decide(r.withPathwayStage(PathwayStage.COMMUNITY_MSK_TRIAGE), profile);
                    assertThat(a.route().route()).as("route at community triage, reasons %s", a.route().reasons())
                            .isNotIn(Route.COMMUNITY_MSK_TRIAGE, Route.FIRST_CONTACT_PRACTITIONER);
                });
    }

    @Test
    void withoutFcpAccessNothingGoesToAnFcpAtAnyStage() {
        withoutFcpAccessNothingGoesToAnFcpAtAnyStage(version2());
    }

    static void withoutFcpAccessNothingGoesToAnFcpAtAnyStage(Decider d) {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED + 2).withShrinkCycles(0)
                .forAll(referrals(), stages(), SyntheticGen.pathwayProfiles()).checkAssert((r, stage, base) -> {
                    ServiceProfile profile = base.toBuilder().name("No FCP access").fcpAccess(false).build();
                    Assessment a = d.decide(r.withPathwayStage(stage), profile);
                    assertThat(a.route().route()).as("route at %s without FCP access", stage)
                            .isNotEqualTo(Route.FIRST_CONTACT_PRACTITIONER);
                });
    }

    @Test
    void aSinglePointOfAccessSendsNoRoutineReferralStraightToSecondaryCare() {
        aSinglePointOfAccessSendsNoRoutineReferralStraightToSecondaryCare(version2());
    }

    static void aSinglePointOfAccessSendsNoRoutineReferralStraightToSecondaryCare(Decider d) {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED + 3).withShrinkCycles(0)
                .forAll(referrals(), stages(), SyntheticGen.pathwayProfiles()).checkAssert((r, stage, base) -> {
                    ServiceProfile profile = base.toBuilder().name("Single point of access").singlePointOfAccess(true).build();
                    Assessment a = d.decide(r.withPathwayStage(stage), profile);
                    if (stage != PathwayStage.COMMUNITY_MSK_TRIAGE) {
                        // Only the service's own triage refers to secondary care; red flags go to their pathway.
                        assertThat(a.route().route()).as("route at %s through a single point of access", stage)
                                .isNotEqualTo(Route.SECONDARY_CARE);
                    }
                });
    }

    @Test
    void adviceAndGuidanceOnlyWhereTheServiceOffersItAfterAnAssessment() {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED + 4).withShrinkCycles(0)
                .forAll(referrals(), stages(), SyntheticGen.pathwayProfiles()).checkAssert((r, stage, profile) -> {
                    Assessment a = version2().decide(r.withPathwayStage(stage), profile);
                    if (a.route().route() == Route.ADVICE_AND_GUIDANCE) {
                        assertThat(profile.offersAdviceAndGuidance(a.route().specialty())).isTrue();
                        assertThat(stage).isIn(PathwayStage.FCP_OR_GP_ASSESSMENT, PathwayStage.COMMUNITY_MSK_TRIAGE);
                        // Every referral it replaces is to a specialty that offers it.
                        assertThat(a.route().outranked()).filteredOn(x -> x.route() == Route.SECONDARY_CARE)
                                .isNotEmpty().allMatch(x -> profile.offersAdviceAndGuidance(x.specialty()));
                    }
                });
    }

    @Test
    void withoutAStageOrThePathwaySwitchesTheDecisionIsThatOf1_1_0() {
        withoutAStageOrThePathwaySwitchesTheDecisionIsThatOf(MskRules.builder().ruleSetVersion("1.1.0").build());
    }

    static void withoutAStageOrThePathwaySwitchesTheDecisionIsThatOf(MskRules earlier) {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED + 5).withShrinkCycles(0)
                .forAll(referrals(), SyntheticGen.profiles()).checkAssert((r, profile) -> {
                    Assessment now = rules.assess(r, AS_OF, profile);
                    Assessment before = earlier.assess(r, AS_OF, profile);
                    Assessment explicit = rules.assess(r.withPathwayStage(PathwayStage.FCP_OR_GP_ASSESSMENT), AS_OF, profile);
                    for (Assessment a : java.util.List.of(now, explicit)) {
                        assertThat(a.route().route()).isEqualTo(before.route().route());
                        assertThat(a.route().specialty()).isEqualTo(before.route().specialty());
                        assertThat(a.route().destination()).isEqualTo(before.route().destination());
                        assertThat(a.route().reasons().stream().map(RouteReason::ruleId).toList())
                                .isEqualTo(before.route().reasons().stream().map(RouteReason::ruleId).toList());
                        assertThat(a.redFlags()).isEqualTo(before.redFlags());
                        assertThat(a.incompleteScreens()).isEqualTo(before.incompleteScreens());
                        // By ids and values: 2.0.0 relabels the sources of two local choices (PRI-PAIN-003, RT-TRI-003).
                        assertThat(a.priority().category()).isEqualTo(before.priority().category());
                        assertThat(a.priority().derived()).isEqualTo(before.priority().derived());
                        assertThat(a.priority().waitingThresholdDays()).isEqualTo(before.priority().waitingThresholdDays());
                        assertThat(a.priority().reasons().stream().map(x -> x.ruleId()).toList())
                                .isEqualTo(before.priority().reasons().stream().map(x -> x.ruleId()).toList());
                    }
                    assertThat(now.pathwayStage()).isEqualTo(PathwayStage.FCP_OR_GP_ASSESSMENT);
                });
    }
}
