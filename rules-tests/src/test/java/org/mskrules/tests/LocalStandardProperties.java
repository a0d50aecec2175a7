package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.waitinglist.LocalStandardBreach;
import org.mskrules.msk.waitinglist.RecoveryPlanReason;
import org.mskrules.msk.waitinglist.RecoveryPlanStatus;
import org.mskrules.msk.waitinglist.WaitingListEntry;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;
import org.mskrules.tests.SyntheticWaitingLists.Sample;

/**
 * msk-waiting-list 1.1.0 (issue 17): whatever the service profile, the national thresholds of
 * NHS England PR2022 (priority over 14 days, non-priority over 84) alone decide the recovery plan,
 * and the waiting patients over a stricter local standard are counted beside it (WL-RP-006,
 * WL-RP-007), never in its place. The oracle is written here from that statement, independently of
 * the rules. The same property fails on 1.0.0, which applies the local standard as the threshold,
 * and on 1.1.0 without WL-RP-006: that shows its decision and its local counts can each fail.
 * Rejected entries cannot be checked against a local standard, so with any rejected the report is
 * made, counting them, even when no reviewed patient misses the standard.
 */
class LocalStandardProperties {
    static final int EXAMPLES = 150;
    static final long SEED = 20_261_207L;

    /** The national profile, East Lancashire's standards, and stricter and looser corners of the range. */
    static final List<ServiceProfile> PROFILES = List.of(
            ServiceProfile.NATIONAL,
            profile("East Lancashire IMPRS standards", 5, 28),
            profile("Strictest possible standards", 1, 1),
            profile("Routine standard only", 14, 42),
            profile("Urgent standard only", 10, 84));

    static final Map<String, WaitingListRules> RULES = new ConcurrentHashMap<>();

    static ServiceProfile profile(String name, int urgent, int routine) {
        return ServiceProfile.builder().name(name).urgentSeenWithinDays(urgent).routineSeenWithinDays(routine).build();
    }

    static WaitingListRules rules(String version, ServiceProfile profile, String... disabled) {
        return RULES.computeIfAbsent(version + "|" + profile.name() + "|" + String.join(",", disabled),
                k -> WaitingListRules.builder().ruleSetVersion(version).serviceProfile(profile)
                        .withRulesDisabled(disabled).build());
    }

    @Test
    void theNationalThresholdDecidesTheRecoveryPlanAndTheLocalStandardIsCountedBesideIt() {
        checkOn("1.1.0");
    }

