package org.mskrules.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.io.Json;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.msk.Finding;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ServiceProfile;

class ImpactAnalysisTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final long SEED = 20_261_123L;

    static MskRules current;
    static MskRules sameAgain;
    static MskRules ageSixty;
    static Population population;
    /** {@code current} against {@code ageSixty} on {@code population}. */
    static ImpactReport ageReport;

    @BeforeAll
    static void load() {
        current = MskRules.builder().ruleSetVersion("1.0.0").build();
        sameAgain = MskRules.builder().ruleSetVersion("1.0.0").build();
        ageSixty = MskRules.builder().ruleSetVersion("1.0.0").parameter("malignancyAgeYears", 60).build();
        population = Population.synthetic(SEED, 2_500, AS_OF).plus(Population.goldenCases(PopulationTest.GOLDEN));
        ageReport = ImpactAnalysis.diff(current, ageSixty, population);
    }

    @Test
    void identicalRuleSetsChangeNothingAndEveryTransitionIsOnTheDiagonal() {
        ImpactReport r = ImpactAnalysis.diff(current, sameAgain, population);
        assertThat(r.cases()).isEqualTo(population.size());
        assertThat(r.compared()).isEqualTo(population.size());
        assertThat(r.errored()).isZero();
        assertThat(r.changed()).isZero();
        assertThat(r.firingOnly()).isZero();
        assertThat(r.changedCases()).isEmpty();
        assertThat(r.firingOnlyCases()).isEmpty();
        assertThat(r.escalation()).allSatisfy((from, row) -> assertThat(row.keySet()).containsExactly(from));
        assertThat(r.priority()).allSatisfy((from, row) -> assertThat(row.keySet()).containsExactly(from));
        assertThat(r.route()).allSatisfy((from, row) -> assertThat(row.keySet()).containsExactly(from));
        assertThat(r.rules()).allSatisfy(f -> {
            assertThat(f.firedInA()).isEqualTo(f.firedInB());
            assertThat(f.difference()).isZero();
            assertThat(f.firesDifferently()).isFalse();
        });
        assertThat(r.a()).isEqualTo(r.b());
        assertThat(r.a().status()).isEqualTo(RuleSetManifest.Status.RELEASED);
        assertThat(r.toMarkdown()).contains("**0 changed decisions**")
                .contains("None: every rule fired in exactly the same cases on both sides.")
                .contains("None: every compared case goes to the same destination on both sides.");
    }

    /**
     * Raising the malignancy age from 50 to 60 removes age as a malignancy feature for people of 50
     * to 59, so spinal pain with exactly one other feature (weight loss, no improvement after a
     * month, night pain) no longer raises RF-MAL-002. The prediction below is written from that
     * description, not from the rules; golden cases that set the age themselves do not change.
     */
    @Test
    void raisingTheMalignancyAgeChangesExactlyTheCasesItsDefinitionPredicts() {
        ImpactReport r = ageReport;
        Set<String> predicted = population.cases().stream().filter(ImpactAnalysisTest::losesTheMalignancyFlag)
                .map(PopulationCase::id).collect(Collectors.toSet());
        assertThat(predicted).hasSizeGreaterThan(20);
        assertThat(r.changedCases()).extracting(ImpactReport.ChangedCase::id).containsExactlyInAnyOrderElementsOf(predicted);
        assertThat(r.changed()).isEqualTo(predicted.size());
        assertThat(r.changedCases()).allSatisfy(c -> {
            assertThat(c.a().redFlags()).contains("RF-MAL-002");
            assertThat(c.b().redFlags()).doesNotContain("RF-MAL-002");
            assertThat(c.firedOnlyInA()).contains("RF-MAL-002");
            assertThat(c.firedOnlyInB()).doesNotContain("RF-MAL-002");
        });
        // In population order.
        List<String> order = population.cases().stream().map(PopulationCase::id).filter(predicted::contains).toList();
        assertThat(r.changedCases()).extracting(ImpactReport.ChangedCase::id).containsExactlyElementsOf(order);
        ImpactReport.RuleFiring mal = r.rules().stream().filter(f -> f.ruleId().equals("RF-MAL-002")).findFirst().orElseThrow();
        assertThat(mal.onlyInA()).isEqualTo(predicted.size());
        assertThat(mal.onlyInB()).isZero();
        assertThat(mal.difference()).isEqualTo(-predicted.size());
        assertThat(mal.description()).startsWith("Spinal pain with at least malignancyMinimumFeatures");
        assertThat(r.a().parameters()).containsEntry("malignancyAgeYears", 50);
        assertThat(r.b().parameters()).containsEntry("malignancyAgeYears", 60);
        assertThat(r.casesWithOwnParameters()).isPositive();
    }

    @Test
    void eachMatrixRowSumsToASOutcomesAndEachColumnToBs() {
        ImpactReport r = ageReport;
        BehaviourSummary a = BehaviourSummary.of(current, population);
        BehaviourSummary b = BehaviourSummary.of(ageSixty, population);
        a.escalation().forEach((level, n) -> {
            assertThat(r.escalation().getOrDefault(level, Map.of()).values().stream().mapToInt(Integer::intValue).sum())
                    .as("row %s", level).isEqualTo(n);
            assertThat(r.escalation().values().stream().mapToInt(row -> row.getOrDefault(level, 0)).sum())
                    .as("column %s", level).isEqualTo(b.escalation().get(level));
        });
        a.priority().forEach((category, n) -> assertThat(
                r.priority().getOrDefault(category, Map.of()).values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(n));
        a.route().forEach((route, n) -> assertThat(
                r.route().getOrDefault(route, Map.of()).values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(n));
        // Only the malignancy flag moves, and only downwards.
        r.escalation().forEach((from, row) -> row.keySet().forEach(to -> assertThat(to).isLessThanOrEqualTo(from)));
        assertThat(r.rules()).filteredOn(ImpactReport.RuleFiring::firesDifferently)
                .allSatisfy(f -> assertThat(f.ruleId()).matches("RF-MAL-002|RT-.*|SCR-SM-.*|STR-.*"));
    }

    @Test
    void theMarkdownHasTheTablesAndTheJsonRoundTrips() throws Exception {
        ImpactReport r = ageReport;
        String md = r.toMarkdown();
        assertThat(md).startsWith("# Impact of msk-referral 1.0.0 (`sha256:")
                .contains("| Parameter `malignancyAgeYears` | **50** | **60** |")
                .contains("## Escalation (rows A, columns B)\n\n| A \\ B | NONE |")
                .contains("## Priority category (rows A, columns B)\n\n| A \\ B |")
                .contains("## Route (rows A, columns B)\n\n| A \\ B |")
                .contains("| RF-MAL-002 | A, B |")
                .contains("Spinal pain with at least malignancyMinimumFeatures")
                .contains("## Changed cases\n\n| Case | What changed (A -> B) |")
                .contains("red flags [RF-MAL-002] -> none");
        Set<String> changed = r.changedCases().stream().map(ImpactReport.ChangedCase::id).collect(Collectors.toSet());
        assertThat(md.lines().filter(l -> l.startsWith("| ") && changed.contains(l.substring(2, l.indexOf(" |", 2)))))
                .hasSize(Math.min(r.changed(), ImpactReport.MARKDOWN_CASE_LIMIT));
        ImpactReport back = Json.readValue(r.toJson(), ImpactReport.class);
        assertThat(back).isEqualTo(r);
        assertThat(back.toJson()).isEqualTo(r.toJson());
    }

    @Test
    void theReportIsTheSameWhateverTheThreads() {
        // More than one chunk, so that chunk boundaries are crossed too.
        Population small = Population.synthetic(5, Chunks.SIZE + 100, AS_OF);
        assertThat(ImpactAnalysis.diff(current, ageSixty, small)).isEqualTo(ImpactAnalysis.diff(current, ageSixty, small));
    }

    @Test
    void aCaseTheRulesRejectIsCountedAsAnErrorOnEachSideNotDropped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("referrals.jsonl");
        Files.writeString(file, """
                {"ageYears": 56, "referralDate": "2026-11-20", "regions": ["LUMBAR_SPINE"], "findings": {"NIGHT_PAIN": "PRESENT"}}
                {"ageYears": 200, "referralDate": "2027-01-01"}
                {"ageYears": 30, "referralDate": "2026-11-20", "regions": ["KNEE"]}
                """);
        ImpactReport r = ImpactAnalysis.diff(current, ageSixty, Population.jsonLines(file, AS_OF, ServiceProfile.NATIONAL));
        assertThat(r.cases()).isEqualTo(3);
        assertThat(r.compared()).isEqualTo(2);
        assertThat(r.errored()).isEqualTo(1);
        assertThat(r.errors()).extracting(ImpactReport.CaseError::id, ImpactReport.CaseError::side)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("line-2", "A"), org.assertj.core.groups.Tuple.tuple("line-2", "B"));
        assertThat(r.errors().get(0).message()).contains("/ageYears OUT_OF_RANGE").contains("/referralDate AFTER_AS_OF");
        assertThat(r.changedCases()).extracting(ImpactReport.ChangedCase::id).containsExactly("line-1");
        assertThat(r.toMarkdown()).contains("| line-2 | A | invalid input: /ageYears OUT_OF_RANGE");
    }

    private static boolean losesTheMalignancyFlag(PopulationCase c) {
        Referral r = c.referral();
        if (!r.isSpinalPain() || c.parameters().containsKey("malignancyAgeYears")) {
            return false;
        }
        int minimum = c.parameters().getOrDefault("malignancyMinimumFeatures", 2);
        int others = r.countPresent(List.of(Finding.UNEXPLAINED_WEIGHT_LOSS, Finding.NO_IMPROVEMENT_AFTER_ONE_MONTH,
                Finding.NIGHT_PAIN));
        int withAgeFifty = others + (r.ageYears() >= 50 ? 1 : 0);
        int withAgeSixty = others + (r.ageYears() >= 60 ? 1 : 0);
        return withAgeFifty >= minimum && withAgeSixty < minimum;
    }
}
