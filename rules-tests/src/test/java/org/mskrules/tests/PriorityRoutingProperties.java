package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mskrules.governance.SyntheticReferrals;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.Finding;
import org.mskrules.msk.LocalParameters;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.PriorityReason;
import org.mskrules.msk.RedFlag;
import org.mskrules.msk.Referral;
import org.mskrules.msk.Route;
import org.mskrules.msk.RouteReason;
import org.mskrules.msk.ServiceProfile;
import org.quicktheories.core.Gen;

/**
 * Invariants of the priority and routing decisions over synthetic referrals and service profiles
 * ({@link SyntheticReferrals}): exactly one route, by precedence; red flags always win; an incomplete
 * screen or a priority patient never goes to self-management; priority exactly when a criterion is
 * met (checked against the national definition written out here, independently of the rules) or a
 * clinician says so; and the service profile changes routing only, never red flags, screens or
 * priority. Fixed seed and at least 1,000 referrals per property, so that a failure reproduces.
 *
 * <p>Properties about routes in general run over the plausible population, where every route is
 * common enough; those that need red flags over a mix of plausible and dense referrals
 * ({@link #MIXED_EXAMPLES}, about 1,000 of each), since serious findings are rare in the plausible one.
 */
class PriorityRoutingProperties {
    static final int EXAMPLES = 1_000;
    /** Half plausible, half dense: about 1,000 of each. */
    static final int MIXED_EXAMPLES = 2 * EXAMPLES;
    static final long SEED = 20_261_123L;
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    static MskRules rules;
    static LocalParameters parameters;

    @BeforeAll
    static void load() {
        rules = MskRules.builder().build();
        parameters = rules.parameters();
    }

    private static Gen<Referral> referrals() {
        return SyntheticGen.referrals(AS_OF);
    }

    /** Plausible and dense referrals, half and half: clean referrals and every kind of flag. */
    private static Gen<Referral> mixed() {
        return SyntheticGen.referrals(AS_OF).mix(SyntheticGen.referrals(AS_OF, 150));
    }

    @Test
    void thePopulationReachesEveryRouteAndBothCategories() {
        Map<Route, Integer> byRoute = new EnumMap<>(Route.class);
        Map<PriorityCategory, Integer> byCategory = new EnumMap<>(PriorityCategory.class);
        qt().withExamples(EXAMPLES).withFixedSeed(SEED).forAll(referrals(), SyntheticGen.pathwayProfiles())
                .checkAssert((r, profile) -> {
                    Assessment a = rules.assess(r, AS_OF, profile);
                    byRoute.merge(a.route().route(), 1, Integer::sum);
                    byCategory.merge(a.priority().category(), 1, Integer::sum);
                });
        // Otherwise the properties below could pass by never meeting a route.
        // Every route the version's rules can give (ADVICE_AND_GUIDANCE from 2.0.0).
        List<Route> routes = rules.rules().stream().filter(x -> "route".equals(x.meta("kind")))
                .map(x -> Route.valueOf(x.meta("route"))).distinct().toList();
        for (Route route : routes) {
            assertThat(byRoute.getOrDefault(route, 0)).as("referrals routed to %s in %s", route, byRoute).isPositive();
        }
        assertThat(byCategory).containsKeys(PriorityCategory.values());
    }

    @Test
    void everyReferralHasExactlyOneRouteTheHighestPrecedenceRouteAnyRuleGave() {
        qt().withExamples(MIXED_EXAMPLES).withFixedSeed(SEED).forAll(mixed(), SyntheticGen.profiles())
                .checkAssert((r, profile) -> {
                    Assessment a = rules.assess(r, AS_OF, profile);
                    Route route = a.route().route();
                    assertThat(a.route().reasons()).isNotEmpty().allMatch(x -> x.route() == route);
                    assertThat(a.route().outranked()).allMatch(x -> x.route().compareTo(route) > 0);
                    for (RouteReason reason : a.route().reasons()) {
                        assertThat(a.trace().firedRuleIds()).contains(reason.ruleId());
                        assertThat(reason.source()).isNotBlank();
                    }
                    assertThat(a.route().specialty() != null).isEqualTo(route == Route.SECONDARY_CARE);
                    assertThat(a.route().destination() != null).isEqualTo(route == Route.RED_FLAG_PATHWAY);
                });
    }

