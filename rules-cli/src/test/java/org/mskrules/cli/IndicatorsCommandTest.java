package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.io.Json;

/**
 * {@code indicators} over a decision log made by {@code assess} from the example referrals and the
 * SitRep example list, and {@code sitrep} on that list (issue 19).
 */
class IndicatorsCommandTest {
    static final String REFERRALS = Cli.EXAMPLES + "indicator-referrals.jsonl";
    static final String SITREP_LIST = Cli.EXAMPLES + "sitrep-waiting-list.csv";

    @Test
    void indicatorsReadTheDecisionLogThatAssessWrites(@TempDir Path dir) throws Exception {
        Cli.Result assess = Cli.run("assess", REFERRALS, "--as-of", "2026-11-23");
        assertThat(assess.exit()).as(assess.err()).isEqualTo(MskRulesCli.DECIDED);
        Path log = dir.resolve("decisions.jsonl");
        Files.writeString(log, assess.out());
        Cli.Result text = Cli.run("indicators", "--decisions", log.toString(), "--as-of", "2026-11-23");
        assertThat(text.exit()).as(text.err()).isEqualTo(MskRulesCli.DECIDED);
        assertThat(text.out()).contains("Read: 40 decisions, 0 not decided")
                .contains("Decisions made by: msk-referral 1.0.0 (sha256:")
                .contains("I4  Referred to secondary care, by urgency").contains("I10  Collection of protected")
                .contains("needs: PROM scores");
        Cli.Result json = Cli.run("indicators", "--decisions", log.toString(), "--as-of", "2026-11-23", "--json",
                "--suppress-below", "1", "--round-to", "1");
        JsonNode report = Json.readTree(json.out());
        long routed = 0;
        for (JsonNode indicator : report.get("indicators")) {
            if (indicator.get("id").asText().equals("ROUTE")) {
                for (JsonNode share : indicator.get("shares")) {
                    if (share.get("breakdown").asText().equals("all")) {
                        routed += share.get("count").asLong();
                    }
                }
            }
        }
        assertThat(routed).as("exact counts: every decision routed once").isEqualTo(40);
    }

