package org.mskrules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.LineSource;
import org.mskrules.core.Violation;
import org.mskrules.msk.ReferralJson;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.waitinglist.EntryFormat;
import org.mskrules.msk.waitinglist.RejectedEntry;
import org.mskrules.msk.waitinglist.ReviewSummary;
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
 * {@code validate FILE...}: checks input files without printing decisions, with the same reading and
 * checks as {@code assess} and {@code waitlist}, so that a file that validates is decided: a referral
 * line is read by {@link ReferralLines} as {@code assess} reads it, and a waiting list is read by the
 * review itself (duplicates across lines included), whose decisions are not printed.
 */
@Command(name = "validate", usageHelpWidth = 100,
        description = {"Checks input files without deciding: referrals (.json, or JSON Lines with --kind referral), "
                + "waiting lists (.csv, or JSON Lines with --kind waitlist; duplicate ids across lines included) and "
                + "service profiles (--kind profile).",
                "Prints, for each file, OK or every problem with its line and JSON Pointer; a summary on standard "
                        + "error (read N, valid V, rejected R). The checks are those of assess and waitlist, with the "
                        + "same --as-of, so a file that validates is decided."},
        footer = MskRulesCli.EXIT_CODES)
final class ValidateCommand implements Callable<Integer> {
    static final String SYNOPSIS = "validate FILE|-... [--kind referral|waitlist|profile] [--format csv|jsonl] "
            + "[--as-of YYYY-MM-DD] [--rules-version X.Y.Z] [--profile FILE.json]";

    /** What a file holds. */
    enum Kind {
        referral, waitlist, profile
    }

    @Spec
    CommandSpec spec;

    @ParentCommand
    MskRulesCli cli;

