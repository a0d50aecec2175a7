package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.io.Json;
import org.mskrules.governance.ImpactReport;

class DiffCommandTest {
    static final String GOLDEN = "../rules-tests/src/test/resources/golden";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return MskRulesCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aLocalParameterChangeIsReportedAsMarkdownOnStandardOutputAndAsJson(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("impact.json");
        assertThat(run("diff", "--from", "1.0.0", "--to", "1.0.0", "--to-parameter", "malignancyAgeYears=60",
                "--size", "1500", "--cases", GOLDEN, "--json", json.toString())).isEqualTo(MskRulesCli.DECIDED);
        String md = out.toString(StandardCharsets.UTF_8);
        assertThat(md).startsWith("# Impact of msk-referral 1.0.0")
                .contains("| Parameter `malignancyAgeYears` | **50** | **60** |")
                .contains("1500 synthetic referrals (seed 20261123, as of 2026-11-23)")
                .contains("golden cases from " + GOLDEN)
                .contains("## Escalation (rows A, columns B)")
                .contains("| RF-MAL-002 | A, B |");
        ImpactReport report = Json.readValue(json, ImpactReport.class);
        assertThat(report.changed()).isPositive();
        assertThat(report.b().parameters()).containsEntry("malignancyAgeYears", 60);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(report.cases() + " cases: " + report.compared()
                + " compared, " + report.changed() + " changed decisions, 0 with errors");
    }

    @Test
    void theHtmlPageSaysWhatWasCompared(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("impact.html");
        Path json = dir.resolve("impact.json");
        assertThat(run("diff", "--from", "1.1.0", "--to", "1.1.0", "--to-parameter", "highPainScore=6",
                "--from-parameter", "malignancyAgeYears=55", "--to-parameter", "malignancyAgeYears=55", "--size", "120",
                "--seed", "77", "--as-of", "2026-12-21", "--cases", GOLDEN, "--stage", "FIRST_CONTACT", "--markdown",
                dir.resolve("impact.md").toString(), "--json", json.toString(), "--html", html.toString()))
                .isEqualTo(MskRulesCli.DECIDED);
        ImpactReport report = Json.readValue(json, ImpactReport.class);
        String page = Files.readString(html);
        assertThat(page).contains("<title>What the change from 1.1.0 to 1.1.0 with highPainScore=6 does</title>")
                .contains("data-side=\"A-hash\">" + report.a().contentHash() + "<")
                .contains("data-side=\"B-hash\">" + report.b().contentHash() + "<")
                .contains("data-parameter-a=\"highPainScore\">" + report.a().parameters().get("highPainScore") + "<")
                .contains("data-parameter-b=\"highPainScore\">6<")
                .contains("malignancyAgeYears 55")
                .contains("data-population=\"1-cases\">120<").contains("data-population=\"1-seed\">77<")
                .contains("data-population=\"1-asOf\">2026-12-21<").contains("Population.synthetic")
                .contains("data-population=\"2-location\">" + GOLDEN + "<")
                .contains(">FIRST_CONTACT<")
                .contains("data-given=\"--to-parameter\">highPainScore=6, malignancyAgeYears=55<")
                .contains("data-given=\"--from-parameter\">malignancyAgeYears=55<")
                .contains("data-given=\"--cases\">" + GOLDEN + "<")
                .contains("data-given=\"--profile\">none: JSON Lines cases use the national profile<");
        assertThat(report.a().parameters().get("highPainScore")).isNotEqualTo(6);
    }

    @Test
    void theSameCommandGivesTheSameReport(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first.md");
        Path second = dir.resolve("second.md");
        assertThat(run("diff", "--from", "1.0.0", "--to", "1.0.0", "--from-parameter", "highPainScore=6",
                "--size", "300", "--markdown", first.toString())).isEqualTo(MskRulesCli.DECIDED);
        assertThat(run("diff", "--from", "1.0.0", "--to", "1.0.0", "--from-parameter", "highPainScore=6",
                "--size", "300", "--markdown", second.toString())).isEqualTo(MskRulesCli.DECIDED);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first)).contains("**6** | **7**");
    }

    @Test
    void mistakesAreUsageErrorsAndABadCaseFileIsRejected(@TempDir Path dir) throws IOException {
        assertThat(run("diff", "--from", "1.0.0")).isEqualTo(MskRulesCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("diff needs --from and --to").contains("usage: diff");
        assertThat(run("diff", "--from", "1.0.0", "--to", "9.9.9", "--size", "10")).isEqualTo(MskRulesCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("9.9.9");
        assertThat(run("diff", "--from", "1.0.0", "--to", "1.0.0", "--to-parameter", "malignancyAge=60", "--size", "10"))
                .isEqualTo(MskRulesCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/parameters/malignancyAge UNKNOWN_PARAMETER");
        assertThat(run("diff", "--from", "1.0.0", "--to", "1.0.0", "--to-parameter", "malignancyAgeYears", "--size", "10"))
                .isEqualTo(MskRulesCli.USAGE);
        assertThat(run("diff", "--from", "1.0.0", "--to", "1.0.0", "--cases", dir.resolve("nowhere").toString()))
                .isEqualTo(MskRulesCli.USAGE);
        assertThat(run("diff", "--from", "1.0.0", "--to", "1.0.0", "--size", "0")).isEqualTo(MskRulesCli.USAGE);
        Path bad = dir.resolve("referrals.jsonl");
        Files.writeString(bad, "{\"ageYears\": 40, \"referralDate\": \"2026-11-20\"}\nnot json\n");
        assertThat(run("diff", "--from", "1.0.0", "--to", "1.0.0", "--size", "0", "--cases", bad.toString()))
                .isEqualTo(MskRulesCli.REJECTED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cases rejected: [" + bad + "] line 2");
    }

    @Test
    void theUsageNamesTheDiffCommand() {
        assertThat(run("--help")).isEqualTo(MskRulesCli.DECIDED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("diff --from X.Y.Z --to X.Y.Z")
                .contains("--from-parameter NAME=VALUE");
    }
}