    @Test
    void thePropertyFailsOnTheVersionThatAppliesTheLocalStandardAsTheThreshold() {
        // 1.0.0 counts against the local standard: its reasons cite it, and its plan follows it.
        assertThatThrownBy(() -> checkOn("1.0.0")).isInstanceOf(AssertionError.class)
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("recovery plan under",
                        "cites the national threshold"));
    }

    @Test
    void thePropertyFailsWhenThePriorityLocalStandardIsNotReported() {
        assertThatThrownBy(() -> checkOn("1.1.0", "WL-RP-006")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("patients over the local standards of");
    }

    static void checkOn(String version, String... disabled) {
        Map<String, Integer> met = new ConcurrentHashMap<>();
        qt().withExamples(EXAMPLES).withShrinkCycles(10).withFixedSeed(SEED)
                .forAll(integers().between(0, PROFILES.size() - 1), SyntheticWaitingLists.mixedLists())
                .checkAssert((p, s) -> {
                    ServiceProfile profile = PROFILES.get(p);
                    WaitingListReview review = rules(version, profile, disabled).review(s.entries(), s.asOf());
                    Expected expected = expected(s, profile);
                    assertThat(review.recoveryPlan().status()).as("recovery plan under %s", profile.name())
                            .isEqualTo(expected.status);
                    Map<String, Long> reasons = new TreeMap<>();
                    for (RecoveryPlanReason r : review.recoveryPlan().reasons()) {
                        if (r.category() != null) {
                            reasons.put(r.ruleId(), r.entries());
                            assertThat(r.thresholdDays()).as("%s cites the national threshold", r.ruleId())
                                    .isEqualTo(r.category() == PriorityCategory.PRIORITY ? 14 : 84);
                        }
                    }
                    assertThat(reasons).as("patients over the national thresholds under %s", profile.name())
                            .isEqualTo(expected.national);
                    Map<String, Long> local = new TreeMap<>();
                    for (LocalStandardBreach b : review.recoveryPlan().localStandard()) {
                        local.put(b.ruleId(), b.entries());
                        assertThat(b.profile()).isEqualTo(profile.name());
                        assertThat(b.standardDays()).isEqualTo(profile.seenWithinDays(b.category()));
                        assertThat(b.rejected()).as("%s counts the rejected entries beside it", b.ruleId())
                                .isEqualTo(expected.rejected);
                    }
                    assertThat(local).as("patients over the local standards of %s", profile.name())
                            .isEqualTo(expected.local);
                    if (expected.local.values().stream().anyMatch(n -> n > 0)) {
                        met.merge(expected.status + " with a local standard missed", 1, Integer::sum);
                    }
                    if (expected.local.containsValue(0L)) {
                        met.merge("reported for rejected entries alone", 1, Integer::sum);
                    }
                });
        // Otherwise the property could pass without a local standard ever being missed beside each decision.
        assertThat(met).as("decisions met beside a missed local standard")
                .containsKeys(RecoveryPlanStatus.REQUIRED + " with a local standard missed",
                        RecoveryPlanStatus.NOT_REQUIRED + " with a local standard missed",
                        "reported for rejected entries alone");
    }

    record Expected(RecoveryPlanStatus status, Map<String, Long> national, Map<String, Long> local, long rejected) {
    }

    /** Written from PR2022 and issue 17, not from the rules. */
    static Expected expected(Sample s, ServiceProfile profile) {
        Set<Integer> rejected = WaitingListProperties.Spec.rejectedPositions(s.entries(), s.asOf());
        long[] national = new long[2];
        long[] local = new long[2];
        for (int i = 0; i < s.entries().size(); i++) {
            WaitingListEntry e = s.entries().get(i);
            if (rejected.contains(i + 1) || WaitingListProperties.Spec.seen(e, s.asOf())) {
                continue;
            }
            long days = s.asOf().toEpochDay() - e.received().toEpochDay();
            int c = e.category() == PriorityCategory.PRIORITY ? 0 : 1;
            int nationalDays = c == 0 ? 14 : 84;
            int localDays = profile.seenWithinDays(e.category());
            if (days > nationalDays) {
                national[c]++;
            }
            if (localDays < nationalDays && days > localDays) {
                local[c]++;
            }
        }
        boolean required = national[0] + national[1] > 0;
        RecoveryPlanStatus status = required ? RecoveryPlanStatus.REQUIRED
                : rejected.isEmpty() && !s.entries().isEmpty() ? RecoveryPlanStatus.NOT_REQUIRED
                : RecoveryPlanStatus.UNDETERMINED;
        Map<String, Long> nationalReasons = new TreeMap<>();
        Map<String, Long> localReports = new TreeMap<>();
        String[][] ids = {{"WL-RP-001", "WL-RP-006"}, {"WL-RP-002", "WL-RP-007"}};
        for (int c = 0; c < 2; c++) {
            if (national[c] > 0) {
                nationalReasons.put(ids[c][0], national[c]);
            }
            int nationalDays = c == 0 ? 14 : 84;
            boolean hasLocalStandard = profile.seenWithinDays(c == 0 ? PriorityCategory.PRIORITY
                    : PriorityCategory.NON_PRIORITY) < nationalDays;
            if (hasLocalStandard && (local[c] > 0 || !rejected.isEmpty())) {
                localReports.put(ids[c][1], local[c]);
            }
        }
        return new Expected(status, nationalReasons, localReports, rejected.size());
    }
}
