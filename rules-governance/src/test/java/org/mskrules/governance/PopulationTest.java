package org.mskrules.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.msk.PathwayStage;
import org.mskrules.msk.ServiceProfile;

class PopulationTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final Path GOLDEN = Path.of("../rules-tests/src/test/resources/golden");

    @Test
    void theSameSeedGivesTheSamePopulationAndAnotherSeedAnother() {
        List<PopulationCase> first = Population.synthetic(42, 500, AS_OF).cases();
        List<PopulationCase> again = Population.synthetic(42, 500, AS_OF).cases();
        List<PopulationCase> other = Population.synthetic(43, 500, AS_OF).cases();
        assertThat(again).isEqualTo(first);
        assertThat(first).extracting(PopulationCase::id)
                .containsExactlyElementsOf(IntStream.range(0, 500).mapToObj(i -> "synthetic-" + i).toList());
        assertThat(other).extracting(PopulationCase::id).isEqualTo(first.stream().map(PopulationCase::id).toList());
        long same = IntStream.range(0, 500).filter(i -> first.get(i).referral().equals(other.get(i).referral())).count();
        assertThat(same).as("referrals equal under seeds 42 and 43").isLessThan(5);
        assertThat(first.get(17).referral().referralId()).isEqualTo("synthetic-17");
        assertThat(first).allMatch(c -> c.asOf().equals(AS_OF) && c.parameters().isEmpty());
        assertThat(first.stream().map(PopulationCase::profile).distinct().count()).isGreaterThan(100);
    }

    @Test
    void caseIIsReproducibleFromTheSeedAndIAlone() {
        Population big = Population.synthetic(20_261_123L, 1_000_000, AS_OF);
        assertThat(big.size()).isEqualTo(1_000_000);
        assertThat(Population.syntheticCase(20_261_123L, 999_999, AS_OF)).isEqualTo(big.cases().get(999_999));
        assertThat(Population.syntheticCase(20_261_123L, 3, AS_OF))
                .isEqualTo(Population.synthetic(20_261_123L, 4, AS_OF).cases().get(3));
        // A smaller population is a prefix of a larger one with the same seed.
        assertThat(Population.synthetic(20_261_123L, 10, AS_OF).cases()).isEqualTo(big.cases().subList(0, 10));
    }

    @Test
    void atStagePutsEveryCaseAtTheStageAndSaysSoInItsSources() {
        Population staged = Population.synthetic(7, 20, LocalDate.of(2026, 11, 23)).atStage(PathwayStage.COMMUNITY_MSK_TRIAGE);
        assertThat(staged.size()).isEqualTo(20);
        assertThat(staged.cases()).allSatisfy(c -> assertThat(c.referral().pathwayStage())
                .isEqualTo(PathwayStage.COMMUNITY_MSK_TRIAGE));
        assertThat(staged.cases().get(3).id()).isEqualTo("synthetic-3");
        assertThat(staged.sources()).singleElement().satisfies(s -> {
            assertThat(s.stage()).isEqualTo(PathwayStage.COMMUNITY_MSK_TRIAGE);
            assertThat(s.describe()).endsWith(", each at pathway stage COMMUNITY_MSK_TRIAGE");
        });
    }

    @Test
    void goldenCasesAreEveryReferralCaseWithItsOwnDateProfileAndParameters() throws IOException {
        Population golden = Population.goldenCases(GOLDEN);
        long referralFiles;
        long waitingListFiles;
        try (Stream<Path> rf = Files.list(GOLDEN.resolve("red-flags"));
                Stream<Path> pr = Files.list(GOLDEN.resolve("priority-routing"));
                Stream<Path> sn = Files.list(GOLDEN.resolve("safety-net"));
                Stream<Path> pw = Files.list(GOLDEN.resolve("pathway"));
                Stream<Path> wl = Files.list(GOLDEN.resolve("waiting-list"))) {
            referralFiles = rf.count() + pr.count() + sn.count() + pw.count();
            waitingListFiles = wl.count();
        }
        assertThat(golden.size()).isEqualTo(referralFiles);
        assertThat(golden.sources()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(PopulationSource.Kind.GOLDEN_CASES);
            assertThat(s.cases()).isEqualTo(referralFiles);
            assertThat(s.skippedFiles()).isEqualTo(waitingListFiles);
        });
        Map<String, PopulationCase> byId = golden.cases().stream()
                .collect(java.util.stream.Collectors.toMap(PopulationCase::id, c -> c));
        PopulationCase override = byId.get("malignancy-override-age-60-at-55-with-night-pain");
        assertThat(override.parameters()).containsExactly(Map.entry("malignancyAgeYears", 60));
        assertThat(override.referral().ageYears()).isEqualTo(55);
        assertThat(override.asOf()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(override.profile()).isEqualTo(ServiceProfile.NATIONAL);
        PopulationCase noFcp = byId.get("route-tri-no-fcp-access-practice");
        assertThat(noFcp.profile().fcpAccess()).isFalse();
        assertThat(noFcp.profile().name()).isEqualTo("Practice without FCP access");
    }

    @Test
    void jsonLinesAreOneReferralALineWithTheLineNumberAsId(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("referrals.jsonl");
        Files.writeString(file, """
                {"referralId": "R-1", "ageYears": 40, "referralDate": "2026-11-20", "regions": ["KNEE"]}

                {"ageYears": 200, "referralDate": "2026-11-21"}
                """, StandardCharsets.UTF_8);
        Population p = Population.jsonLines(file, AS_OF, ServiceProfile.NATIONAL);
        assertThat(p.cases()).extracting(PopulationCase::id).containsExactly("line-1", "line-3");
        assertThat(p.cases().get(0).referral().referralId()).isEqualTo("R-1");
        // An invalid referral is kept, for the analysis to report as an error.
        assertThat(p.cases().get(1).referral().ageYears()).isEqualTo(200);
        assertThat(p.sources()).singleElement().extracting(PopulationSource::describe)
                .isEqualTo("2 referrals from " + file + " (as of 2026-11-23)");
    }

    @Test
    void aBadLineOrFileIsRejectedWithWhereItIs(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"ageYears\": 40, \"referralDate\": \"2026-11-20\"}\n{\"ageYears\": 40, \"colour\": 1}\n");
        assertThatThrownBy(() -> Population.jsonLines(file, AS_OF, ServiceProfile.NATIONAL))
                .isInstanceOfSatisfying(InvalidPopulationException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.getMessage()).contains("line 2").contains("colour");
                });
        Path notUtf8 = dir.resolve("latin1.jsonl");
        Files.write(notUtf8, new byte[] {'{', '"', (byte) 0xE9, '"', '}', '\n'});
        assertThatThrownBy(() -> Population.jsonLines(notUtf8, AS_OF, ServiceProfile.NATIONAL))
                .isInstanceOfSatisfying(InvalidPopulationException.class, e -> assertThat(e.line()).isEqualTo(1));
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "\n\n");
        assertThatThrownBy(() -> Population.jsonLines(empty, AS_OF, ServiceProfile.NATIONAL))
                .isInstanceOf(InvalidPopulationException.class).hasMessageContaining("holds no referral");

        Path cases = Files.createDirectories(dir.resolve("golden/red-flags"));
        Files.writeString(cases.resolve("a.json"), "{\"name\": \"b\", \"asOf\": \"2026-11-23\", \"referral\": {}}");
        assertThatThrownBy(() -> Population.goldenCases(dir.resolve("golden")))
                .isInstanceOf(InvalidPopulationException.class).hasMessageContaining("a.json").hasMessageContaining("name");
        Files.writeString(cases.resolve("a.json"), "{\"asOf\": \"2026-11-23\", \"referral\": {},\n \"parameters\": {\"malignancyAgeYears\": 99}}");
        assertThatThrownBy(() -> Population.goldenCases(dir.resolve("golden")))
                .isInstanceOf(InvalidPopulationException.class).hasMessageContaining("malignancyAgeYears must be in [40, 70]");
        Files.writeString(cases.resolve("a.json"), "{\"asOf\": \"2026-11-23\",\n \"referral\": {\"ageYears\": 1,}}");
        assertThatThrownBy(() -> Population.goldenCases(dir.resolve("golden")))
                .isInstanceOfSatisfying(InvalidPopulationException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> Population.goldenCases(dir.resolve("missing")))
                .isInstanceOf(InvalidPopulationException.class).hasMessageContaining("not a directory");
    }

    @Test
    void populationsCombineInOrderWithUniqueIds() {
        Population golden = Population.goldenCases(GOLDEN);
        Population synthetic = Population.synthetic(1, 3, AS_OF);
        Population both = synthetic.plus(golden);
        assertThat(both.size()).isEqualTo(3 + golden.size());
        assertThat(both.cases().subList(0, 3)).isEqualTo(synthetic.cases());
        assertThat(both.cases().subList(3, both.size())).isEqualTo(golden.cases());
        assertThat(both.sources()).hasSize(2);
        assertThatThrownBy(() -> synthetic.plus(Population.synthetic(2, 3, AS_OF)))
                .isInstanceOf(InvalidPopulationException.class).hasMessageContaining("synthetic-0");
    }
}
