package org.mskrules.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mskrules.core.MetadataRules.absent;
import static org.mskrules.core.MetadataRules.has;
import static org.mskrules.core.MetadataRules.listOf;
import static org.mskrules.core.MetadataRules.not;
import static org.mskrules.core.MetadataRules.oneOf;
import static org.mskrules.core.MetadataRules.optionalValues;
import static org.mskrules.core.MetadataRules.positiveInt;
import static org.mskrules.core.MetadataRules.present;
import static org.mskrules.core.MetadataRules.when;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataRulesTest {
    enum Colour { RED, GREEN }

    static final MetadataRules RULES = MetadataRules.builder()
            .everyRule(MetadataRules.values("confidence", "N", "L"))
            .kind("alert", oneOf("colour", Colour.class), present("text"), not("colour", "GREEN", "an alert is never green"),
                    listOf("also", Colour.class), positiveInt("days"))
            .kind("note", optionalValues("pinned", "true", "false"),
                    when(has("pinned", "true"), present("why")),
                    when(has("pinned", "true").negate(), absent("why", "only a pinned note says why")))
            .build();

    static RuleInfo rule(Map<String, String> metadata) {
        return new RuleInfo("T-1", "T-1 a rule", "fixture", metadata);
    }

    @Test
    void aRuleMeetingItsKindsRequirementsHasNoProblem() {
        assertThat(RULES.problems(rule(Map.of("kind", "alert", "confidence", "N", "colour", "RED", "text", "x",
                "also", "RED, GREEN", "days", "3")))).isEmpty();
        assertThat(RULES.problems(rule(Map.of("kind", "note", "confidence", "L", "pinned", "true", "why", "y")))).isEmpty();
        assertThat(RULES.problems(rule(Map.of("kind", "note", "confidence", "L")))).isEmpty();
    }

    @Test
    void everyProblemIsNamedWithTheRule() {
        assertThat(RULES.problems(rule(Map.of("kind", "alert", "confidence", "X", "colour", "GREEN", "also", "BLUE",
                "days", "0"))))
                .containsExactly(
                        "rule [T-1 a rule] has @confidence [X]; expected N or L",
                        "rule [T-1 a rule] has no @text",
                        "rule [T-1 a rule] has @colour GREEN but an alert is never green",
                        "rule [T-1 a rule] has @also [BLUE], not one of [RED, GREEN]",
                        "rule [T-1 a rule] has @days [0]; expected a positive whole number");
        assertThat(RULES.problems(rule(Map.of("kind", "alert", "confidence", "N", "colour", "PINK", "text", "x", "days", "1"))))
                .containsExactly("rule [T-1 a rule] has @colour [PINK], not one of [RED, GREEN]");
        assertThat(RULES.problems(rule(Map.of("kind", "note", "confidence", "N", "pinned", "true"))))
                .containsExactly("rule [T-1 a rule] has no @why");
        assertThat(RULES.problems(rule(Map.of("kind", "note", "confidence", "N", "pinned", "maybe", "why", "w"))))
                .containsExactly("rule [T-1 a rule] has @pinned [maybe]; expected true or false",
                        "rule [T-1 a rule] has @why [w] but only a pinned note says why");
    }

    @Test
    void aKindNotDeclaredIsAProblem() {
        assertThat(RULES.problems(rule(Map.of("kind", "memo", "confidence", "N"))))
                .containsExactly("rule [T-1 a rule] has @kind [memo]; expected one of [alert, note]");
        assertThat(RULES.problems(rule(Map.of("confidence", "N"))))
                .containsExactly("rule [T-1 a rule] has @kind [null]; expected one of [alert, note]");
    }

    @Test
    void checkingALoadedVersionReportsEveryProblemOfEveryRule() {
        RuleSet good = Fixtures.registry().ruleSet("fixture-good", "1.2.0");
        MetadataRules strict = MetadataRules.builder().everyRule(present("nonexistent")).build();
        assertThatThrownBy(() -> strict.check(good)).isInstanceOf(InvalidRuleMetadataException.class)
                .hasMessageContaining("has no @nonexistent");
        MetadataRules.NONE.check(good);
    }
}
