package org.mskrules.core;

import org.mskrules.core.io.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A view of a rule set with rules switched off, for rule-mutation tests and what-if analysis. */
class DisabledRulesTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    final RuleSet good = Fixtures.registry().ruleSet("fixture-good", "1.2.0");

    @Test
    void aDisabledRuleDoesNotFireAndTheTraceNamesIt() {
        RuleSet view = good.withRulesDisabled(Set.of("T-001"));
        Evaluation e = Fixtures.evaluate(view, 11, AS_OF);
        assertThat(e.outputs(Alert.class)).extracting(Alert::ruleId).containsExactly("T-002");
        assertThat(e.trace().firedRuleIds()).containsExactly("T-002");
        assertThat(e.trace().disabledRules()).containsExactly("T-001");
        assertThat(view.disabledRules()).containsExactly("T-001");
        // The view shares the version: same rules, same hash; only what may fire differs.
        assertThat(view.rules()).isEqualTo(good.rules());
        assertThat(view.contentHash()).isEqualTo(good.contentHash());
        assertThat(view.toString()).contains("disabled [T-001]");
    }

    @Test
    void theRuleSetItWasMadeFromIsUnchanged() {
        good.withRulesDisabled(Set.of("T-001", "T-002"));
        Evaluation e = Fixtures.evaluate(good, 11, AS_OF);
        assertThat(e.trace().firedRuleIds()).containsExactlyInAnyOrder("T-001", "T-002");
        assertThat(e.trace().disabledRules()).isEmpty();
        assertThat(good.disabledRules()).isEmpty();
    }

    @Test
    void aRuleThatReadsADisabledRulesOutputDoesNotFireEither() {
        RuleSet versions = Fixtures.registry().ruleSet("fixture-versions", "2.0.0");
        assertThat(Fixtures.evaluate(versions, 21, AS_OF).trace().firedRuleIds()).containsExactly("V-001", "V-002");
        Evaluation e = Fixtures.evaluate(versions.withRulesDisabled(Set.of("V-001")), 21, AS_OF);
        assertThat(e.trace().firedRuleIds()).isEmpty();
        assertThat(e.trace().disabledRules()).containsExactly("V-001");
    }

    @Test
    void disablingMoreAddsToWhatIsDisabledAndNothingIsNoChange() {
        RuleSet both = good.withRulesDisabled(Set.of("T-002")).withRulesDisabled(Set.of("T-001"));
        assertThat(both.disabledRules()).containsExactly("T-001", "T-002");
        assertThat(Fixtures.evaluate(both, 11, AS_OF).trace().firedRuleIds()).isEmpty();
        assertThat(good.withRulesDisabled(Set.of())).isSameAs(good);
    }

    @Test
    void unknownRuleIdsAreRejectedTogetherAndNothingIsDisabled() {
        Set<String> ids = new LinkedHashSet<>(List.of("T-999", "T-001", "", "t-002"));
        assertThatThrownBy(() -> good.withRulesDisabled(ids))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::toString)
                        .containsExactly(
                                "/disabledRules UNKNOWN_RULE: rule [] is not a rule of rule set [fixture-good:1.2.0]",
                                "/disabledRules UNKNOWN_RULE: rule [T-999] is not a rule of rule set [fixture-good:1.2.0]",
                                "/disabledRules UNKNOWN_RULE: rule [t-002] is not a rule of rule set [fixture-good:1.2.0]"));
    }

    @Test
    void theJsonFormOfATraceNamesDisabledRulesOnlyWhenThereAreAny() throws JsonProcessingException {
        String normal = Json.writeValueAsString(Fixtures.evaluate(good, 11, AS_OF).trace());
        String mutated = Json.writeValueAsString(
                Fixtures.evaluate(good.withRulesDisabled(Set.of("T-001")), 11, AS_OF).trace());
        assertThat(normal).doesNotContain("disabledRules");
        assertThat(mutated).contains("\"disabledRules\":[\"T-001\"]");
    }

    @Test
    void aTraceMadeWithoutDisabledRulesHasAnEmptyList() {
        Trace t = new Trace("x", "1.0.0", "sha256:0", AS_OF, List.of());
        assertThat(t.disabledRules()).isEmpty();
        assertThat(t).isEqualTo(new Trace("x", "1.0.0", "sha256:0", AS_OF, List.of(), List.of()));
        assertThat(new Trace("x", "1.0.0", "sha256:0", AS_OF, List.of(), List.of("B", "A")).disabledRules())
                .containsExactly("A", "B");
    }
}
