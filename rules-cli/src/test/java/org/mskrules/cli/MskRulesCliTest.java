package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.msk.MskRules;

class MskRulesCliTest {
    static final String EXAMPLE = "../examples/referral-back-pain-saddle-numbness.json";
    static final String REHAB = "../examples/referral-ankle-fracture-rehabilitation.json";
    static final String EAST_LANCASHIRE = "../examples/service-profile-east-lancashire.json";
    static final String WAITING_LIST = "../examples/waiting-list.csv";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return MskRulesCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theExampleIsAnEmergencyExplainedByItsRuleAndSource() {
        assertThat(run("assess", EXAMPLE, "--as-of", "2026-11-23")).isEqualTo(MskRulesCli.DECIDED);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Escalation:  EMERGENCY")
                .contains("rule RF-CES-001; source: GIRFT National suspected cauda equina syndrome pathway, 2023")
                .contains("SCR-CES-001")
                .contains("rule set msk-referral 1.0.0 (sha256:");
        assertThat(text).contains("Route:       RED_FLAG_PATHWAY -> EMERGENCY_DEPARTMENT").contains("rule RT-RF-001");
    }

    @Test
    void theRehabilitationExampleIsAPriorityPatientForTherapyWithinTheLocalStandard() {
        assertThat(run("assess", REHAB, "--as-of", "2026-11-23", "--profile", EAST_LANCASHIRE))
                .isEqualTo(MskRulesCli.DECIDED);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Priority:    PRIORITY (derived PRIORITY); waiting-time threshold 14 days (rule PRI-CAT-001)")
                .contains("RECENT_INJURY: rule PRI-INJ-001")
                .contains("Route:       COMMUNITY_MSK_THERAPY")
                .contains("Seen within 5 days")
                .contains("rule RT-THE-005")
                .contains("service profile: East Lancashire IMPRS");
        out.reset();
        assertThat(run("assess", REHAB, "--as-of", "2026-11-23")).isEqualTo(MskRulesCli.DECIDED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Seen within 14 days");
    }

    @Test
    void aBadServiceProfileIsAUsageErrorNamingEveryProblem(@TempDir Path dir) throws IOException {
        Path profile = dir.resolve("profile.json");
        Files.writeString(profile, "{\"urgentSeenWithinDays\": 30, \"triageWithinHours\": 0}");
        assertThat(run("assess", REHAB, "--as-of", "2026-11-23", "--profile", profile.toString()))
                .isEqualTo(MskRulesCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/urgentSeenWithinDays OUT_OF_RANGE")
                .contains("/triageWithinHours OUT_OF_RANGE").contains("/name REQUIRED");
    }

    @Test
    void jsonOutputCarriesTheTrace() {
        assertThat(run("assess", EXAMPLE, "--as-of", "2026-11-23", "--json")).isEqualTo(MskRulesCli.DECIDED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"escalation\" : \"EMERGENCY\"")
                .contains("\"contentHash\" : \"sha256:");
    }

    @Test
    void anInvalidReferralIsRejectedWithEveryProblem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"ageYears\": 200, \"referralDate\": \"2027-01-01\"}");
        assertThat(run("assess", file.toString(), "--as-of", "2026-11-23")).isEqualTo(MskRulesCli.REJECTED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/ageYears OUT_OF_RANGE")
                .contains("/referralDate AFTER_AS_OF");
    }

    @Test
    void malformedJsonIsRejectedNamingTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n\"ageYears\": 40,\n\"referralDate\": \n");
        assertThat(run("assess", file.toString(), "--as-of", "2026-11-23")).isEqualTo(MskRulesCli.REJECTED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("referral [" + file + "] rejected:");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aReferralFileThatIsNotUtf8OrHasAByteOrderMarkIsReadAsItShouldBe(@TempDir Path dir) throws IOException {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"referralId\": \"Bj\u00f6rk\", \"ageYears\": 40}".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run("assess", latin1.toString(), "--as-of", "2026-11-23")).isEqualTo(MskRulesCli.REJECTED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/ INVALID_ENCODING");
        Path bom = dir.resolve("bom.json");
        Files.writeString(bom, "\uFEFF" + Files.readString(Path.of(EXAMPLE)), StandardCharsets.UTF_8);
        assertThat(run("assess", bom.toString(), "--as-of", "2026-11-23")).isEqualTo(MskRulesCli.DECIDED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Escalation:  EMERGENCY");
    }

    @Test
    void usageErrorsExitWithTheUsageCode() {
        assertThat(run()).isEqualTo(MskRulesCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: msk-rules");
        assertThat(run("assess")).isEqualTo(MskRulesCli.USAGE);
        assertThat(run("assess", EXAMPLE, "--as-of", "23/11/2026")).isEqualTo(MskRulesCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[23/11/2026] is not a date in the form YYYY-MM-DD")
                .contains("usage: assess FILE|-");
        assertThat(run("frobnicate")).isEqualTo(MskRulesCli.USAGE);
        assertThat(run("assess", EXAMPLE, "--frobnicate")).isEqualTo(MskRulesCli.USAGE);
        err.reset();
        assertThat(run("assess", "no-such-file.json", "--as-of", "2026-11-23")).isEqualTo(MskRulesCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file [no-such-file.json]");
        assertThat(run("assess", EXAMPLE, "--as-of", "2026-11-23", "--profile", "no-such-profile.json"))
                .isEqualTo(MskRulesCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("service profile [no-such-profile.json] rejected:")
                .contains("UNREADABLE");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anUnknownRuleSetVersionIsAUsageErrorNamingTheKnownVersions() {
        assertThat(run("assess", EXAMPLE, "--as-of", "2026-11-23", "--rules-version", "9.0.0"))
                .isEqualTo(MskRulesCli.USAGE);
        // Every version on the class path is named, 1.0.0 first.
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown rule set version [msk-referral:9.0.0]; known: [1.0.0");
    }

    @Test
    void theExampleWaitingListNeedsARecoveryPlanMissesTheMilestonesInForceAndNamesEveryRejectedLine() {
        // Some entries are rejected on purpose, so the exit code says so; the review is still printed.
        assertThat(run("waitlist", WAITING_LIST, "--as-of", "2023-11-20")).isEqualTo(MskRulesCli.REJECTED);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Entries:      28 in = 23 reviewed (21 waiting, 2 seen) + 5 rejected; 1 blank line skipped")
                .contains("Recovery plan: REQUIRED")
                .contains("WL-RP-001: 2 priority patients wait longer than 14 days")
                .contains("in force WL-MS-001 2023/24 Q1 (from 2023-06-30): no patient over 52 weeks -> NOT MET")
                .contains("in force WL-MS-002 2023/24 Q2 (from 2023-09-30): no priority patient over 2 weeks -> NOT MET")
                .contains("next     WL-MS-003 2023/24 Q3 (due 2023-12-31)")
                .contains("MSK-0012: MAY BE REMOVED")
                .contains("line 27 [MSK-0025]:")
                .contains("/received INVALID_DATE")
                .contains("line 9 [MSK-0008]:")
                .contains("/entryId DUPLICATE_ENTRY_ID: entry id [MSK-0008] is also on line 9; every line of a duplicated id is rejected")
                .contains("/category UNKNOWN_CODE");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("read 28, decided 23, rejected 5; 1 blank line skipped");
    }

    @Test
    void fromWaitingList110EastLancashiresStandardsAreReportedBesideTheNationalThresholds() {
        // Counted by hand from examples/waiting-list.csv on 2023-11-20 (5 lines rejected, 2 seen):
        // priority waits 3, 7, 12, 19, 30 days: 2 over 14, 4 over East Lancashire's 5; non-priority
        // 5, 14, 21, 33, 40, 80, 84, 85 ... 370 days: 9 over 84, 13 over its 28.
        assertThat(run("waitlist", WAITING_LIST, "--as-of", "2023-11-20", "--rules-version", "1.1.0",
                "--profile", EAST_LANCASHIRE)).isEqualTo(MskRulesCli.REJECTED);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Recovery plan: REQUIRED")
                .contains("WL-RP-001: 2 priority patients wait longer than 14 days")
                .contains("WL-RP-002: 9 non-priority patients wait longer than 84 days")
                .contains("PRIORITY over 14 days (WL-THR-001; local standard 5 days reported beside it)")
                .contains("NON_PRIORITY over 84 days (WL-THR-002; local standard 28 days reported beside it)")
                .contains("Reported against the service's own standards (they do not decide the plan):")
                .contains("    WL-RP-006: 4 priority patients wait longer than East Lancashire IMPRS's standard of 5 days "
                        + "(national threshold 14 days); 5 entries were rejected and could not be checked, so the count "
                        + "is at least 4")
                .contains("    WL-RP-007: 13 non-priority patients wait longer than East Lancashire IMPRS's standard of "
                        + "28 days");
        // 1.0.0 applies the local standard as the threshold and reports nothing beside it.
        out.reset();
        assertThat(run("waitlist", WAITING_LIST, "--as-of", "2023-11-20", "--rules-version", "1.0.0",
                "--profile", EAST_LANCASHIRE)).isEqualTo(MskRulesCli.REJECTED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("WL-RP-001: 4 priority patients wait longer than 5 days")
                .doesNotContain("Reported against the service's own standards");
    }

    @Test
    void aWaitingListWithEveryEntryReviewedExitsZeroAndTheJsonFormHoldsTheReview(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("list.jsonl");
        Files.writeString(list, "{\"entryId\":\"A\",\"category\":\"PRIORITY\",\"received\":\"2023-11-10\"}\n");
        assertThat(run("waitlist", list.toString(), "--as-of", "2023-11-20", "--json")).isEqualTo(MskRulesCli.DECIDED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"status\" : \"NOT_REQUIRED\"")
                .contains("\"entriesIn\" : 1");
    }

    @Test
    void aWaitingListFileOfAnUnknownFormatIsAUsageErrorAndOneWithABadHeaderIsRejected(@TempDir Path dir)
            throws IOException {
        Path txt = dir.resolve("list.txt");
        Files.writeString(txt, "x\n");
        // The name says nothing of the format: tell it with --format (never guessed from the content).
        assertThat(run("waitlist", txt.toString(), "--as-of", "2023-11-20")).isEqualTo(MskRulesCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot tell the format of [" + txt + "]")
                .contains("--format");
        err.reset();
        assertThat(run("waitlist", txt.toString(), "--format", "csv", "--as-of", "2023-11-20"))
                .isEqualTo(MskRulesCli.REJECTED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/header/x UNKNOWN_COLUMN");
        err.reset();
        Path csv = dir.resolve("list.csv");
        Files.writeString(csv, "entryId,category,arrived\n");
        assertThat(run("waitlist", csv.toString(), "--as-of", "2023-11-20")).isEqualTo(MskRulesCli.REJECTED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/header/arrived UNKNOWN_COLUMN")
                .contains("/header/received REQUIRED");
    }

    @Test
    void withoutARulesVersionTheVersionInForceOnTheDateDecidesAndTheReportSaysWhy() {
        assertThat(run("assess", EXAMPLE, "--as-of", "2026-11-23")).isEqualTo(MskRulesCli.DECIDED);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Rule set:    msk-referral 1.0.0, in force on 2026-11-23");
        out.reset();
        // The waiting-list rules of 2023/24 are in force from 2023-04-01.
        assertThat(run("waitlist", WAITING_LIST, "--as-of", "2023-11-20")).isEqualTo(MskRulesCli.REJECTED);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Rule set:     msk-waiting-list 1.0.0, in force on 2023-11-20 (sha256:");
    }

    @Test
    void onADateBeforeAnyVersionIsInForceItIsAUsageErrorNamingTheReleasedVersions() {
        assertThat(run("assess", EXAMPLE, "--as-of", "2026-11-01")).isEqualTo(MskRulesCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("no version of rule set [msk-referral] is in force on [2026-11-01]; released: [1.0.0 from 2026-11-02")
                .contains("choose a version with --rules-version X.Y.Z");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        err.reset();
        assertThat(run("waitlist", WAITING_LIST, "--as-of", "2023-03-31")).isEqualTo(MskRulesCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("no version of rule set [msk-waiting-list] is in force on [2023-03-31]; released: [1.0.0 from 2023-04-01");
    }

    @Test
    void aNamedRulesVersionDecidesWhateverTheDateAndTheReportSaysItWasNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("october.json");
        Files.writeString(file, Files.readString(Path.of(EXAMPLE)).replace("2026-11-20", "2026-10-20")
                .replace("2026-11-18", "2026-10-18").replace("2026-10-02", "2026-09-02"));
        assertThat(run("assess", file.toString(), "--as-of", "2026-11-01", "--rules-version", "1.0.0"))
                .isEqualTo(MskRulesCli.DECIDED);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Rule set:    msk-referral 1.0.0, as named by --rules-version")
                .doesNotContain("WORKING version")
                .contains("Escalation:  EMERGENCY");
    }

    /** The newest WORKING msk-referral version on the class path (2.0.0 while it is written). */
    static String newestWorkingVersion() {
        RuleSetRegistry registry = RuleSetRegistry.fromClasspath();
        List<String> working = registry.versions(MskRules.RULE_SET_ID).stream()
                .filter(v -> registry.manifest(MskRules.RULE_SET_ID, v).status() == RuleSetManifest.Status.WORKING)
                .toList();
        assertThat(working).as("a working msk-referral version on the class path; if every version"
                + " is released, point this test at a fixture instead").isNotEmpty();
        return working.get(working.size() - 1);
    }

    @Test
    void aWorkingVersionDecidesOnlyWhenNamed() {
        String version = newestWorkingVersion();
        // Never in force, whatever the date: the default names a released version.
        assertThat(run("assess", EXAMPLE, "--as-of", "2030-01-01")).isEqualTo(MskRulesCli.DECIDED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("in force on 2030-01-01")
                .doesNotContain("Rule set:    msk-referral " + version);
        out.reset();
        assertThat(run("assess", EXAMPLE, "--as-of", "2026-11-23", "--rules-version", version))
                .isEqualTo(MskRulesCli.DECIDED);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Rule set:    msk-referral " + version + ", as named by --rules-version"
                        + " [WORKING version: not released, not for clinical use]")
                .contains("rule set msk-referral " + version + " (sha256:");
    }
}
