package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.io.Json;
import org.mskrules.msk.Assessment;

/**
 * {@code assess} on JSON Lines: one output line per input line, in input order, each a decision or an
 * error naming the line, so that lines in = decisions + errors; the summary on standard error; the
 * exit codes.
 */
class AssessBatchTest {
    static final String AS_OF = "2026-11-23";

    static String line(String referralId, int age) {
        return "{\"referralId\":\"" + referralId + "\",\"ageYears\":" + age + ",\"referralDate\":\"2026-11-20\","
                + "\"regions\":[\"KNEE\"],\"painScore\":3}";
    }

    static JsonNode json(String line) throws IOException {
        return Json.readTree(line);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Every output line, with the invariants every batch keeps: one line per input line, numbered in order. */
    static List<JsonNode> checked(Cli.Result r, int inputLines) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.lines()) {
            lines.add(json(l));
        }
        assertThat(lines).hasSize(inputLines);
        long decided = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = lines.get(i);
            assertThat(node.get("line").asLong()).isEqualTo(i + 1);
            assertThat(node.has("decision") ^ node.has("error")).as("line %d is a decision or an error", i + 1).isTrue();
            if (node.has("decision")) {
                decided++;
            } else {
                assertThat(node.get("error").get("violations")).isNotEmpty();
            }
        }
        assertThat(r.err()).contains("read " + inputLines + ", decided " + decided + ", rejected "
                + (inputLines - decided));
        return lines;
    }

    static String code(JsonNode node) {
        return node.get("error").get("violations").get(0).get("code").asText();
    }

    @Test
    void theExampleFileGivesOneLineEachThreeDecisionsAndTheInvalidReferralWithEveryProblem() throws IOException {
        Cli.Result r = Cli.run("assess", Cli.REFERRALS, "--as-of", AS_OF);
        assertThat(r.exit()).isEqualTo(MskRulesCli.REJECTED);
        List<JsonNode> lines = checked(r, 4);
        assertThat(lines.get(0).get("decision").get("escalation").asText()).isEqualTo("EMERGENCY");
        assertThat(lines.get(0).get("decision").get("referralId").asText()).isEqualTo("EX-0001");
        assertThat(lines.get(1).get("decision").get("route").get("route").asText()).isEqualTo("COMMUNITY_MSK_THERAPY");
        assertThat(lines.get(2).get("decision").get("route").get("route").asText()).isEqualTo("SUPPORTED_SELF_MANAGEMENT");
        assertThat(lines.get(3).get("error").get("violations")).extracting(v -> v.get("path").asText() + " "
                + v.get("code").asText()).containsExactly("/ageYears OUT_OF_RANGE", "/referralDate AFTER_AS_OF");
        assertThat(lines.get(3).get("error").has("entryId")).isFalse();
        assertThat(r.err()).contains("read 4, decided 3, rejected 1");
    }

    @Test
    void aDecisionIsTheAssessmentExactlyAsTheLibraryWritesIt() throws IOException {
        Cli.Result r = Cli.run("assess", Cli.REFERRALS, "--as-of", AS_OF);
        Assessment assessment = Json.treeToValue(json(r.lines().get(0)).get("decision"), Assessment.class);
        assertThat(r.lines().get(0)).isEqualTo("{\"line\":1,\"decision\":" + Json.writeValueAsString(assessment)
                + "}");
        assertThat(assessment.trace().version()).isEqualTo("1.0.0");
        assertThat(assessment.trace().contentHash()).startsWith("sha256:");
    }

    @Test
    void blankInvalidUtf8TooLongAndMalformedLinesAreErrorsOfTheirOwnLineAndTheRestAreDecided(@TempDir Path dir)
            throws IOException {
        byte[] input = concat(bytes("\uFEFF" + line("A", 40) + "\r\n"), // BOM and CRLF
                bytes("\n"), // blank
                bytes("   \r\n"), // white space only, CRLF
                bytes("{\"referralId\":\"Bj"), new byte[] {(byte) 0xF6}, bytes("rk\",\"ageYears\":40}\n"), // Latin-1
                bytes("{\"referralId\":\"" + "X".repeat(ReferralLines.MAX_LINE) + "\"}\n"), // over 1 MiB
                bytes("not json\n"),
                bytes(line("B", 200) + "\r\n"), // out of range, CRLF (a lone CR is no ending: InputEdgesTest)
                bytes(line("C\u00d8", 50))); // valid UTF-8, no final line ending
        Path file = dir.resolve("mixed.jsonl");
        Files.write(file, input);
        for (Cli.Result r : List.of(Cli.run("assess", file.toString(), "--as-of", AS_OF),
                Cli.withInput(input, "assess", "-", "--as-of", AS_OF))) {
            assertThat(r.exit()).isEqualTo(MskRulesCli.REJECTED);
            List<JsonNode> lines = checked(r, 8);
            assertThat(lines.get(0).get("decision").get("referralId").asText()).isEqualTo("A");
            assertThat(code(lines.get(1))).isEqualTo("EMPTY_LINE");
            assertThat(code(lines.get(2))).isEqualTo("EMPTY_LINE");
            assertThat(code(lines.get(3))).isEqualTo("INVALID_ENCODING");
            assertThat(code(lines.get(4))).isEqualTo("LINE_TOO_LONG");
            assertThat(lines.get(5).has("error")).isTrue();
            assertThat(code(lines.get(6))).isEqualTo("OUT_OF_RANGE");
            assertThat(lines.get(7).get("decision").get("referralId").asText()).isEqualTo("C\u00d8");
            assertThat(r.err()).contains("read 8, decided 2, rejected 6");
        }
    }

    @Test
    void manyLinesComeOutInInputOrderWhateverOrderTheyAreAssessedIn(@TempDir Path dir) throws IOException {
        // More lines than the pool keeps in flight, so that the window is filled and drained many times.
        StringBuilder text = new StringBuilder();
        int n = 3 * ReferralBatch.WINDOW + 17;
        for (int i = 1; i <= n; i++) {
            text.append(i % 7 == 0 ? "" : i % 5 == 0 ? line("R" + i, 131) : line("R" + i, 20 + i % 60)).append('\n');
        }
        Path file = dir.resolve("many.ndjson");
        Files.writeString(file, text);
        Cli.Result r = Cli.run("assess", file.toString(), "--as-of", AS_OF);
        List<JsonNode> lines = checked(r, n);
        for (int i = 1; i <= n; i++) {
            JsonNode node = lines.get(i - 1);
            if (i % 7 == 0) {
                assertThat(code(node)).isEqualTo("EMPTY_LINE");
            } else if (i % 5 == 0) {
                assertThat(code(node)).isEqualTo("OUT_OF_RANGE");
            } else {
                assertThat(node.get("decision").get("referralId").asText()).isEqualTo("R" + i);
            }
        }
        assertThat(r.exit()).isEqualTo(MskRulesCli.REJECTED);
    }

    @Test
    void theSameLinesGiveTheSameOutputOnOneThreadAndOnMany() throws IOException {
        byte[] input = Files.readAllBytes(Path.of(Cli.REFERRALS));
        List<String> outputs = new ArrayList<>();
        for (int threads : new int[] {1, 4}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReferralBatch.Counts counts = new ReferralBatch(org.mskrules.msk.MskRules.builder().ruleSetVersion("1.0.0")
                    .build(), java.time.LocalDate.parse(AS_OF), threads).run(new java.io.ByteArrayInputStream(input),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new Progress(new PrintStream(new ByteArrayOutputStream()), false, -1, () -> 0));
            assertThat(counts).isEqualTo(new ReferralBatch.Counts(4, 3, 1, 0, null));
            outputs.add(out.toString(StandardCharsets.UTF_8));
        }
        assertThat(outputs.get(1)).isEqualTo(outputs.get(0));
    }

    @Test
    void everyLineDecidedExitsZeroAndJsonlReadsAnyFileAsJsonLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("two.json");
        Files.writeString(file, line("A", 40) + "\n" + line("B", 41) + "\n");
        Cli.Result r = Cli.run("assess", file.toString(), "--jsonl", "--as-of", AS_OF);
        assertThat(r.exit()).isEqualTo(MskRulesCli.DECIDED);
        checked(r, 2);
        assertThat(r.err()).contains("read 2, decided 2, rejected 0");
    }

    @Test
    void emptyInputIsRejectedAsAFailedExport() throws IOException {
        Cli.Result r = Cli.withInput(new byte[0], "assess", "-", "--as-of", AS_OF);
        assertThat(r.exit()).isEqualTo(MskRulesCli.REJECTED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("read 0, decided 0, rejected 0").contains("standard input holds no lines");
    }

    @Test
    void jsonWithJsonLinesIsAUsageErrorAndSoIsAnUnknownVersionBeforeAnyLineIsRead() {
        Cli.Result r = Cli.run("assess", Cli.REFERRALS, "--json", "--as-of", AS_OF);
        assertThat(r.exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(r.err()).contains("--json prints one referral");
        r = Cli.withInput(bytes(line("A", 40) + "\n"), "assess", "-", "--rules-version", "9.9.9");
        assertThat(r.exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("unknown rule set version [msk-referral:9.9.9]");
    }

    @Test
    void aWorkingVersionsBatchWarnsOnStandardErrorAndEachDecisionCarriesItsStatus() throws IOException {
        String working = MskRulesCliTest.newestWorkingVersion();
        Cli.Result r = Cli.run("assess", Cli.REFERRALS, "--as-of", AS_OF, "--rules-version", working);
        assertThat(r.err()).contains("warning: msk-referral " + working + " is a WORKING version: not released, not for clinical use");
        assertThat(json(r.lines().get(0)).get("decision").get("trace").get("status").asText()).isEqualTo("WORKING");
    }

    @Test
    void theSummaryGivesTheInternalFailureCodeWhenALineIsLostOrCouldNotBeAssessed() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(AssessCommand.summary(new ReferralBatch.Counts(3, 2, 0, 0, null), "x", e)).isEqualTo(MskRulesCli.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("lines lost: read 3 but 2 accounted for");
        err.reset();
        assertThat(AssessCommand.summary(new ReferralBatch.Counts(3, 2, 1, 1, new IllegalStateException("broken rule")),
                "x", e)).isEqualTo(MskRulesCli.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("read 3, decided 2, rejected 1 (1 of them internal failures)")
                .contains("internal failure: java.lang.IllegalStateException: broken rule").contains("\tat ");
        assertThat(AssessCommand.summary(new ReferralBatch.Counts(3, 3, 0, 0, null), "x", e)).isEqualTo(MskRulesCli.DECIDED);
        assertThat(AssessCommand.summary(new ReferralBatch.Counts(3, 2, 1, 0, null), "x", e)).isEqualTo(MskRulesCli.REJECTED);
    }
}
