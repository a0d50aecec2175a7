package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.io.Json;

/**
 * Issue 15: each input edge an attacker found is a clear error with a documented code and its pointer
 * or option name, never a stack trace, and records in = decisions + errors, in input order. One
 * nested group per numbered failure of the issue; the output failures (1, 2, 9) are in
 * {@link OutputFailureTest}.
 */
class InputEdgesTest {
    static final String AS_OF = "2026-11-23";
    static final String LIST_AS_OF = "2023-11-20";
    static final String VALID = "{\"ageYears\":47,\"referralDate\":\"2026-11-20\",\"regions\":[\"KNEE\"]}";

    /** Each output line as JSON, checking that line k answers input line k. */
    static List<JsonNode> answers(Cli.Result r) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.lines()) {
            lines.add(Json.readTree(l));
        }
        return lines;
    }

    static String firstCode(JsonNode line) {
        return line.at("/error/violations/0/code").asText();
    }

    static void noStackTrace(Cli.Result r) {
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.exit()).isNotEqualTo(MskRulesCli.FAILURE);
    }

    @Nested
    class Failure4DiffCasesReading {
        @Test
        @EnabledOnOs(OS.LINUX)
        void aDeviceAsCasesIsRefusedBeforeAnythingIsRead() {
            Cli.Result r = Cli.run("diff", "--from", "1.0.0", "--to", "1.0.0", "--size", "0", "--cases", "/dev/zero");
            assertThat(r.exit()).isEqualTo(MskRulesCli.USAGE);
            assertThat(r.err()).contains("--cases [/dev/zero] is neither a directory nor a regular file");
            noStackTrace(r);
        }

        @Test
        void aCasesFileWithAnOverlongLineIsRefused(@TempDir Path dir) throws IOException {
            Path cases = dir.resolve("cases.jsonl");
            Files.writeString(cases, VALID + "\n" + "x".repeat(ReferralLines.MAX_LINE + 1) + "\n");
            Cli.Result r = Cli.run("diff", "--from", "1.0.0", "--to", "1.0.0", "--size", "0", "--cases", cases.toString());
            assertThat(r.exit()).isEqualTo(MskRulesCli.USAGE);
            assertThat(r.err()).contains("line 2 is longer than");
        }
    }

    @Test
    void aNumberWithAnExponentTooLongToReadIsACasesProblemNotAStackTrace(@TempDir Path dir) throws IOException {
        // Found by ReaderFuzzProperties: the exact-decimal parser throws NumberFormatException.
        Path cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, "{\"ageYears\":1e-4" + "0".repeat(150) + ",\"referralDate\":\"2026-11-20\"}\n");
        Cli.Result r = Cli.run("diff", "--from", "1.0.0", "--to", "1.0.0", "--size", "0", "--cases", cases.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(MskRulesCli.REJECTED);
        noStackTrace(r);
        Cli.Result batch = Cli.withInput(("{\"ageYears\":1e-4" + "0".repeat(150) + "}\n").getBytes(StandardCharsets.UTF_8),
                "assess", "-", "--as-of", AS_OF);
        assertThat(firstCode(answers(batch).get(0))).isEqualTo("NUMBER_TOO_LONG");
    }

    @Nested
    class Failure5EndlessCsvHeader {
        @Test
        void aHeaderThatNeverEndsStopsTheReviewWithoutReadingOn() {
            // NUL without end, as /dev/zero gives; reading far past the header's limit fails the stream.
            long[] served = new long[1];
            InputStream endless = new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : 0;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (served[0] > 64L << 20) {
                        throw new IOException("read 64 MiB of a header that never ends");
                    }
                    java.util.Arrays.fill(b, off, off + len, (byte) 0);
                    served[0] += len;
                    return len;
                }
            };
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int exit = MskRulesCli.run(new String[] {"waitlist", "-", "--format", "csv", "--as-of", LIST_AS_OF}, endless,
                    new java.io.PrintStream(out), new java.io.PrintStream(err, true, StandardCharsets.UTF_8), false, false);
            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(MskRulesCli.REJECTED);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("/header LINE_TOO_LONG");
            assertThat(served[0]).as("bytes read of the header").isLessThan(1 << 20);
        }
    }

    @Nested
    class Failure6LoneCrNulAndBomMidStream {
        @Test
        void aLoneCrNulOrBomInsideARecordNeverSplitsItAndEveryLineIsAnsweredInOrder() throws IOException {
            String input = VALID + "\n"
                    + "{\"ageYears\":47,\r\"referralDate\":\"2026-11-20\",\"regions\":[\"KNEE\"]}\n" // CR between tokens: whitespace
                    + "{\"referralId\":\"A\rB\",\"ageYears\":47}\n" // raw CR in a string: not JSON
                    + "{\"ageYears\":47,\u0000\"referralDate\":\"2026-11-20\"}\n" // NUL
                    + "\uFEFF" + VALID + "\n" // BOM mid-stream: skipped at the start of a document, as on line 1
                    + VALID + "\r\n";
            Cli.Result r = Cli.withInput(input.getBytes(StandardCharsets.UTF_8), "assess", "-", "--as-of", AS_OF);
            List<JsonNode> lines = answers(r);
            assertThat(lines).hasSize(6);
            for (int i = 0; i < lines.size(); i++) {
                assertThat(lines.get(i).get("line").asLong()).isEqualTo(i + 1);
            }
            assertThat(lines.get(0).has("decision")).isTrue();
            assertThat(lines.get(1).has("decision")).isTrue();
            assertThat(firstCode(lines.get(2))).isEqualTo("MALFORMED_JSON");
            assertThat(firstCode(lines.get(3))).isEqualTo("MALFORMED_JSON");
            assertThat(lines.get(4).has("decision")).isTrue();
            assertThat(lines.get(5).has("decision")).isTrue();
            assertThat(r.err()).contains("read 6, decided 4, rejected 2");
        }

        @Test
        void aLoneCrInAWaitingListLineKeepsOneAnswerPerLine() throws IOException {
            String list = "{\"entryId\":\"A1\",\"category\":\"PRIORITY\",\"received\":\"2023-11-01\"}\n"
                    + "{\"entryId\":\"A2\",\r\"category\":\"PRIORITY\",\"received\":\"2023-11-01\"}\n"
                    + "{\"entryId\":\"A3\u0000\",\"category\":\"PRIORITY\",\"received\":\"2023-11-01\"}\n";
            Cli.Result r = Cli.withInput(list.getBytes(StandardCharsets.UTF_8), "waitlist", "-", "--format", "jsonl",
                    "--as-of", LIST_AS_OF, "--jsonl");
            assertThat(answers(r)).extracting(n -> n.get("line").asLong()).containsExactly(1L, 2L, 3L);
            assertThat(r.err()).contains("read 3, decided 2, rejected 1");
        }
    }

    @Nested
    class Failure7NumbersThatAreNotIntegers {
        @Test
        void decimalsThatRoundToAnIntegerAreRejectedNotRounded() throws IOException {
            List<String> ages = List.of("0.99999999999999999", "129.99999999999999999", "1e-400", "47.5", "1e400",
                    "1e999999999", "47.0", "4.7e1");
            StringBuilder input = new StringBuilder();
            ages.forEach(a -> input.append("{\"ageYears\":").append(a)
                    .append(",\"referralDate\":\"2026-11-20\",\"regions\":[\"KNEE\"]}\n"));
            Cli.Result r = Cli.withInput(input.toString().getBytes(StandardCharsets.UTF_8), "assess", "-", "--as-of", AS_OF);
            List<JsonNode> lines = answers(r);
            for (int i = 0; i < 6; i++) {
                assertThat(lines.get(i).at("/error/violations/0/path").asText()).as(ages.get(i)).isEqualTo("/ageYears");
                assertThat(firstCode(lines.get(i))).as(ages.get(i)).isEqualTo(i < 4 ? "WRONG_TYPE" : "OUT_OF_RANGE");
            }
            // A whole number written with a point or an exponent is still the integer it is.
            assertThat(lines.get(6).has("decision")).isTrue();
            assertThat(lines.get(7).has("decision")).isTrue();
            assertThat(r.err()).contains("read 8, decided 2, rejected 6");
        }
    }

    @Nested
    class Failure8RulesVersionThatIsNotAVersion {
        @Test
        void aPathAsTheRulesVersionIsAUsageError() {
            for (String command : List.of("assess", "waitlist")) {
                Cli.Result r = Cli.run(command, command.equals("assess") ? Cli.REFERRALS : Cli.WAITING_LIST,
                        "--rules-version", "../../etc/passwd", "--as-of", command.equals("assess") ? AS_OF : LIST_AS_OF);
                assertThat(r.exit()).as(r.err()).isEqualTo(MskRulesCli.USAGE);
                assertThat(r.err()).contains("unknown rule set version").contains("MAJOR.MINOR.PATCH");
                noStackTrace(r);
            }
            Cli.Result catalogue = Cli.run("catalogue", "--rules-version", "1.0");
            assertThat(catalogue.exit()).isEqualTo(MskRulesCli.USAGE);
            noStackTrace(catalogue);
        }
    }

    @Nested
    class Failure10BlankAndSeparatorIds {
        @Test
        void aReferralIdOfOnlyUnicodeSpaceIsRejected() throws IOException {
            String input = "{\"referralId\":\"\u00a0\",\"ageYears\":47,\"referralDate\":\"2026-11-20\",\"regions\":[\"KNEE\"]}\n"
                    + "{\"referralId\":\"\u2028\",\"ageYears\":47,\"referralDate\":\"2026-11-20\",\"regions\":[\"KNEE\"]}\n"
                    + "{\"referralId\":\"\u3000\u00a0\",\"ageYears\":47,\"referralDate\":\"2026-11-20\",\"regions\":[\"KNEE\"]}\n";
            Cli.Result r = Cli.withInput(input.getBytes(StandardCharsets.UTF_8), "assess", "-", "--as-of", AS_OF);
            for (JsonNode line : answers(r)) {
                assertThat(line.at("/error/violations/0/path").asText()).isEqualTo("/referralId");
            }
            assertThat(r.err()).contains("read 3, decided 0, rejected 3");
        }

        @Test
        void aCsvIdEndingInALineSeparatorOrNbspIsRejectedNotTrimmed(@TempDir Path dir) throws IOException {
            Path list = dir.resolve("ids.csv");
            Files.writeString(list, "entryId,category,received\nMSK-1\u2028,PRIORITY,2023-11-01\n"
                    + "MSK-2\u00a0,PRIORITY,2023-11-01\n  MSK-3\t,PRIORITY,2023-11-01\n", StandardCharsets.UTF_8);
            Cli.Result r = Cli.run("waitlist", list.toString(), "--as-of", LIST_AS_OF, "--jsonl");
            List<JsonNode> lines = answers(r);
            assertThat(firstCode(lines.get(0))).isEqualTo("INVALID");
            assertThat(firstCode(lines.get(1))).isEqualTo("INVALID");
            // Spaces and tabs around an unquoted field are still removed.
            assertThat(lines.get(2).at("/decision/entryId").asText()).isEqualTo("MSK-3");
        }
    }

    @Nested
    class Failure11LongFieldName {
        @Test
        void aSixtyThousandCharacterNameIsNameTooLongWithoutTheParsersMessage() throws IOException {
            String input = "{\"" + "a".repeat(60_000) + "\":1,\"ageYears\":47}\n";
            Cli.Result r = Cli.withInput(input.getBytes(StandardCharsets.UTF_8), "assess", "-", "--as-of", AS_OF);
            JsonNode line = answers(r).get(0);
            assertThat(firstCode(line)).isEqualTo("NAME_TOO_LONG");
            assertThat(line.at("/error/violations/0/message").asText()).doesNotContain("StreamReadConstraints")
                    .hasSizeLessThan(100);
        }
    }

    @Nested
    class Failure12MessagesQuoteOnlyShortExcerpts {
        @Test
        void noMessageCarriesMoreThanAShortExcerptOfAnyValue() throws IOException {
            String x = "x".repeat(300);
            String referrals = "{\"ageYears\":" + x + "}\n"
                    + "{\"sex\":\"" + x + "\",\"ageYears\":47,\"referralDate\":\"2026-11-20\",\"regions\":[\"KNEE\"]}\n"
                    + "{\"" + x + "\":1,\"ageYears\":47,\"referralDate\":\"2026-11-20\",\"regions\":[\"KNEE\"]}\n"
                    + "[\"" + x + "\" " + x + "]\n";
            Cli.Result r = Cli.withInput(referrals.getBytes(StandardCharsets.UTF_8), "assess", "-", "--as-of", AS_OF);
            String list = "{\"entryId\":" + x + "}\n"
                    + "{\"entryId\":\"A\",\"category\":\"" + x + "\",\"received\":\"2023-11-01\",\"" + x + "\":1}\n";
            Cli.Result w = Cli.withInput(list.getBytes(StandardCharsets.UTF_8), "waitlist", "-", "--format", "jsonl",
                    "--as-of", LIST_AS_OF, "--jsonl");
            for (Cli.Result result : List.of(r, w)) {
                for (JsonNode line : answers(result)) {
                    for (JsonNode v : line.at("/error/violations")) {
                        assertThat(v.get("message").asText()).as(v.toString()).doesNotContain("x".repeat(41));
                    }
                }
            }
        }
    }

    @Nested
    class Failure13QuotedFieldWithALineBreak {
        @Test
        void theLinesOfARecordWithALineBreakInAFieldAreOneRejectedRecordAndNoPhantomIsReviewed(@TempDir Path dir)
                throws IOException {
            Path list = dir.resolve("breaks.csv");
            Files.writeString(list, "entryId,category,received\n\"MSK-1\nX\",PRIORITY,2023-11-01\nMSK-2,PRIORITY,2023-11-01\n"
                    + "MSK-3,\"PRI\n\nORITY\",2023-11-01\nMSK-4,PRIORITY,2023-11-01\nMSK-5,\"PRIORITY,2023-11-01\n");
            Cli.Result r = Cli.run("waitlist", list.toString(), "--as-of", LIST_AS_OF, "--jsonl");
            List<JsonNode> lines = answers(r);
            assertThat(lines).extracting(n -> n.get("line").asLong()).containsExactly(2L, 4L, 5L, 8L, 9L);
            assertThat(firstCode(lines.get(0))).isEqualTo("LINE_BREAK_IN_FIELD");
            assertThat(lines.get(1).at("/decision/entryId").asText()).isEqualTo("MSK-2");
            assertThat(firstCode(lines.get(2))).isEqualTo("LINE_BREAK_IN_FIELD");
            assertThat(lines.get(2).at("/error/entryId").asText()).isEqualTo("MSK-3");
            assertThat(lines.get(3).at("/decision/entryId").asText()).isEqualTo("MSK-4");
            assertThat(firstCode(lines.get(4))).isEqualTo("UNTERMINATED_QUOTE");
            assertThat(r.err()).contains("read 5, decided 2, rejected 3");
        }
    }

    @Nested
    class Failure14DatesOutOfRange {
        @Test
        void anAsOfOutsideTheRangeOrInAnotherFormIsAUsageError() {
            for (String date : List.of("+10000-01-01", "1899-12-31", "3000-01-01", "-0001-01-01")) {
                Cli.Result r = Cli.run("assess", Cli.REFERRALS, "--as-of", date);
                assertThat(r.exit()).as(date).isEqualTo(MskRulesCli.USAGE);
                assertThat(r.err()).contains("--as-of");
                noStackTrace(r);
            }
        }

        @Test
        void recordDatesOutsideTheRangeAreOutOfRangeAtTheirPointer() throws IOException {
            String input = "{\"ageYears\":47,\"referralDate\":\"0001-01-01\",\"regions\":[\"KNEE\"]}\n"
                    + "{\"ageYears\":47,\"referralDate\":\"2026-11-20\",\"symptomOnset\":\"1066-10-14\",\"regions\":[\"KNEE\"]}\n";
            Cli.Result r = Cli.withInput(input.getBytes(StandardCharsets.UTF_8), "assess", "-", "--as-of", AS_OF);
            List<JsonNode> lines = answers(r);
            assertThat(lines.get(0).at("/error/violations/0/path").asText()).isEqualTo("/referralDate");
            assertThat(firstCode(lines.get(0))).isEqualTo("OUT_OF_RANGE");
            assertThat(lines.get(1).at("/error/violations/0/path").asText()).isEqualTo("/symptomOnset");
            assertThat(firstCode(lines.get(1))).isEqualTo("OUT_OF_RANGE");
        }
    }

    @Nested
    class Failure15DirectoriesAndPipesAsInput {
        @Test
        void aDirectoryIsSaidToBeADirectoryNotMissing(@TempDir Path dir) {
            for (String command : List.of("assess", "waitlist", "validate")) {
                Cli.Result r = Cli.run(command, dir.toString(), "--as-of", AS_OF);
                assertThat(r.exit()).isEqualTo(MskRulesCli.USAGE);
                assertThat(r.err()).as(command).contains("is a directory, not a file").doesNotContain("no such file");
            }
            assertThat(Cli.run("assess", dir.resolve("missing.json").toString()).err()).contains("no such file");
        }

        @Test
        @EnabledOnOs(OS.LINUX)
        void aNamedPipeIsReadAsAStream(@TempDir Path dir) throws Exception {
            Path fifo = dir.resolve("referrals.jsonl");
            assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
            Thread writer = new Thread(() -> {
                try {
                    Files.writeString(fifo, VALID + "\n" + VALID + "\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.start();
            Cli.Result r = Cli.run("assess", fifo.toString(), "--as-of", AS_OF);
            writer.join(10_000);
            assertThat(r.exit()).as(r.err()).isEqualTo(MskRulesCli.DECIDED);
            assertThat(r.err()).contains("read 2, decided 2, rejected 0");
        }
    }
}