    @Test
    void aDecisionLogWithABadLineComputesNothingAndNamesTheLine(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("bad.jsonl");
        Files.writeString(log, "{\"escalation\":\"NONE\"}\n");
        Cli.Result r = Cli.run("indicators", "--decisions", log.toString(), "--as-of", "2026-11-23");
        assertThat(r.exit()).isEqualTo(MskRulesCli.REJECTED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("line 1: ").contains("/grouping REQUIRED").contains("/route REQUIRED");
    }

    @Test
    void errorLinesAreCountedAsNotDecidedAndTheRunExitsOne(@TempDir Path dir) throws Exception {
        Cli.Result assess = Cli.run("assess", REFERRALS, "--as-of", "2026-11-23");
        String first = assess.lines().get(0);
        Path log = dir.resolve("with-error.jsonl");
        Files.writeString(log, first + "\n{\"line\":2,\"error\":{\"violations\":[{\"path\":\"/ageYears\","
                + "\"code\":\"REQUIRED\",\"message\":\"missing\"}]}}\n");
        Cli.Result r = Cli.run("indicators", "--decisions", log.toString(), "--as-of", "2026-11-23",
                "--suppress-below", "1", "--round-to", "1");
        assertThat(r.exit()).isEqualTo(MskRulesCli.REJECTED);
        // One decision and one error line, written above; exact counts asked for.
        assertThat(r.out()).contains("Read: 1 decisions, 1 not decided")
                .contains("WARNING: lines of the log that are errors (referrals not decided), counted in no indicator: 1");
        assertThat(r.err()).contains("the decision log has error lines (1)");
        Cli.Result controlled = Cli.run("indicators", "--decisions", log.toString(), "--as-of", "2026-11-23");
        assertThat(controlled.exit()).isEqualTo(MskRulesCli.REJECTED);
        assertThat(controlled.out()).as("1 and 1 are suppressed in the header too").contains("Read: * decisions, * not decided");
    }

    @Test
    void aLogMixingVersionsIsNamedAndWarnedOfInTextJsonAndHtml(@TempDir Path dir) throws Exception {
        String old = Cli.run("assess", REFERRALS, "--as-of", "2026-11-23", "--rules-version", "1.0.0").lines().get(0);
        String newer = Cli.run("assess", REFERRALS, "--as-of", "2026-11-23", "--rules-version", "1.1.0").lines().get(0);
        Path log = dir.resolve("mixed.jsonl");
        Files.writeString(log, old + "\n" + newer + "\n");
        Path html = dir.resolve("mixed.html");
        Cli.Result text = Cli.run("indicators", "--decisions", log.toString(), "--as-of", "2026-11-23", "--html",
                html.toString());
        assertThat(text.exit()).as(text.err()).isEqualTo(MskRulesCli.DECIDED);
        // Two decisions on IND-0001, one by each version: every count is 1 or 2, so suppressed.
        assertThat(text.out()).contains("msk-referral 1.0.0 (sha256:").contains("msk-referral 1.1.0 (sha256:")
                .contains("WARNING: the decisions were made by 2 different rule-set versions")
                .contains("WARNING: referral ids with more than one decision (for example one at each pathway stage): *;")
                .contains("Read: * decisions");
        assertThat(Files.readString(html)).contains("class=\"warning\"")
                .contains("Warning: the decisions were made by 2 different rule-set versions");
        JsonNode json = Json.readTree(Cli.run("indicators", "--decisions", log.toString(), "--as-of",
                "2026-11-23", "--json").out());
        assertThat(json.at("/inputs/warnings/0").asText()).startsWith("the decisions were made by 2");
        assertThat(json.at("/inputs/madeBy").size()).isEqualTo(2);
        assertThat(json.at("/inputs/decisions").isNull()).as("2 decisions, suppressed").isTrue();
    }

    @Test
    void aRoundingBaseWhoseThresholdLetsACountRoundTo0IsAUsageError() {
        Cli.Result r = Cli.run("indicators", "--waitlist", SITREP_LIST, "--suppress-below", "1", "--round-to", "5");
        assertThat(r.exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(r.err()).contains("would show a count from 1 to 2 as 0").contains("give --suppress-below 3 or more");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void sitrepPrintsTheMonthAndSaysWhatWasNotCounted() {
        Cli.Result r = Cli.run("sitrep", SITREP_LIST, "--period", "2023-11", "--as-of", "2023-12-04");
        assertThat(r.exit()).as("one entry is rejected on purpose").isEqualTo(MskRulesCli.REJECTED);
        assertThat(r.lines()).hasSize(7);
        assertThat(r.lines().get(3)).isEqualTo("2023-11,2023-11-01,2023-11-30,WAITING_AT_PERIOD_END,ALL,2,2,1,2,2,2,1,12");
        assertThat(r.err()).contains("1 rejected, 1 received after the month, 1 seen before it")
                .contains("1 entry rejected, not counted:").contains("line 21 [SR-X03]: /category UNKNOWN_CODE");
        Cli.Result byDefault = Cli.run("sitrep", SITREP_LIST, "--period", "2023-11");
        assertThat(byDefault.err()).as("read as of 30 November, SR-X02 (1 December) is still after the month")
                .contains("1 rejected, 1 received after the month, 1 seen before it");
        assertThat(byDefault.out()).isEqualTo(r.out());
        assertThat(Cli.run("sitrep", SITREP_LIST, "--period", "2023-13").exit()).isEqualTo(MskRulesCli.USAGE);
    }

    @Test
    void htmlIsWrittenByWaitlistIndicatorsAndDiffAndRefersToNothingOutsideItself(@TempDir Path dir) throws Exception {
        Path waitlist = dir.resolve("waitlist.html");
        Cli.Result w = Cli.run("waitlist", Cli.WAITING_LIST, "--as-of", "2023-11-20", "--html", waitlist.toString());
        assertThat(w.exit()).as("entries are rejected on purpose").isEqualTo(MskRulesCli.REJECTED);
        Path indicators = dir.resolve("indicators.html");
        Path clean = dir.resolve("sitrep-clean.csv");
        Files.write(clean, Files.readAllLines(Path.of(SITREP_LIST)).stream().filter(l -> !l.startsWith("SR-X03")).toList());
        Cli.Result i = Cli.run("indicators", "--waitlist", clean.toString(), "--as-of", "2023-12-04", "--html",
                indicators.toString());
        assertThat(i.exit()).as(i.err()).isEqualTo(MskRulesCli.DECIDED);
        Path diff = dir.resolve("diff.html");
        Cli.Result d = Cli.run("diff", "--from", "1.0.0", "--to", "1.1.0", "--size", "50", "--as-of", "2026-12-21",
                "--html", diff.toString());
        assertThat(d.exit()).as(d.err()).isEqualTo(MskRulesCli.DECIDED);
        for (Path page : new Path[] {waitlist, indicators, diff}) {
            String html = Files.readString(page);
            assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("role=\"img\"")
                    .doesNotContain("<script").doesNotContainPattern("(src|href)\\s*=\\s*[\"']?https?:");
        }
        assertThat(Files.readString(waitlist)).contains("data-summary=\"rejected\">5<");
    }

    @Test
    void theWaitlistReportSaysWhoIsInTheValidationCohortInEachVersion() {
        Cli.Result released = Cli.run("waitlist", Cli.WAITING_LIST, "--as-of", "2023-11-20", "--rules-version", "1.0.0");
        assertThat(released.out()).contains("Validation cohort ([12, 26, 52]-week points, unless validated in the"
                + " previous 12 weeks; WL-VAL-001): 7 to contact");
        Cli.Result working = Cli.run("waitlist", Cli.WAITING_LIST, "--as-of", "2023-11-20", "--rules-version", "1.1.0");
        assertThat(working.out()).contains("Validation cohort (every waiting patient not validated in the previous 12"
                + " weeks; WL-VAL-002; points [12, 26, 52] weeks, WL-VAL-001): ");
        assertThat(working.out()).doesNotContain("): 7 to contact");
    }

    @Test
    void aWaitingListWithRejectedEntriesGivesNoReportAndNamesEachEntry(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("half.html");
        Cli.Result r = Cli.run("indicators", "--waitlist", SITREP_LIST, "--as-of", "2023-12-04", "--html", html.toString());
        assertThat(r.exit()).isEqualTo(MskRulesCli.REJECTED);
        assertThat(r.out()).isEmpty();
        assertThat(html).doesNotExist();
        assertThat(r.err()).contains("no indicator was computed").contains("line 21 [SR-X03]: /category UNKNOWN_CODE");
        // A decision log given as a waiting list: every line is rejected, each named.
        Cli.Result assess = Cli.run("assess", REFERRALS, "--as-of", "2026-11-23");
        Path log = dir.resolve("decisions.jsonl");
        Files.writeString(log, assess.out());
        Cli.Result wrong = Cli.run("indicators", "--waitlist", log.toString(), "--as-of", "2026-11-23");
        assertThat(wrong.exit()).isEqualTo(MskRulesCli.REJECTED);
        assertThat(wrong.out()).isEmpty();
        assertThat(wrong.err()).contains(log + " line 1").contains(log + " line 40");
    }

    @Test
    void indicatorsNeedAnInput() {
        assertThat(Cli.run("indicators").exit()).isEqualTo(MskRulesCli.USAGE);
    }
    /** The commands the README and docs/indicators.md give, exactly: a decision log made from examples/, then its indicators. */
    @Test
    void theDocumentedCommandsPrintTheIndicatorsAndWriteTheHtml(@TempDir Path dir) throws Exception {
        Cli.Result assess = Cli.run("assess", Cli.EXAMPLES + "indicator-referrals.jsonl", "--as-of", "2026-11-23");
        assertThat(assess.exit()).isEqualTo(MskRulesCli.DECIDED);
        Path log = dir.resolve("decisions.jsonl");
        Files.writeString(log, assess.out());
        Path html = dir.resolve("indicators.html");
        Cli.Result r = Cli.run("indicators", "--decisions", log.toString(), "--waitlist",
                Cli.EXAMPLES + "indicator-waiting-list.csv", "--as-of", "2023-12-04", "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(MskRulesCli.DECIDED);
        assertThat(r.out()).contains("MSK service indicators as of 2023-12-04").contains("I3").contains("I4").contains("I10");
        assertThat(Files.readString(html)).contains("<svg").contains("<table");
        for (String doc : List.of("README.md", "docs/indicators.md", "examples/README.md")) {
            assertThat(Files.readString(Path.of("..").resolve(doc))).as(doc).contains("--waitlist examples/indicator-waiting-list.csv");
        }
    }
}
