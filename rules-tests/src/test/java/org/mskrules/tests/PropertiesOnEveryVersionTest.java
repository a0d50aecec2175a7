package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * The property suites run on their own against the default version (the newest released). This runs
 * them against every other version on the class path too, working versions included, so that a
 * version under development meets the same invariants before anyone signs it off.
 */
class PropertiesOnEveryVersionTest {
    private static final RuleSetRegistry REGISTRY = RuleSetRegistry.fromClasspath();

    @TestFactory
    Stream<DynamicTest> referralPropertiesHoldForEveryVersion() {
        String byDefault = MskRules.builder().registry(REGISTRY).build().version();
        return REGISTRY.versions(MskRules.RULE_SET_ID).stream().filter(v -> !v.equals(byDefault))
                .map(version -> DynamicTest.dynamicTest(MskRules.RULE_SET_ID + " " + version, () -> assertThat(
                        LoadBearingRulesTest.PropertySuites.referral(MskRules.builder().registry(REGISTRY)
                                .ruleSetVersion(version).build(), false))
                        .as("properties failing for %s", version).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> waitingListPropertiesHoldForEveryVersion() {
        String byDefault = WaitingListRules.builder().registry(REGISTRY).build().version();
        return REGISTRY.versions(WaitingListRules.RULE_SET_ID).stream().filter(v -> !v.equals(byDefault))
                .map(version -> DynamicTest.dynamicTest(WaitingListRules.RULE_SET_ID + " " + version, () -> assertThat(
                        LoadBearingRulesTest.PropertySuites.waitingList(WaitingListRules.builder().registry(REGISTRY)
                                .ruleSetVersion(version).build(), false))
                        .as("properties failing for %s", version).isEmpty()));
    }
}
