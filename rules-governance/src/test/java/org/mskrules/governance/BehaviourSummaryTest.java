package org.mskrules.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mskrules.core.io.Json;
import org.mskrules.msk.MskRules;

class BehaviourSummaryTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    static MskRules current;
    static MskRules ageSixty;
    static Population population;

    @BeforeAll
    static void load() {
        current = MskRules.builder().build();
        ageSixty = MskRules.builder().parameter("malignancyAgeYears", 60).build();
        population = Population.synthetic(99, 1_500, AS_OF).plus(Population.goldenCases(PopulationTest.GOLDEN));
    }

    @Test
    void theSameRulesAndPopulationGiveTheSameSummaryWhichRoundTripsThroughJson() throws Exception {
        BehaviourSummary first = BehaviourSummary.of(current, population);
        BehaviourSummary again = BehaviourSummary.of(MskRules.builder().build(), population);
        assertThat(again).isEqualTo(first);
        assertThat(first.differences(again)).isEmpty();
        assertThat(first.digest()).matches("sha256:[0-9a-f]{64}");
        assertThat(first.cases()).isEqualTo(population.size());
        assertThat(first.rejected()).isZero();
        assertThat(first.escalation().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(first.cases());
        assertThat(first.route().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(first.cases());
        assertThat(first.ruleFirings()).hasSize(current.rules().size()).containsKey("RF-CES-001");
        String json = Json.writeValueAsString(first);
        assertThat(json).doesNotContain("time").doesNotContain("Time");
        assertThat(Json.readValue(json, BehaviourSummary.class)).isEqualTo(first);
    }

    @Test
    void aParameterChangeChangesTheDigestAndTheDifferencesSayWhat() {
        BehaviourSummary before = BehaviourSummary.of(current, population);
        BehaviourSummary after = BehaviourSummary.of(ageSixty, population);
        assertThat(after.digest()).isNotEqualTo(before.digest());
        int lost = before.ruleFirings().get("RF-MAL-002") - after.ruleFirings().get("RF-MAL-002");
        assertThat(lost).isPositive();
        assertThat(before.differences(after))
                .first().asString().startsWith("rule set msk-referral " + current.version() + " (");
        assertThat(before.differences(after))
                .contains("rule RF-MAL-002 fired in " + before.ruleFirings().get("RF-MAL-002") + " -> "
                        + after.ruleFirings().get("RF-MAL-002") + " cases")
                .anyMatch(l -> l.startsWith("escalation URGENT: "))
                .anyMatch(l -> l.startsWith("digest sha256:"))
                .noneMatch(l -> l.startsWith("population"));
    }

    @Test
    void aDifferentPopulationIsSaidFirst() {
        BehaviourSummary a = BehaviourSummary.of(current, Population.synthetic(1, 300, AS_OF));
        BehaviourSummary b = BehaviourSummary.of(current, Population.synthetic(2, 300, AS_OF));
        assertThat(a.differences(b)).element(1).asString().startsWith("population differs");
    }
}