    @Test
    void aRedFlagAlwaysRoutesToTheHighestFlagsPathwayAndOnlyARedFlagDoes() {
        qt().withExamples(MIXED_EXAMPLES).withFixedSeed(SEED).forAll(mixed(), SyntheticGen.profiles())
                .checkAssert((r, profile) -> {
                    Assessment a = rules.assess(r, AS_OF, profile);
                    assertThat(a.route().route() == Route.RED_FLAG_PATHWAY).as("route %s with flags %s",
                            a.route().route(), a.redFlags()).isEqualTo(a.hasRedFlags());
                    boolean redFlagScreenOpen = a.incompleteScreens().stream().anyMatch(s -> s.screen().isRedFlagScreen());
                    if (!a.hasRedFlags() && redFlagScreenOpen) {
                        assertThat(a.route().timeFrame()).startsWith("First complete the open red-flag screens");
                    }
                    if (a.hasRedFlags()) {
                        RedFlag highest = a.redFlags().get(0);
                        assertThat(a.route().destination()).isEqualTo(highest.destination());
                        assertThat(a.route().timeFrame()).isEqualTo(highest.timeFrame());
                    }
                });
    }

    @Test
    void anIncompleteScreenOrAPriorityPatientIsNeverRoutedToSelfManagement() {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED).forAll(referrals(), SyntheticGen.profiles())
                .checkAssert((r, profile) -> {
                    Assessment a = rules.assess(r, AS_OF, profile);
                    if (a.route().route() == Route.SUPPORTED_SELF_MANAGEMENT) {
                        assertThat(a.incompleteScreens()).isEmpty();
                        assertThat(a.redFlags()).isEmpty();
                        assertThat(a.priority().category()).isEqualTo(PriorityCategory.NON_PRIORITY);
                        assertThat(a.priority().derived()).isEqualTo(PriorityCategory.NON_PRIORITY);
                        assertThat(a.stratifiedRisk()).isNotNull();
                        assertThat(a.stratifiedRisk().category()).hasToString("LOW");
                        assertThat(r.ageYears()).isGreaterThanOrEqualTo(16);
                        assertThat(r.regions()).isNotEmpty();
                    }
                });
    }

    @Test
    void priorityExactlyWhenANationalCriterionIsMetOrAClinicianDecides() {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED).forAll(SyntheticGen.referrals(AS_OF, 150))
                .checkAssert(r -> {
                    Assessment a = rules.assess(r, AS_OF);
                    boolean criterionMet = meetsNationalCriterion(r);
                    assertThat(a.priority().derived() == PriorityCategory.PRIORITY).as("derived priority of %s", r)
                            .isEqualTo(criterionMet);
                    assertThat(a.priority().reasons().isEmpty()).isEqualTo(!criterionMet);
                    PriorityCategory expected = r.clinicianPriority() != null ? r.clinicianPriority()
                            : criterionMet ? PriorityCategory.PRIORITY : PriorityCategory.NON_PRIORITY;
                    assertThat(a.priority().category()).isEqualTo(expected);
                    assertThat(a.priority().clinician()).isEqualTo(r.clinicianPriority());
                    assertThat(a.priority().waitingThresholdDays())
                            .isEqualTo(expected == PriorityCategory.PRIORITY ? 14 : 84);
                    for (PriorityReason reason : a.priority().reasons()) {
                        assertThat(a.trace().firedRuleIds()).contains(reason.ruleId());
                    }
                    // A criterion met only provisionally leaves the priority screen open.
                    boolean onlyProvisional = !a.priority().reasons().isEmpty()
                            && a.priority().reasons().stream().allMatch(PriorityReason::provisional);
                    if (onlyProvisional) {
                        assertThat(a.incompleteScreens()).anyMatch(s -> s.ruleId().equals("SCR-PRI-001"));
                    }
                });
    }

    /**
     * The PR2022 definition, written out independently of the rules: recent surgery or injury needing
     * rehabilitation (undated counts, cautiously), or high pain (unscored counts, cautiously) with loss
     * of function, disturbed sleep, or inability to work or care.
     */
    private static boolean meetsNationalCriterion(Referral r) {
        boolean surgery = recentOrUndated(r, Finding.SURGERY_OR_PROCEDURE_NEEDING_REHABILITATION);
        boolean injury = recentOrUndated(r, Finding.INJURY_NEEDING_REHABILITATION);
        boolean consequence = r.anyPresent(List.of(Finding.SIGNIFICANT_LOSS_OF_FUNCTION, Finding.SLEEP_DISTURBED_BY_PAIN,
                Finding.UNABLE_TO_WORK, Finding.UNABLE_TO_UNDERTAKE_CARE_RESPONSIBILITIES));
        boolean highPain = r.painScore() == null || r.painScore() >= parameters.highPainScore();
        return surgery || injury || (consequence && highPain);
    }

    private static boolean recentOrUndated(Referral r, Finding finding) {
        if (!r.isPresent(finding)) {
            return false;
        }
        LocalDate when = r.observation(finding).onset();
        return when == null || ChronoUnit.DAYS.between(when, r.referralDate()) <= parameters.recentRehabilitationDays();
    }

    @Test
    void changingOnlyTheServiceProfileNeverChangesRedFlagsScreensOrPriority() {
        qt().withExamples(MIXED_EXAMPLES).withFixedSeed(SEED)
                .forAll(mixed(), SyntheticGen.profiles(), SyntheticGen.profiles())
                .checkAssert((r, p1, p2) -> {
                    Assessment a = rules.assess(r, AS_OF, p1);
                    Assessment b = rules.assess(r, AS_OF, p2);
                    assertThat(b.escalation()).isEqualTo(a.escalation());
                    assertThat(b.redFlags()).isEqualTo(a.redFlags());
                    assertThat(b.incompleteScreens()).isEqualTo(a.incompleteScreens());
                    assertThat(b.priority()).isEqualTo(a.priority());
                    assertThat(b.stratifiedRisk()).isEqualTo(a.stratifiedRisk());
                });
    }

    /** The FCP routing rules and the community-triage rule each becomes without FCP access. */
    static final java.util.Map<String, String> NO_FCP_INSTEAD = java.util.Map.of("RT-FCP-001", "RT-FCP-002",
            "RT-SN-001", "RT-SN-002");

    @Test
    void withoutFcpAccessNothingGoesToAnFcpAndWithItNothingIsSentToTriageForLackOfOne() {
        ServiceProfile withFcp = ServiceProfile.NATIONAL;
        ServiceProfile withoutFcp = ServiceProfile.NATIONAL.toBuilder().name("No FCP access").fcpAccess(false).build();
        qt().withExamples(EXAMPLES).withFixedSeed(SEED).forAll(referrals()).checkAssert(r -> {
            Assessment a = rules.assess(r, AS_OF, withFcp);
            Assessment b = rules.assess(r, AS_OF, withoutFcp);
            assertThat(a.route().reasons()).noneMatch(x -> NO_FCP_INSTEAD.containsValue(x.ruleId()));
            assertThat(b.route().route()).isNotEqualTo(Route.FIRST_CONTACT_PRACTITIONER);
            if (a.route().route() == Route.FIRST_CONTACT_PRACTITIONER) {
                // Each FCP reason has its community-triage counterpart (from 1.1.0 the safety net's too).
                assertThat(b.route().route()).isEqualTo(Route.COMMUNITY_MSK_TRIAGE);
                assertThat(b.route().reasons()).extracting(RouteReason::ruleId).containsExactlyElementsOf(
                        a.route().reasons().stream().map(x -> NO_FCP_INSTEAD.get(x.ruleId())).toList());
            } else {
                assertThat(b.route().route()).isEqualTo(a.route().route());
            }
        });
    }
}
