package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.io.Json;
import org.mskrules.msk.waitinglist.RejectedEntry;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;

/** {@code waitlist}: one JSON line per entry line with {@code --jsonl}, standard input, formats, exit codes. */
class WaitlistCommandTest {
    static final String AS_OF = "2023-11-20";

    static List<JsonNode> nodes(Cli.Result r) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : r.lines()) {
            nodes.add(Json.readTree(line));
        }
        return nodes;
    }

    @Test
    void jsonlGivesOneLinePerEntryLineInLineOrderAndTheErrorsAreTheReviewsRejectedEntries() throws IOException {
        Cli.Result r = Cli.run("waitlist", Cli.WAITING_LIST, "--as-of", AS_OF, "--jsonl");
        assertThat(r.exit()).isEqualTo(MskRulesCli.REJECTED);
        List<JsonNode> nodes = nodes(r);
        // 28 entries: the header is line 1 and one blank line is skipped, so no output line for either.
        assertThat(nodes).hasSize(28);
        assertThat(nodes).extracting(n -> n.get("line").asLong()).isSorted().doesNotHaveDuplicates()
                .doesNotContain(1L);
        WaitingListReview review = WaitingListRules.builder().inForceOn(LocalDate.parse(AS_OF)).build()
                .review(Path.of(Cli.WAITING_LIST), LocalDate.parse(AS_OF));
        List<String> errors = new ArrayList<>();
        for (JsonNode n : nodes) {
            assertThat(n.has("decision") ^ n.has("error")).isTrue();
            if (n.has("error")) {
                List<String> problems = new ArrayList<>();
                n.get("error").get("violations").forEach(v -> problems.add(v.get("path").asText() + " "
                        + v.get("code").asText()));
                errors.add(n.get("line").asLong() + " " + n.get("error").path("entryId").asText("-") + " " + problems);
            } else {
                assertThat(n.get("decision").get("line").asLong()).isEqualTo(n.get("line").asLong());
            }
        }
        List<String> expected = new ArrayList<>();
        for (RejectedEntry e : review.rejected()) {
            expected.add(e.line() + " " + (e.entryId() == null ? "-" : e.entryId()) + " "
                    + e.violations().stream().map(v -> v.path() + " " + v.code()).toList());
        }
        assertThat(errors).isEqualTo(expected).hasSize(5);
        assertThat(errors).anyMatch(e -> e.contains("MSK-0008") && e.contains("DUPLICATE_ENTRY_ID"));
        assertThat(r.err()).contains("read 28, decided 23, rejected 5; 1 blank line skipped");
    }

    @Test
    void standardInputNeedsAFormatAndIsReviewedAsTheFileIs() throws IOException {
        byte[] list = Files.readAllBytes(Path.of(Cli.WAITING_LIST_JSONL));
        Cli.Result noFormat = Cli.withInput(list, "waitlist", "-", "--as-of", AS_OF);
        assertThat(noFormat.exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(noFormat.err()).contains("standard input needs --format csv or --format jsonl");
        Cli.Result stdin = Cli.withInput(list, "waitlist", "-", "--format", "jsonl", "--as-of", AS_OF, "--jsonl");
        Cli.Result file = Cli.run("waitlist", Cli.WAITING_LIST_JSONL, "--as-of", AS_OF, "--jsonl");
        assertThat(stdin.exit()).isEqualTo(MskRulesCli.DECIDED);
        assertThat(stdin.out()).isEqualTo(file.out());
        assertThat(stdin.lines()).hasSize(5).allMatch(l -> l.contains("\"decision\""));
        assertThat(stdin.err()).contains("read 5, decided 5, rejected 0; 0 blank lines skipped");
        Cli.Result text = Cli.withInput(Files.readAllBytes(Path.of(Cli.WAITING_LIST)), "waitlist", "-", "--format", "csv",
                "--as-of", AS_OF);
        assertThat(text.exit()).isEqualTo(MskRulesCli.REJECTED);
        assertThat(text.out()).startsWith("Waiting list: -, as of 2023-11-20").contains("Recovery plan: REQUIRED");
    }

    @Test
    void theExampleJsonLinesListIsReviewedInFullAndExitsZero() {
        Cli.Result r = Cli.run("waitlist", Cli.WAITING_LIST_JSONL, "--as-of", AS_OF);
        assertThat(r.exit()).isEqualTo(MskRulesCli.DECIDED);
        assertThat(r.out()).contains("Entries:      5 in = 5 reviewed (4 waiting, 1 seen) + 0 rejected")
                .contains("MSK-J004: MAY BE REMOVED");
    }

    /** 1.1.0: each cohort entry says the point it has reached, or that it is due as every waiting patient is. */
    @Test
    void theValidationCohortSaysWhyEachPatientIsDue(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("val.csv");
        Files.writeString(list, "entryId,category,received,firstContact,validatedOn,wishesToBeSeen,hasCapacity,understandsDecision,communicationNeedsMet\nV01,NON_PRIORITY,2023-11-13,,,,,,\nV02,NON_PRIORITY,2023-09-01,,2023-08-28,YES,,,\nV03,NON_PRIORITY,2023-06-01,,2023-08-28,YES,,,\nV04,NON_PRIORITY,2023-06-01,,2023-08-27,YES,,,\nV05,PRIORITY,2023-11-01,,2023-11-10,NOT_RECORDED,,,\nV06,NON_PRIORITY,2022-06-01,,2023-11-01,NO,YES,YES,YES\nV07,NON_PRIORITY,2022-06-01,,2023-05-01,NO,YES,YES,YES\nV08,NON_PRIORITY,2023-01-01,2023-11-01,,,,,\nV09,PRIORITY,2023-11-20,,,,,,\nV10,NON_PRIORITY,2023-08-28,,,,,,\n");
        Path html = dir.resolve("review.html");
        Cli.Result r = Cli.run("waitlist", list.toString(), "--as-of", AS_OF, "--rules-version", "1.1.0", "--html",
                html.toString());
        WaitingListReview review = WaitingListRules.builder().ruleSetVersion("1.1.0").build()
                .review(list, LocalDate.parse(AS_OF));
        var schedule = review.policy().validationSchedule();
        assertThat(schedule.everyPatient()).isTrue();
        String page = Files.readString(html);
        assertThat(r.out()).doesNotContain("null");
        assertThat(page).doesNotContain("null").doesNotContain("[12, 26, 52]");
        long everyPatient = 0;
        long atAPoint = 0;
        for (var e : review.validationCohort()) {
            String line = r.out().lines().filter(l -> l.startsWith("  " + e.entryId() + " ")).filter(l -> l.contains("due:")
                    || l.contains("-week point")).findFirst().orElseThrow(() -> new AssertionError(e.entryId() + " not listed"));
            if (e.validationPointWeeks() == null) {
                everyPatient++;
                assertThat(line).endsWith(", due: every waiting patient (" + schedule.everyPatientRuleId()
                        + ", not validated in the previous " + schedule.lookbackWeeks() + " weeks)");
                assertThat(page).contains("data-point=\"" + e.entryId() + "\">none: due as every waiting patient ("
                        + schedule.everyPatientRuleId() + ")<");
            } else {
                atAPoint++;
                assertThat(line).endsWith(", " + e.validationPointWeeks() + "-week point");
                assertThat(page).contains("data-point=\"" + e.entryId() + "\">" + e.validationPointWeeks() + " weeks ("
                        + schedule.ruleId() + ")<");
            }
        }
        assertThat(everyPatient).as("due as every patient").isPositive();
        assertThat(atAPoint).as("due at a point").isPositive();
    }

    @Test
    void anEmptyListIsRejectedAsAFailedExport(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "\n\n");
        Cli.Result r = Cli.run("waitlist", empty.toString(), "--as-of", AS_OF, "--jsonl");
        assertThat(r.exit()).isEqualTo(MskRulesCli.REJECTED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("read 0, decided 0, rejected 0; 2 blank lines skipped").contains("has no entries");
    }

    @Test
    void optionMistakesAreUsageErrors() {
        assertThat(Cli.run("waitlist", Cli.WAITING_LIST, "--json", "--jsonl").exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(Cli.run("waitlist", Cli.WAITING_LIST, "--show", "-1").exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(Cli.run("waitlist", Cli.WAITING_LIST, "--show", "many").exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(Cli.run("waitlist", Cli.WAITING_LIST, "--format", "xml").exit()).isEqualTo(MskRulesCli.USAGE);
        Cli.Result missing = Cli.run("waitlist", "no-such-list.csv", "--as-of", AS_OF);
        assertThat(missing.exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(missing.err()).contains("no such file [no-such-list.csv]");
    }

    @Test
    void aCsvHeaderThatCannotBeReadRejectsTheInputWithoutOutputLines() {
        Cli.Result r = Cli.withInput("entryId,category\nA,PRIORITY\n".getBytes(StandardCharsets.UTF_8), "waitlist", "-",
                "--format", "csv", "--as-of", AS_OF, "--jsonl");
        assertThat(r.exit()).isEqualTo(MskRulesCli.REJECTED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("waiting list standard input cannot be read:").contains("/header/received REQUIRED");
    }
}
