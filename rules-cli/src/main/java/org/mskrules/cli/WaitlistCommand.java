package org.mskrules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mskrules.core.FiredRule;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.Json;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.waitinglist.BandCount;
import org.mskrules.msk.waitinglist.EntryFormat;
import org.mskrules.msk.waitinglist.EntryOutcome;
import org.mskrules.msk.waitinglist.EntryReview;
import org.mskrules.msk.waitinglist.LocalStandardBreach;
import org.mskrules.msk.waitinglist.Milestone;
import org.mskrules.msk.waitinglist.MilestoneCheck;
import org.mskrules.msk.waitinglist.MilestoneScope;
import org.mskrules.msk.waitinglist.RecoveryPlanReason;
import org.mskrules.msk.waitinglist.RejectedEntry;
import org.mskrules.msk.waitinglist.ReviewNote;
import org.mskrules.msk.waitinglist.ReviewSummary;
import org.mskrules.msk.waitinglist.ValidationDecision;
import org.mskrules.msk.waitinglist.ValidationReason;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code waitlist FILE|-}: reviews a waiting list (CSV or JSON Lines) and prints the review as text,
 * as JSON ({@code --json}), or one line per entry line ({@code --jsonl}, from
 * {@link WaitingListRules#review(InputStream, EntryFormat, LocalDate, java.util.function.Consumer)}).
 */
@Command(name = "waitlist", usageHelpWidth = 100,
        description = {"Reviews a waiting list on a date: waits by SitRep band and category, the recovery-plan decision, "
                + "the milestones in force, who is due for validation and validation outcomes, and every rejected line.",
                "--jsonl prints one line per entry line, in line order: {\"line\":N,\"decision\":{...}} or "
                        + "{\"line\":N,\"error\":{\"entryId\":...,\"violations\":[...]}}. A summary goes to "
                        + "standard error (read N, decided D, rejected R; blank lines skipped)."},
        footer = MskRulesCli.EXIT_CODES)
final class WaitlistCommand implements Callable<Integer> {
    static final String SYNOPSIS = "waitlist FILE|- [--format csv|jsonl] [--as-of YYYY-MM-DD] [--rules-version X.Y.Z] "
            + "[--profile FILE.json] [--json | --jsonl | --show N] [--html FILE]";
    static final int DEFAULT_SHOW = 20;

    /** The input formats, as named on the command line. */
    enum Format {
        csv(EntryFormat.CSV), jsonl(EntryFormat.JSON_LINES);

        final EntryFormat format;

        Format(EntryFormat format) {
            this.format = format;
        }
    }

    @Spec
    CommandSpec spec;

    @ParentCommand
    MskRulesCli cli;

    @Mixin
    SharedOptions shared;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "FILE|-",
            description = "The list: .csv, .jsonl or .ndjson, or - for standard input (with --format).")
    String file;

    @Option(names = "--format", paramLabel = "csv|jsonl",
            description = "The input format; required for standard input. Default: from the file name.")
    Format format;

    @Option(names = "--json", description = "Print the whole review as JSON.")
    boolean json;

    @Option(names = "--jsonl", description = "Print one JSON line per entry line: its review or its problems.")
    boolean jsonl;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the review as one self-contained HTML page (tables and charts, no network).")
    Path html;

    @Option(names = "--show", paramLabel = "N", description = "Text report: list at most N entries per list, and the "
            + "N longest waits (default: ${DEFAULT-VALUE}, at most 10000).", defaultValue = "" + DEFAULT_SHOW)
    int show;

    @Override
    public Integer call() throws IOException {
        if (json && jsonl) {
            throw Usage.error(spec, "--json and --jsonl are two different outputs: choose one");
        }
        if (show < 0 || show > 10_000) {
            throw Usage.error(spec, "--show must be from 0 to 10000 but was [" + show + "]");
        }
        FileOptions.checkWritable(spec, "--html", html);
        boolean stdin = file.equals("-");
        Path path = stdin ? null : Path.of(file);
        if (path != null) {
            FileOptions.checkReadable(spec, "file", path);
        }
        EntryFormat entryFormat = format(spec, format, path);
        LocalDate asOf = shared.asOf();
        ServiceProfile profile = shared.profile();
        WaitingListRules rules = shared.build(() -> {
            // --show sizes the printed lists; the JSON forms keep the library's default.
            WaitingListRules.Builder builder = WaitingListRules.builder().registry(shared.registry())
                    .serviceProfile(profile)
                    .longestWaits(json || jsonl ? WaitingListRules.DEFAULT_LONGEST_WAITS : show);
            return (shared.rulesVersion != null ? builder.ruleSetVersion(shared.rulesVersion) : builder.inForceOn(asOf))
                    .build();
        });
        PrintStream out = cli.out;
        PrintStream err = cli.err;
        String source = path == null ? "standard input" : "[" + path + "]";
        WaitingListReview review;
        long[] outcomes = new long[3];
        try (InputStream in = path == null ? new AssessCommand.NonClosing(cli.in) : Files.newInputStream(path)) {
            if (jsonl) {
                AssessCommand.warnIfWorking(WaitingListRules.RULE_SET_ID, rules.version(), rules.status(), err);
                review = rules.review(in, entryFormat, asOf, o -> {
                    outcomes[0]++;
                    outcomes[o.wasReviewed() ? 1 : 2]++;
                    out.print(line(o) + "\n");
                });
            } else {
                review = rules.review(in, entryFormat, asOf);
            }
        } catch (InvalidInputException e) {
            err.println("waiting list " + source + " cannot be read:");
            e.violations().forEach(v -> err.println("  " + v));
            return MskRulesCli.REJECTED;
        }
        if (json) {
            AssessCommand.warnIfWorking(WaitingListRules.RULE_SET_ID, rules.version(), rules.status(), err);
            out.println(Json.writePretty(review));
        } else if (!jsonl) {
            print(path == null ? "-" : file, review, shared.versionChoice(), show, out);
        }
        out.flush();
        if (html != null) {
            FileOptions.write(html, org.mskrules.reports.HtmlReports.waitingList(review,
                    "Waiting-list review: " + (path == null ? "standard input" : path.getFileName()) + ", " + asOf));
            err.println("wrote " + html);
        }
        ReviewSummary s = review.summary();
        err.println("read " + s.entriesIn() + ", decided " + s.reviewed() + ", rejected " + s.rejected() + "; "
                + s.blankLines() + " blank line" + (s.blankLines() == 1 ? "" : "s") + " skipped");
        if (jsonl && (outcomes[0] != s.entriesIn() || outcomes[1] != s.reviewed() || outcomes[2] != s.rejected())) {
            err.println("internal failure: " + outcomes[0] + " lines written for " + s.entriesIn() + " entries");
            return MskRulesCli.FAILURE;
        }
        if (s.entriesIn() == 0) {
            // An empty extract is far more often a failed export than an empty list.
            err.println("waiting list " + source + " has no entries: nothing was reviewed");
            return MskRulesCli.REJECTED;
        }
        return s.complete() ? MskRulesCli.DECIDED : MskRulesCli.REJECTED;
    }

    /** The format named, else the file's by its name; standard input must be told. */
    static EntryFormat format(CommandSpec spec, Format named, Path path) {
        if (named != null) {
            return named.format;
        }
        if (path == null) {
            throw Usage.error(spec, "standard input needs --format csv or --format jsonl");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return EntryFormat.CSV;
        }
        if (AssessCommand.isJsonLines(name)) {
            return EntryFormat.JSON_LINES;
        }
        throw Usage.error(spec, "cannot tell the format of [" + path + "]: name it .csv, .jsonl or .ndjson, or give "
                + "--format csv or --format jsonl");
    }

    /** One entry line's output line. */
    static String line(EntryOutcome o) {
        return o.wasReviewed() ? OutputLines.decided(o.line(), o.review())
                : OutputLines.rejected(o.line(), o.rejected().entryId(), o.rejected().violations());
    }

    static void print(String file, WaitingListReview r, String versionChoice, int show, PrintStream out) {
        out.println("Waiting list: " + file + ", as of " + r.asOf());
        out.println("Rule set:     " + r.trace().ruleSetId() + " " + r.trace().version() + ", " + versionChoice + " ("
                + r.trace().contentHash() + ")" + AssessCommand.workingWarning(r.trace()) + "; service profile: "
                + r.policy().serviceProfile());
        ReviewSummary s = r.summary();
        out.println("Entries:      " + s.entriesIn() + " in = " + s.reviewed() + " reviewed (" + s.waiting() + " waiting, "
                + s.seen() + " seen) + " + s.rejected() + " rejected"
                + (s.blankLines() == 0 ? "" : "; " + s.blankLines() + " blank line" + (s.blankLines() == 1 ? "" : "s") + " skipped"));
        out.println();

        out.println(String.format("%-36s %9s %13s %7s", "Waiting, by weeks waited", "priority", "non-priority", "total"));
        long p = 0;
        long n = 0;
        for (BandCount b : r.bandCounts()) {
            out.println(String.format("  %-34s %9d %13d %7d", b.label(), b.priority(), b.nonPriority(), b.total()));
            p += b.priority();
            n += b.nonPriority();
        }
        out.println(String.format("  %-34s %9d %13d %7d", "all", p, n, p + n));
        out.println();

        out.println("Recovery plan: " + r.recoveryPlan().status());
        for (RecoveryPlanReason reason : r.recoveryPlan().reasons()) {
            out.println("  " + reason.ruleId() + ": " + reason.text());
            out.println("      source: " + reason.source());
        }
        if (!r.recoveryPlan().actions().isEmpty()) {
            out.println("  The plan should include:");
            r.recoveryPlan().actions().forEach(a -> out.println("    - " + a));
        }
        out.println("  Thresholds: " + r.policy().thresholds().stream()
                .map(t -> t.category() + " over " + t.appliedDays() + " days (" + t.ruleId()
                        + (t.appliedDays() < t.nationalDays() ? "; local standard, national " + t.nationalDays() : "")
                        + (t.localStandardDays() == null ? "" : "; local standard " + t.localStandardDays()
                                + " days reported beside it") + ")")
                .collect(Collectors.joining(", ")));
        if (!r.recoveryPlan().localStandard().isEmpty()) {
            out.println("  Reported against the service's own standards (they do not decide the plan):");
            for (LocalStandardBreach b : r.recoveryPlan().localStandard()) {
                out.println("    " + b.ruleId() + ": " + b.text());
                out.println("        source: " + b.source());
            }
        }
        out.println();

        out.println("Milestones on " + r.asOf() + ":");
        if (r.milestones().stream().noneMatch(MilestoneCheck::inForce)) {
            out.println("  none in force yet");
        }
        for (MilestoneCheck c : r.milestones()) {
            Milestone m = c.milestone();
            out.println("  " + (c.inForce() ? "in force " : "next     ") + m.ruleId() + " " + m.planningYear() + " " + m.quarter()
                    + (c.inForce() ? " (from " : " (due ") + m.due() + "): no "
                    + (m.scope() == MilestoneScope.PRIORITY_PATIENTS ? "priority " : "") + "patient over " + m.maxWeeks()
                    + " weeks -> " + c.status().name().replace('_', ' ') + (c.inForce() ? "" : " today")
                    + " (" + c.ruleId() + ")" + (c.breachingCount() == 0 ? "" : ", " + c.breachingCount() + " breaching:"));
            entries(c.breaching(), show, out, "      ");
        }
        for (ReviewNote note : r.policy().notes()) {
            out.println("  note " + note.ruleId() + ": " + note.text());
        }
        out.println();

        out.println("Over threshold: " + r.overThreshold().size() + (r.overThreshold().isEmpty() ? "" : ", longest wait first"));
        entries(r.overThreshold(), show, out, "  ");
        out.println();
        out.println("Longest waits:");
        entries(r.longestWaits(), show, out, "  ");
        out.println();

        var schedule = r.policy().validationSchedule();
        // From msk-waiting-list 1.1.0 every waiting patient is in the cohort (national); the points order it (local).
        String cohort = schedule.everyPatient()
                ? "every waiting patient not validated in the previous " + schedule.lookbackWeeks() + " weeks; "
                        + schedule.everyPatientRuleId() + "; points " + schedule.pointWeeks() + " weeks, " + schedule.ruleId()
                : schedule.pointWeeks() + "-week points, unless validated in the previous " + schedule.lookbackWeeks()
                        + " weeks; " + schedule.ruleId();
        out.println("Validation cohort (" + cohort + "): " + r.validationCohort().size() + " to contact");
        int shown = 0;
        for (EntryReview e : r.validationCohort()) {
            if (shown++ == show) {
                out.println("  ... and " + (r.validationCohort().size() - show) + " more (--json lists all)");
                break;
            }
            // No point reached: due under the every-patient rule (msk-waiting-list 1.1.0 on).
            out.println("  " + entry(e) + ", " + (e.validationPointWeeks() == null
                    ? "due: every waiting patient (" + schedule.everyPatientRuleId() + ", not validated in the previous "
                            + schedule.lookbackWeeks() + " weeks)"
                    : e.validationPointWeeks() + "-week point"));
        }
        out.println();

        out.println("Validation outcomes: " + r.validationOutcomes().size());
        for (EntryReview e : r.validationOutcomes()) {
            ValidationDecision d = e.validationOutcome().decision();
            out.println("  " + e.entryId() + ": " + (d == ValidationDecision.MAY_BE_REMOVED ? "MAY BE REMOVED" : "STAYS"));
            for (ValidationReason reason : e.validationOutcome().reasons()) {
                out.println("      " + reason.ruleId() + ": " + reason.text());
            }
        }
        out.println();

        out.println("Rejected entries: " + r.rejected().size() + (r.rejected().isEmpty() ? "" : " (correct them and review again)"));
        shown = 0;
        for (RejectedEntry e : r.rejected()) {
            if (shown++ == show) {
                out.println("  ... and " + (r.rejected().size() - show) + " more (--json lists all)");
                break;
            }
            out.println("  line " + e.line() + (e.entryId() == null ? "" : " [" + e.entryId() + "]") + ":");
            e.violations().forEach(v -> out.println("      " + v));
        }
        out.println();

        out.println("Explanation: rule set " + r.trace().ruleSetId() + " " + r.trace().version() + " (" + r.trace().contentHash()
                + "), as of " + r.trace().asOf() + "; each validation outcome names its own rules");
        for (FiredRule f : r.trace().firedRules()) {
            out.println("  " + f.sequence() + ". " + f.rule().name());
            out.println("     source: " + f.rule().meta("source"));
        }
        out.println("Parameters:  " + r.parameters());
    }

    private static void entries(List<EntryReview> list, int show, PrintStream out, String indent) {
        int shown = 0;
        for (EntryReview e : list) {
            if (shown++ == show) {
                out.println(indent + "... and " + (list.size() - show) + " more (--json lists all)");
                return;
            }
            out.println(indent + entry(e));
        }
    }

    private static String entry(EntryReview e) {
        String text = String.format("%-12s line %-6d %-12s %4d days  %-6s", e.entryId(), e.line(),
                e.category() == PriorityCategory.PRIORITY ? "priority" : "non-priority", e.daysWaited(), e.band())
                + (e.overThreshold() ? " over " + e.thresholdDays() : "");
        return text.stripTrailing();
    }
}
