package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.io.Json;

/** {@code validate}: the checks of assess and waitlist without the decisions; exit codes; kinds. */
class ValidateCommandTest {
    static final Pattern PROBLEM_LINE = Pattern.compile("^  line (\\d+)", Pattern.MULTILINE);

    /** The lines that validate reports a problem on. */
    static TreeSet<Long> invalidLines(Cli.Result r) {
        TreeSet<Long> lines = new TreeSet<>();
        Matcher m = PROBLEM_LINE.matcher(r.out());
        while (m.find()) {
            lines.add(Long.parseLong(m.group(1)));
        }
        return lines;
    }

    /** The lines that a command's JSON Lines output reports as errors. */
    static TreeSet<Long> errorLines(Cli.Result r) throws IOException {
        TreeSet<Long> lines = new TreeSet<>();
        for (String line : r.lines()) {
            var node = Json.readTree(line);
            if (node.has("error")) {
                lines.add(node.get("line").asLong());
            }
        }
        return lines;
    }

    @Test
    void theExamplesValidateAsTheyAreDecided() throws IOException {
        Cli.Result ok = Cli.run("validate", Cli.EXAMPLES + "referral-back-pain-saddle-numbness.json",
                Cli.EXAMPLES + "referral-ankle-fracture-rehabilitation.json", Cli.WAITING_LIST_JSONL, "--kind", "referral",
                "--as-of", "2026-11-23");
        // The waiting list is not a referral: with one --kind for every file, its lines are read as referrals.
        assertThat(ok.exit()).isEqualTo(MskRulesCli.REJECTED);
        Cli.Result referrals = Cli.run("validate", Cli.EXAMPLES + "referral-back-pain-saddle-numbness.json",
                Cli.EXAMPLES + "referral-ankle-fracture-rehabilitation.json", "--as-of", "2026-11-23");
        assertThat(referrals.exit()).isEqualTo(MskRulesCli.DECIDED);
        assertThat(referrals.out()).contains("referral-back-pain-saddle-numbness.json: OK")
                .contains("referral-ankle-fracture-rehabilitation.json: OK");
        assertThat(referrals.err()).contains("read 2, valid 2, rejected 0");

        Cli.Result lines = Cli.run("validate", Cli.REFERRALS, "--kind", "referral", "--as-of", "2026-11-23");
        assertThat(lines.exit()).isEqualTo(MskRulesCli.REJECTED);
        assertThat(lines.out()).contains("referrals.jsonl: 1 of 4 records invalid")
                .contains("  line 4: /ageYears OUT_OF_RANGE").contains("  line 4: /referralDate AFTER_AS_OF");
        assertThat(lines.err()).contains("read 4, valid 3, rejected 1");
        assertThat(invalidLines(lines)).isEqualTo(errorLines(Cli.run("assess", Cli.REFERRALS, "--as-of", "2026-11-23")));

        Cli.Result list = Cli.run("validate", Cli.WAITING_LIST, "--as-of", "2023-11-20");
        assertThat(list.exit()).isEqualTo(MskRulesCli.REJECTED);
        assertThat(list.out()).contains("waiting-list.csv: 5 of 28 records invalid")
                .contains("[MSK-0008]: /entryId DUPLICATE_ENTRY_ID");
        assertThat(list.err()).contains("read 28, valid 23, rejected 5");
        assertThat(invalidLines(list)).isEqualTo(errorLines(Cli.run("waitlist", Cli.WAITING_LIST, "--as-of", "2023-11-20",
                "--jsonl")));

        Cli.Result jsonList = Cli.run("validate", Cli.WAITING_LIST_JSONL, "--kind", "waitlist", "--as-of", "2023-11-20");
        assertThat(jsonList.exit()).isEqualTo(MskRulesCli.DECIDED);
        assertThat(jsonList.out()).contains("waiting-list.jsonl: OK (5 records)");

        Cli.Result profile = Cli.run("validate", Cli.EXAMPLES + "service-profile-east-lancashire.json", "--kind", "profile");
        assertThat(profile.exit()).isEqualTo(MskRulesCli.DECIDED);
        assertThat(profile.out()).contains("service-profile-east-lancashire.json: OK");
    }

    @Test
    void aLineThatValidatesIsDecidedAndALineThatDoesNotIsRejectedWhateverIsWrongWithIt(@TempDir Path dir)
            throws IOException {
        List<String> lines = new ArrayList<>(List.of(AssessBatchTest.line("A", 40), "", "not json", "{}",
                AssessBatchTest.line("B", -1), "{\"ageYears\":40,\"referralDate\":\"2026-11-20\",\"colour\":\"red\"}",
                "[1,2]", AssessBatchTest.line("C", 130)));
        Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        Cli.Result validate = Cli.run("validate", file.toString(), "--kind", "referral", "--as-of", "2026-11-23");
        Cli.Result assess = Cli.run("assess", file.toString(), "--as-of", "2026-11-23");
        assertThat(invalidLines(validate)).isEqualTo(errorLines(assess)).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(validate.err()).contains("read 8, valid 2, rejected 6");
        // From standard input too.
        Cli.Result stdin = Cli.withInput(Files.readAllBytes(file), "validate", "-", "--kind", "referral",
                "--as-of", "2026-11-23");
        assertThat(invalidLines(stdin)).isEqualTo(invalidLines(validate));
    }

    @Test
    void aBadProfileAndABadHeaderAreReportedWithEveryProblem(@TempDir Path dir) throws IOException {
        Path profile = dir.resolve("profile.json");
        Files.writeString(profile, "{\"urgentSeenWithinDays\": 30, \"triageWithinHours\": 0}");
        Path csv = dir.resolve("list.csv");
        Files.writeString(csv, "entryId,category,arrived\nA,PRIORITY,2023-01-01\n");
        Cli.Result r = Cli.run("validate", profile.toString(), "--kind", "profile");
        assertThat(r.exit()).isEqualTo(MskRulesCli.REJECTED);
        assertThat(r.out()).contains("profile.json: invalid").contains("/urgentSeenWithinDays OUT_OF_RANGE")
                .contains("/name REQUIRED");
        Cli.Result header = Cli.run("validate", csv.toString(), "--as-of", "2023-11-20");
        assertThat(header.exit()).isEqualTo(MskRulesCli.REJECTED);
        assertThat(header.out()).contains("list.csv: cannot be read as a waiting list").contains("/header/arrived UNKNOWN_COLUMN");
        assertThat(header.err()).contains("1 file could not be read as a whole");
    }

    @Test
    void kindsThatCannotBeToldAndMissingFilesAreUsageErrors() {
        Cli.Result jsonl = Cli.run("validate", Cli.REFERRALS);
        assertThat(jsonl.exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(jsonl.err()).contains("give --kind referral or --kind waitlist");
        assertThat(Cli.run("validate", "-").exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(Cli.run("validate").exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(Cli.run("validate", "../README.md").exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(Cli.run("validate", "--kind", "pizza", Cli.REFERRALS).exit()).isEqualTo(MskRulesCli.USAGE);
        Cli.Result missing = Cli.run("validate", Cli.REFERRALS, "no-such.json", "--kind", "referral");
        assertThat(missing.exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(missing.err()).contains("no such file [no-such.json]");
        assertThat(missing.out()).isEmpty();
    }
}