    @Mixin
    SharedOptions shared;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "FILE|-", description = "The files to check; - for standard input.")
    List<String> files;

    @Option(names = "--kind", paramLabel = "referral|waitlist|profile",
            description = "What every file holds. Default: by name, .json a referral, .csv a waiting list; required for "
                    + ".jsonl, .ndjson and standard input.")
    Kind kind;

    @Option(names = "--format", paramLabel = "csv|jsonl",
            description = "A waiting list's format; required for one on standard input. Default: from the file name.")
    WaitlistCommand.Format format;

    private WaitingListRules waitingListRules;
    private long read;
    private long valid;
    private long rejected;
    private int unreadable;

    @Override
    public Integer call() throws IOException {
        List<Kind> kinds = new ArrayList<>();
        for (String file : files) {
            if (!file.equals("-")) {
                FileOptions.checkReadable(spec, "file", Path.of(file));
            }
            kinds.add(kindOf(file));
        }
        if (files.stream().filter("-"::equals).count() > 1) {
            throw Usage.error(spec, "standard input (-) can be read once");
        }
        LocalDate asOf = shared.asOf();
        PrintStream out = cli.out;
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            Path path = file.equals("-") ? null : Path.of(file);
            switch (kinds.get(i)) {
                case referral -> {
                    if (path == null || AssessCommand.isJsonLines(file)) {
                        referralLines(file, path, asOf, out);
                    } else {
                        referral(file, path, asOf, out);
                    }
                }
                case waitlist -> waitingList(file, path, asOf, out);
                case profile -> profile(file, path, out);
                default -> throw new IllegalStateException("kind " + kinds.get(i));
            }
        }
        out.flush();
        cli.err.println("read " + read + ", valid " + valid + ", rejected " + rejected
                + (unreadable == 0 ? "" : "; " + unreadable + " file" + (unreadable == 1 ? "" : "s")
                + " could not be read as a whole"));
        if (read != valid + rejected) {
            cli.err.println("internal failure: records lost: read " + read + " but " + (valid + rejected) + " accounted for");
            return MskRulesCli.FAILURE;
        }
        return rejected == 0 && unreadable == 0 ? MskRulesCli.DECIDED : MskRulesCli.REJECTED;
    }

    private Kind kindOf(String file) {
        if (kind != null) {
            return kind;
        }
        String name = file.toLowerCase(Locale.ROOT);
        if (file.equals("-") || AssessCommand.isJsonLines(name)) {
            throw Usage.error(spec, "[" + file + "] could hold referrals or a waiting list: give --kind referral or "
                    + "--kind waitlist");
        }
        if (name.endsWith(".json")) {
            return Kind.referral;
        }
        if (name.endsWith(".csv")) {
            return Kind.waitlist;
        }
        throw Usage.error(spec, "cannot tell what [" + file + "] holds: give --kind referral, waitlist or profile");
    }

    private void referral(String file, Path path, LocalDate asOf, PrintStream out) throws IOException {
        read++;
        List<Violation> problems;
        try {
            problems = ReferralJson.check(AssessCommand.readReferral(path), asOf);
        } catch (InvalidInputException e) {
            problems = e.violations();
        }
        record(file, problems, out);
    }

    private void referralLines(String file, Path path, LocalDate asOf, PrintStream out) throws IOException {
        List<String> problems = new ArrayList<>();
        long before = read;
        long rejectedBefore = rejected;
        try (InputStream in = path == null ? new AssessCommand.NonClosing(cli.in) : Files.newInputStream(path);
                LineSource lines = LineSource.utf8(in, ReferralLines.MAX_LINE)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                read++;
                ReferralLines.Read r = ReferralLines.read(line, asOf);
                if (r.ok()) {
                    valid++;
                } else {
                    rejected++;
                    for (Violation v : r.problems()) {
                        problems.add("line " + lines.lineNumber() + ": " + v);
                    }
                }
            }
        }
        report(file, read - before, rejected - rejectedBefore, problems, out);
    }

    private void waitingList(String file, Path path, LocalDate asOf, PrintStream out) throws IOException {
        EntryFormat entryFormat = WaitlistCommand.format(spec, format, path);
        if (waitingListRules == null) {
            ServiceProfile profile = shared.profile();
            waitingListRules = shared.build(() -> {
                WaitingListRules.Builder builder = WaitingListRules.builder().registry(shared.registry())
                        .serviceProfile(profile).longestWaits(0);
                return (shared.rulesVersion != null ? builder.ruleSetVersion(shared.rulesVersion)
                        : builder.inForceOn(asOf)).build();
            });
        }
        WaitingListReview review;
        try (InputStream in = path == null ? new AssessCommand.NonClosing(cli.in) : Files.newInputStream(path)) {
            review = waitingListRules.review(in, entryFormat, asOf);
        } catch (InvalidInputException e) {
            unreadable++;
            out.println(file + ": cannot be read as a waiting list");
            e.violations().forEach(v -> out.println("  " + v));
            return;
        }
        ReviewSummary s = review.summary();
        read += s.entriesIn();
        valid += s.reviewed();
        rejected += s.rejected();
        List<String> problems = new ArrayList<>();
        for (RejectedEntry e : review.rejected()) {
            for (Violation v : e.violations()) {
                problems.add("line " + e.line() + (e.entryId() == null ? "" : " [" + e.entryId() + "]") + ": " + v);
            }
        }
        report(file, s.entriesIn(), s.rejected(), problems, out);
    }

    private void profile(String file, Path path, PrintStream out) throws IOException {
        read++;
        List<Violation> problems = List.of();
        try {
            if (path == null) {
                ServiceProfile.read(cli.in);
            } else {
                ServiceProfile.read(path);
            }
        } catch (InvalidConfigurationException e) {
            problems = e.violations();
        }
        record(file, problems, out);
    }

    /** One record of a file: OK, or every problem. */
    private void record(String file, List<Violation> problems, PrintStream out) {
        if (problems.isEmpty()) {
            valid++;
            out.println(file + ": OK");
        } else {
            rejected++;
            out.println(file + ": invalid");
            problems.forEach(v -> out.println("  " + v));
        }
    }

    /** A file of many records: OK, or how many are invalid and every problem by line. */
    private void report(String file, long records, long invalid, List<String> problems, PrintStream out) {
        if (records == 0) {
            // As assess and waitlist refuse it: more often a failed export than an empty list.
            unreadable++;
            out.println(file + ": no records");
        } else if (invalid == 0) {
            out.println(file + ": OK (" + records + " record" + (records == 1 ? "" : "s") + ")");
        } else {
            out.println(file + ": " + invalid + " of " + records + " record" + (records == 1 ? "" : "s") + " invalid");
            problems.forEach(p -> out.println("  " + p));
        }
    }
}
