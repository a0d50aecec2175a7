package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * Both rule families' facades have one shape: the same builder options, checked at the same time,
 * and the same accessors, with {@code toBuilder()} giving back the settings that built them.
 */
class FacadeShapeTest {
    private static final RuleSetRegistry REGISTRY = RuleSetRegistry.fromClasspath();
    private static final ServiceProfile LOCAL = ServiceProfile.builder().name("Test service").fcpAccess(false).build();

    @Test
    void eachFacadeSaysItsVersionStatusHashAndDisabledRules() {
        MskRules working = MskRules.builder().registry(REGISTRY).ruleSetVersion("2.0.0").withRulesDisabled("RT-FCP-002").build();
        assertThat(working.version()).isEqualTo("2.0.0");
        assertThat(working.status()).isEqualTo(RuleSetManifest.Status.WORKING);
        assertThat(working.contentHash()).isEqualTo(REGISTRY.ruleSet(MskRules.RULE_SET_ID, "2.0.0").contentHash());
        assertThat(working.disabledRules()).containsExactly("RT-FCP-002");
        MskRules released = MskRules.builder().registry(REGISTRY).ruleSetVersion("1.0.0").build();
        assertThat(released.status()).isEqualTo(RuleSetManifest.Status.RELEASED);
        assertThat(released.disabledRules()).isEmpty();

        WaitingListRules list = WaitingListRules.builder().registry(REGISTRY).ruleSetVersion("1.0.0")
                .withRulesDisabled("WL-MS-103").build();
        assertThat(list.version()).isEqualTo("1.0.0");
        assertThat(list.status()).isEqualTo(RuleSetManifest.Status.RELEASED);
        assertThat(list.contentHash()).isEqualTo(REGISTRY.ruleSet(WaitingListRules.RULE_SET_ID, "1.0.0").contentHash());
        assertThat(list.disabledRules()).containsExactly("WL-MS-103");
    }

    @Test
    void toBuilderGivesBackEverySettingAndChangesOnlyWhatIsSetAgain() {
        MskRules base = MskRules.builder().registry(REGISTRY).ruleSetVersion("1.1.0").parameter("malignancyAgeYears", 55)
                .serviceProfile(LOCAL).withRulesDisabled("RT-FCP-002").build();
        MskRules same = base.toBuilder().build();
        assertThat(List.of(same.version(), same.contentHash(), same.parameters(), same.serviceProfile(), same.disabledRules()))
                .isEqualTo(List.of(base.version(), base.contentHash(), base.parameters(), base.serviceProfile(),
                        base.disabledRules()));
        MskRules variant = base.toBuilder().parameter("highPainScore", 8).build();
        assertThat(variant.parameters().asMap()).containsEntry("malignancyAgeYears", 55).containsEntry("highPainScore", 8);
        assertThat(variant.contentHash()).isEqualTo(base.contentHash());

        WaitingListRules list = WaitingListRules.builder().registry(REGISTRY).inForceOn(LocalDate.of(2024, 1, 1))
                .parameter("validationFirstWeeks", 10).serviceProfile(LOCAL).longestWaits(3).build();
        WaitingListRules again = list.toBuilder().build();
        assertThat(List.of(again.version(), again.contentHash(), again.parameters(), again.serviceProfile()))
                .isEqualTo(List.of(list.version(), list.contentHash(), list.parameters(), list.serviceProfile()));
        assertThat(list.toBuilder().parameter("validationLookbackWeeks", 4).build().parameters().asMap())
                .containsEntry("validationFirstWeeks", 10).containsEntry("validationLookbackWeeks", 4);
    }

    @Test
    void bothBuildersCheckAParameterWhenItIsSet() {
        assertThatThrownBy(() -> MskRules.builder().parameter("noSuchParameter", 1))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("noSuchParameter");
        assertThatThrownBy(() -> WaitingListRules.builder().parameter("noSuchParameter", 1))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("noSuchParameter");
        assertThatThrownBy(() -> MskRules.builder().parameter("malignancyAgeYears", 1))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("OUT_OF_RANGE");
        assertThatThrownBy(() -> WaitingListRules.builder().parameter("validationFirstWeeks", 0))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("OUT_OF_RANGE");
        for (var check : List.<Runnable>of(
                () -> MskRules.builder().parameters(Map.of("a", 1, "malignancyAgeYears", 1)),
                () -> WaitingListRules.builder().parameters(Map.of("a", 1, "validationFirstWeeks", 0)))) {
            assertThatThrownBy(check::run).isInstanceOfSatisfying(InvalidConfigurationException.class,
                    e -> assertThat(e.violations()).hasSize(2));
        }
    }
}
