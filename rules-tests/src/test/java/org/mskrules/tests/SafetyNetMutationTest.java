package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mskrules.msk.MskRules;

/**
 * Shows that each {@link SafetyNetProperties} property can fail: run against the released
 * {@code msk-referral 1.0.0}, which has no safety net, every one of the three finds a
 * counterexample (the issue-14 defects), while on 1.1.0 the suite passes (it runs on its own).
 */
class SafetyNetMutationTest {
    @Test
    void everySafetyNetPropertyFailsOnTheRules1_0_0() {
        MskRules original = SafetyNetProperties.rules;
        try {
            SafetyNetProperties.rules = MskRules.builder().ruleSetVersion("1.0.0").build();
            List<String> failures = LoadBearingRulesTest.PropertySuites.failures(SafetyNetProperties.class);
            assertThat(failures).anySatisfy(f -> assertThat(f).startsWith("SafetyNetProperties#noReferralWithASeriousFindingPresentOrNotRecordedIsSelfManagedAndAPresentOneIsNamed"))
                    .anySatisfy(f -> assertThat(f).startsWith("SafetyNetProperties#noPartlyMetCriterionWithTheRestNotRecordedIsSelfManaged"))
                    .anySatisfy(f -> assertThat(f).startsWith("SafetyNetProperties#cancerWithAnyNeurologicalSymptomOrSignIsAnEmergency"));
        } finally {
            SafetyNetProperties.rules = original;
        }
    }
}
