package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.io.Json;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/}, described in its {@code expected.json}):
 * malformed and truncated JSON, empty files, byte-order marks, CRLF, invalid UTF-8, deep nesting, wrong
 * types, absurd values, duplicate ids, through the command line as a user runs it. For each file: the
 * exit code, and exactly the problems expected, each at its path with its code; for JSON Lines and
 * lists, one answer per record, in order, each line's decision or exactly its problems. A 50 MB line
 * is made here rather than committed.
 */
class BadInputCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/bad-input");
    static final String REFERRAL_AS_OF = "2026-11-23";
    static final String LIST_AS_OF = "2023-11-20";

    @TestFactory
    Stream<DynamicTest> everyFileInTheCorpusGivesItsExpectedProblems() throws IOException {
        JsonNode cases = Json.readTree(Files.readString(CORPUS.resolve("expected.json"))).get("cases");
        List<DynamicTest> tests = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        for (JsonNode c : cases) {
            String file = c.get("file").asText();
            listed.add(file);
            tests.add(DynamicTest.dynamicTest(file, () -> check(c)));
        }
        // Every file in the corpus is described, and every description has its file.
        try (Stream<Path> files = Files.list(CORPUS)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("expected.json")))
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
        return tests.stream();
    }

    private static void check(JsonNode c) throws IOException {
        String file = CORPUS.resolve(c.get("file").asText()).toString();
        String command = c.get("command").asText();
        Cli.Result r = switch (command) {
            case "assess" -> Cli.run("assess", file, "--as-of", REFERRAL_AS_OF);
            case "waitlist" -> Cli.run("waitlist", file, "--as-of", LIST_AS_OF, "--jsonl");
            case "profile" -> Cli.run("assess", Cli.EXAMPLES + "referral-ankle-fracture-rehabilitation.json", "--as-of",
                    REFERRAL_AS_OF, "--profile", file);
            default -> throw new IllegalArgumentException(command);
        };
        assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isEqualTo(c.get("exit").asInt());
        if (c.has("problems")) {
            List<String> reported = reportedProblems(r.err());
            List<String> expected = new ArrayList<>();
            c.get("problems").forEach(p -> expected.add(p.asText()));
            assertThat(reported).as("problems reported on stderr: %s", r.err()).hasSameSizeAs(expected);
            for (String e : expected) {
                assertThat(reported).as("stderr: %s", r.err())
                        .anySatisfy(p -> assertThat(e.contains(" ") ? p.equals(e) : p.endsWith(" " + e)).isTrue());
            }
        }
        if (c.has("lines")) {
            Map<Long, List<String>> answers = answers(r.lines());
            Map<Long, List<String>> expected = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = c.get("lines").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> codes = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(x -> codes.add(x.asText()));
                    codes.sort(null);
                } else {
                    codes.add("decision");
                }
                expected.put(Long.parseLong(e.getKey()), codes);
            }
            assertThat(answers).as("one answer per record; stdout: %s", r.out()).isEqualTo(expected);
        }
        if (c.has("stderr")) {
            c.get("stderr").forEach(s -> assertThat(r.err()).contains(s.asText()));
        }
    }

    @Test
    void aFiftyMegabyteLineIsRejectedOnItsOwnWithoutBeingHeldAndTheOtherLinesAreDecided(@TempDir Path dir) throws IOException {
        String valid = "{\"ageYears\": 47, \"referralDate\": \"2026-11-20\", \"regions\": [\"KNEE\"]}";
        Path referrals = dir.resolve("huge.jsonl");
        writeWithHugeLine(referrals, valid, "{\"referralId\": \"", "\"}");
        Cli.Result r = Cli.run("assess", referrals.toString(), "--as-of", REFERRAL_AS_OF);
        assertThat(r.exit()).isEqualTo(MskRulesCli.REJECTED);
        assertThat(answers(r.lines())).isEqualTo(Map.of(1L, List.of("decision"), 2L, List.of("LINE_TOO_LONG"),
                3L, List.of("decision")));
        assertThat(r.err()).contains("read 3, decided 2, rejected 1");

        Path list = dir.resolve("huge-list.jsonl");
        writeWithHugeLine(list, "{\"entryId\":\"A1\",\"category\":\"PRIORITY\",\"received\":\"2023-11-01\"}",
                "{\"entryId\":\"", "\"}");
        Cli.Result w = Cli.run("waitlist", list.toString(), "--as-of", LIST_AS_OF, "--jsonl");
        assertThat(w.exit()).isEqualTo(MskRulesCli.REJECTED);
        // The same id on lines 1 and 3 rejects both; the huge line is rejected for its length.
        assertThat(answers(w.lines())).isEqualTo(Map.of(1L, List.of("DUPLICATE_ENTRY_ID"), 2L, List.of("LINE_TOO_LONG"),
                3L, List.of("DUPLICATE_ENTRY_ID")));
    }

    /** Line 1 and 3 are {@code valid}; line 2 is {@code open}, 50 MB of x, {@code close}. */
    private static void writeWithHugeLine(Path file, String valid, String open, String close) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((valid + "\n" + open).getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write((close + "\n" + valid + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** "path CODE" for each problem listed on stderr (lines "  /path CODE: message"). */
    private static List<String> reportedProblems(String err) {
        List<String> problems = new ArrayList<>();
        for (String line : err.split("\n")) {
            if (line.startsWith("  /")) {
                String rest = line.substring(2);
                int colon = rest.indexOf(':');
                problems.add(colon < 0 ? rest : rest.substring(0, colon));
            }
        }
        return problems;
    }

    /** Each output line's input line, with "decision" or its sorted error codes; a line answered twice fails. */
    private static Map<Long, List<String>> answers(List<String> lines) throws IOException {
        Map<Long, List<String>> answers = new TreeMap<>();
        for (String l : lines) {
            JsonNode n = Json.readTree(l);
            long line = n.get("line").asLong();
            List<String> codes = new ArrayList<>();
            if (n.has("decision")) {
                codes.add("decision");
            } else {
                n.at("/error/violations").forEach(v -> codes.add(v.get("code").asText()));
                codes.sort(null);
            }
            assertThat(answers.put(line, codes)).as("line %d answered twice", line).isNull();
        }
        return answers;
    }
}
