package org.mskrules.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How a facade's builder chooses a version: by number, by date, or the newest released by default. */
class RuleSetChoiceTest {
    static final String ID = "fixture-versions";
    final RuleSetRegistry registry = Fixtures.registry();

    @Test
    void byDefaultTheNewestReleasedVersionNotTheWorkingOne() {
        assertThat(new RuleSetChoice().resolve(registry, ID).version()).isEqualTo("2.0.0");
    }

    @Test
    void aNamedVersionMayBeWorkingAndADateChoosesTheVersionInForce() {
        RuleSetChoice named = new RuleSetChoice();
        named.version("3.0.0");
        assertThat(named.resolve(registry, ID).manifest().status()).isEqualTo(RuleSetManifest.Status.WORKING);
        RuleSetChoice dated = new RuleSetChoice();
        dated.inForceOn(LocalDate.of(2025, 3, 31));
        assertThat(dated.resolve(registry, ID).version()).isEqualTo("1.0.0");
    }

    @Test
    void aVersionAndADateTogetherAreRefusedWhicheverComesFirst() {
        RuleSetChoice first = new RuleSetChoice();
        first.version("1.0.0");
        assertThatThrownBy(() -> first.inForceOn(LocalDate.of(2025, 1, 1)))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("/ruleSetVersion", "INCONSISTENT")));
        RuleSetChoice second = new RuleSetChoice();
        second.inForceOn(LocalDate.of(2025, 1, 1));
        assertThatThrownBy(() -> second.version("1.0.0")).isInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void disabledRulesAreSwitchedOffInTheResolvedVersionAndUnknownOnesRefused() {
        RuleSetChoice choice = new RuleSetChoice();
        choice.disable("V-002");
        assertThat(choice.resolve(registry, ID).disabledRules()).containsExactly("V-002");
        choice.disable("V-999");
        assertThatThrownBy(() -> choice.resolve(registry, ID)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("V-999");
    }
}
