package org.mskrules.msk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.core.UnknownRuleSetVersionException;

/**
 * Issue 20, hazard HAZ-004, ADR 0012: the release artifact {@code rules-msk} on its own offers only
 * RELEASED rule-set versions. Its test class path holds no {@code rules-msk-working}, so every
 * version the registry finds here is one a host gets from the release jar.
 */
class ReleasedVersionsOnlyTest {

    @Test
    void theReleaseArtifactListsOnlyReleasedVersions() {
        RuleSetRegistry registry = RuleSetRegistry.fromClasspath();
        List<RuleSetManifest> all = new ArrayList<>();
        for (String id : registry.ruleSetIds()) {
            registry.versions(id).forEach(v -> all.add(registry.manifest(id, v)));
        }
        assertThat(all).as("rule-set versions in rules-msk").isNotEmpty();
        assertThat(all).allSatisfy(m -> assertThat(m.status()).as(m.coordinates())
                .isEqualTo(RuleSetManifest.Status.RELEASED));
        assertThat(registry.versions("msk-referral")).containsExactly("1.0.0", "1.1.0");
        assertThat(registry.versions("msk-waiting-list")).containsExactly("1.0.0");
    }

    @Test
    void aWorkingVersionCannotBeNamedWithoutTheOptInArtifact() {
        assertThatThrownBy(() -> MskRules.builder().ruleSetVersion("2.0.0").build())
                .isInstanceOf(UnknownRuleSetVersionException.class)
                .hasMessageContaining("2.0.0");
    }
}
