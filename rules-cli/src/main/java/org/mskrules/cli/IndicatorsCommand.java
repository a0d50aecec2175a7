package org.mskrules.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.Json;
import org.mskrules.governance.indicators.Disclosure;
import org.mskrules.governance.indicators.IndicatorReport;
import org.mskrules.governance.indicators.IndicatorText;
import org.mskrules.governance.indicators.Indicators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code indicators}: the measurable indicators of the national MSK principles from a decision log
 * (the JSON Lines {@code assess} writes) and waiting-list snapshots ({@link Indicators}), as text or
 * JSON, with NHS small-number disclosure control unless switched off.
 */
@Command(name = "indicators", usageHelpWidth = 100,
        description = {"Computes the service's measurable indicators (docs/indicators.md) from a decision log (the JSON "
                + "Lines that assess writes) and waiting-list snapshots: wait to first appointment (I3), referred to "
                + "secondary care by urgency (I4), referred for investigation (I5), red flags by condition and level, "
                + "routes, and age, sex and ethnicity (I10), each by age band, sex and ethnic group.",
                "Counts of 1 to 7 are suppressed (*) and the others rounded to the nearest 5, as NHS Digital does "
                        + "below national level; --suppress-below and --round-to change that."},
        footer = MskRulesCli.EXIT_CODES)
final class IndicatorsCommand implements Callable<Integer> {
    static final String SYNOPSIS = "indicators [--decisions FILE.jsonl] [--waitlist FILE]... [--as-of YYYY-MM-DD] "
            + "[--suppress-below N] [--round-to N] [--json] [--output FILE] [--html FILE]";

    @Spec
    CommandSpec spec;

    @ParentCommand
    MskRulesCli cli;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--decisions", paramLabel = "FILE.jsonl",
            description = "The decision log: JSON Lines of assessments, as assess writes them (error lines are counted).")
    Path decisions;

    @Option(names = "--waitlist", paramLabel = "FILE",
            description = "A waiting-list snapshot, .csv or .jsonl; repeat for several (an entry id in a later one wins).")
    List<Path> waitlists = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = SharedOptions.DateConverter.class,
            description = "The date the snapshots are read as of. Default: today in England.")
    LocalDate asOf;

    @Option(names = "--suppress-below", paramLabel = "N", defaultValue = "8",
            description = "Suppress counts from 1 to N-1 (default: ${DEFAULT-VALUE}; 1 suppresses nothing). With "
                    + "--round-to M, N must be at least (M+1)/2, so that no count above 0 is shown as 0.")
    int suppressBelow;

    @Option(names = "--round-to", paramLabel = "N", defaultValue = "5",
            description = "Round other counts to the nearest N (default: ${DEFAULT-VALUE}; 1 for exact counts).")
    int roundTo;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here, not to standard output.")
    Path output;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the report as one self-contained HTML page (tables and charts, no network).")
    Path html;

    @Override
    public Integer call() throws Exception {
        if (decisions == null && waitlists.isEmpty()) {
            throw Usage.error(spec, "give a decision log (--decisions) or a waiting-list snapshot (--waitlist), or both");
        }
        if (suppressBelow < 1 || roundTo < 1) {
            throw Usage.error(spec, "--suppress-below and --round-to must be at least 1");
        }
        if (suppressBelow < Disclosure.minimumSuppressBelow(roundTo)) {
            throw Usage.error(spec, "--suppress-below " + suppressBelow + " with --round-to " + roundTo + " would show a"
                    + " count from " + suppressBelow + " to " + (Disclosure.minimumSuppressBelow(roundTo) - 1) + " as 0;"
                    + " give --suppress-below " + Disclosure.minimumSuppressBelow(roundTo) + " or more (counts below it are"
                    + " shown as *), or --round-to 1");
        }
        if (decisions != null) {
            FileOptions.checkReadable(spec, "--decisions", decisions);
        }
        for (Path w : waitlists) {
            FileOptions.checkReadable(spec, "--waitlist", w);
        }
        FileOptions.checkWritable(spec, "--output", output);
        FileOptions.checkWritable(spec, "--html", html);
        Indicators indicators = Indicators.builder().disclosure(new Disclosure(suppressBelow, roundTo)).build();
        IndicatorReport report;
        try {
            report = indicators.compute(decisions, waitlists, asOf != null ? asOf : SharedOptions.today());
        } catch (InvalidInputException e) {
            cli.err.println("the inputs cannot be read; no indicator was computed:");
            e.violations().forEach(v -> cli.err.println("  " + v));
            return MskRulesCli.REJECTED;
        }
        if (!report.inputs().rejected().isEmpty()) {
            // As with a bad decision-log line: a half-read list never looks like a complete report.
            cli.err.println("the waiting-list snapshots have rejected entries; no indicator was computed:");
            for (IndicatorReport.RejectedLine e : report.inputs().rejected()) {
                e.violations().forEach(v -> cli.err.println("  " + e.snapshot() + " line " + e.line()
                        + (e.entryId() == null ? "" : " [" + e.entryId() + "]") + ": " + v));
            }
            return MskRulesCli.REJECTED;
        }
        String text = json ? Json.writePretty(report) + "\n"
                : IndicatorText.of(report);
        if (output != null) {
            FileOptions.write(output, text);
            cli.err.println("wrote " + output);
        } else {
            cli.out.print(text);
            cli.out.flush();
        }
        if (html != null) {
            FileOptions.write(html, org.mskrules.reports.HtmlReports.indicators(report,
                    "MSK service indicators as of " + report.asOf()));
            cli.err.println("wrote " + html);
        }
        // Published counts: a count above 0 is never published as 0 (Disclosure), so null or > 0 means some.
        Long errorLines = report.inputs().errorLines();
        boolean notDecided = errorLines == null || errorLines > 0;
        if (notDecided) {
            cli.err.println("the decision log has error lines (" + IndicatorText.shown(errorLines) + "): referrals not"
                    + " decided, counted in no indicator");
        }
        return notDecided ? MskRulesCli.REJECTED : MskRulesCli.DECIDED;
    }
}
