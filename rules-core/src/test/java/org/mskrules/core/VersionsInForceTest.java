package org.mskrules.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Choosing a version by date, on fixture-versions: 1.0.0 released from 2024-04-01; 1.9.0 and 1.10.0
 * both released from 2025-04-01; 2.0.0 released from 2026-04-01; 3.0.0 working, with an effective
 * date of 2025-10-01 that must never make it in force.
 */
class VersionsInForceTest {
    static final String ID = "fixture-versions";
    final RuleSetRegistry registry = Fixtures.registry();

    private String inForce(LocalDate date) {
        return registry.inForce(ID, date).version();
    }

    @Test
    void beforeTheFirstEffectiveDateNoVersionIsInForceAndTheMessageListsEveryReleasedVersion() {
        LocalDate date = LocalDate.of(2024, 3, 31);
        assertThatThrownBy(() -> registry.inForce(ID, date))
                .isInstanceOfSatisfying(NoVersionInForceException.class, e -> {
                    assertThat(e.ruleSetId()).isEqualTo(ID);
                    assertThat(e.date()).isEqualTo(date);
                })
                .isInstanceOf(RulesException.class)
                .hasMessage("no version of rule set [fixture-versions] is in force on [2024-03-31]; released: "
                        + "[1.0.0 from 2024-04-01, 1.9.0 from 2025-04-01, 1.10.0 from 2025-04-01, 2.0.0 from 2026-04-01]");
    }

    @Test
    void eachReleasedVersionIsInForceFromItsEffectiveDate() {
        assertThat(inForce(LocalDate.of(2024, 4, 1))).isEqualTo("1.0.0");
        assertThat(inForce(LocalDate.of(2026, 4, 1))).isEqualTo("2.0.0");
    }

    @Test
    void betweenEffectiveDatesTheEarlierVersionStaysInForce() {
        assertThat(inForce(LocalDate.of(2025, 3, 31))).isEqualTo("1.0.0");
        assertThat(inForce(LocalDate.of(2026, 3, 31))).isEqualTo("1.10.0");
    }

    @Test
    void ofTwoVersionsWithTheSameEffectiveDateTheHigherVersionIsInForce() {
        // Semantic order, not text order: 1.10.0 is higher than 1.9.0.
        assertThat(inForce(LocalDate.of(2025, 4, 1))).isEqualTo("1.10.0");
    }

    @Test
    void longAfterTheLastEffectiveDateTheLastReleasedVersionIsInForce() {
        assertThat(inForce(LocalDate.of(2100, 1, 1))).isEqualTo("2.0.0");
    }

    @Test
    void aWorkingVersionIsNeverInForceWhateverItsEffectiveDate() {
        // 3.0.0 is working with effectiveFrom 2025-10-01; 1.10.0 stays in force after that date.
        assertThat(inForce(LocalDate.of(2025, 12, 1))).isEqualTo("1.10.0");
        assertThat(registry.released(ID)).extracting(RuleSetManifest::version)
                .containsExactly("1.0.0", "1.9.0", "1.10.0", "2.0.0");
        assertThat(registry.latestReleased(ID).version()).isEqualTo("2.0.0");
        // It is still there for anyone who names it; latest() ignores status, so it may return it.
        assertThat(registry.latest(ID).version()).isEqualTo("3.0.0");
        assertThat(registry.ruleSet(ID, "3.0.0").manifest().status()).isEqualTo(RuleSetManifest.Status.WORKING);
    }

    @Test
    void theVersionInForceIsTheLoadedRuleSetAndItsTraceNamesIt() {
        RuleSet rs = registry.inForce(ID, LocalDate.of(2025, 6, 1));
        assertThat(rs).isSameAs(registry.ruleSet(ID, "1.10.0"));
        assertThat(Fixtures.evaluate(rs, 11, LocalDate.of(2025, 6, 1)).trace().version()).isEqualTo("1.10.0");
    }

    @Test
    void aRuleSetWithOnlyWorkingVersionsHasNoneInForceAndNoneReleased() {
        assertThat(registry.released("fixture-good")).isEmpty();
        assertThatThrownBy(() -> registry.inForce("fixture-good", LocalDate.of(2026, 1, 1)))
                .isInstanceOf(NoVersionInForceException.class)
                .hasMessage("no version of rule set [fixture-good] is in force on [2026-01-01]; "
                        + "released: none (working versions are never in force)");
        assertThatThrownBy(() -> registry.latestReleased("fixture-good"))
                .isInstanceOf(UnknownRuleSetVersionException.class)
                .hasMessage("unknown rule set version [fixture-good:newest released]; known: [1.2.0, 1.10.0]"
                        + " (none is released; name a working version explicitly)");
    }

    @Test
    void releasedVersionsWhoseEffectiveDatesGoBackwardsAreRefusedWhenTheRegistryIsMade() throws Exception {
        // fixture/backdated: 1.0.0 released from 2026-01-01, 1.1.0 released from 2025-06-01 (it would
        // never be in force after 2026-01-01), 2.0.0 working from 2024-01-01 (never in force: not checked).
        URL index = Fixtures.LOADER.getResource("fixture/backdated/rule-sets.json");
        ClassLoader loader = new ClassLoader(Fixtures.LOADER) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.equals(RuleSetRegistry.INDEX) ? Collections.enumeration(List.of(index))
                        : super.getResources(name);
            }
        };
        assertThatThrownBy(() -> RuleSetRegistry.of(loader, Fixtures.container()))
                .isInstanceOfSatisfying(RuleSetLoadException.class, e -> assertThat(e.problems()).containsExactly(
                        "released version [1.1.0] is effective from [2025-06-01], before the lower released version"
                                + " [1.0.0] (from [2026-01-01]), so it would never be in force after [2026-01-01];"
                                + " effective dates of released versions must not go backwards as versions increase"))
                .hasMessageStartingWith("rule set [fixture-backdated] cannot be loaded");
        // Equal dates are allowed (fixture-versions 1.9.0 and 1.10.0): the registry above was made.
        assertThat(registry.versions(ID)).contains("1.9.0", "1.10.0");
    }

    @Test
    void anUnknownRuleSetIsUnknownRatherThanNotInForce() {
        assertThatThrownBy(() -> registry.inForce("no-such-set", LocalDate.of(2026, 1, 1)))
                .isInstanceOfSatisfying(UnknownRuleSetVersionException.class,
                        e -> assertThat(e.knownVersions()).isEmpty());
        assertThat(registry.released("no-such-set")).isEmpty();
    }
}
