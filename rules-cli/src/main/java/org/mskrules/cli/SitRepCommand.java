package org.mskrules.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.mskrules.core.InvalidInputException;
import org.mskrules.governance.indicators.SitRepExtract;
import org.mskrules.msk.waitinglist.WaitingListRules;
import org.mskrules.msk.waitinglist.WaitingListSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sitrep FILE --period YYYY-MM}: the monthly community health services SitRep extract of a
 * waiting-list snapshot ({@link SitRepExtract}), as CSV.
 */
@Command(name = "sitrep", usageHelpWidth = 100,
        description = {"The monthly community health services SitRep extract of a waiting-list snapshot: pathways "
                + "waiting at the end of the month and completed in it, by weeks-waited band and priority, as CSV "
                + "(layout: docs/indicators.md). Counts are exact."},
        footer = MskRulesCli.EXIT_CODES)
final class SitRepCommand implements Callable<Integer> {
    static final String SYNOPSIS = "sitrep FILE --period YYYY-MM [--as-of YYYY-MM-DD] [--rules-version X.Y.Z] "
            + "[--output FILE]";

    @Spec
    CommandSpec spec;

    @ParentCommand
    MskRulesCli cli;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "FILE", description = "The waiting-list snapshot: .csv or .jsonl.")
    Path file;

    @Option(names = "--period", paramLabel = "YYYY-MM", required = true, description = "The reporting month.")
    String period;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = SharedOptions.DateConverter.class,
            description = "The date the snapshot was taken, on or after the end of the month. Default: the month's "
                    + "last day.")
    LocalDate asOf;

    @Option(names = "--rules-version", paramLabel = "X.Y.Z",
            description = "The msk-waiting-list version whose bands are used. Default: the one in force at the month's end.")
    String rulesVersion;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the CSV here, not to standard output.")
    Path output;

    @Override
    public Integer call() {
        YearMonth month;
        try {
            month = YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw Usage.error(spec, "--period must be a month YYYY-MM but was [" + period + "]");
        }
        FileOptions.checkReadable(spec, "file", file);
        FileOptions.checkWritable(spec, "--output", output);
        WaitingListRules.Builder builder = WaitingListRules.builder();
        WaitingListRules rules = SharedOptions.build(spec, () -> (rulesVersion != null ? builder.ruleSetVersion(rulesVersion)
                : builder.inForceOn(month.atEndOfMonth())).build());
        SitRepExtract extract;
        try {
            extract = SitRepExtract.of(rules, WaitingListSnapshot.read(file, asOf != null ? asOf : month.atEndOfMonth()),
                    month);
        } catch (InvalidInputException e) {
            cli.err.println("no extract: the snapshot [" + file + "] cannot be used:");
            e.violations().forEach(v -> cli.err.println("  " + v));
            return MskRulesCli.REJECTED;
        }
        if (output != null) {
            FileOptions.write(output, extract.csv());
            cli.err.println("wrote " + output);
        } else {
            cli.out.print(extract.csv());
            cli.out.flush();
        }
        cli.err.println("msk-waiting-list " + extract.ruleSetVersion() + "; not counted: " + extract.rejected().size()
                + " rejected, " + extract.receivedAfterPeriod() + " received after the month, "
                + extract.completedBeforePeriod() + " seen before it");
        Rejections.print(cli.err, file.toString(), extract.rejected());
        return extract.rejected().isEmpty() ? MskRulesCli.DECIDED : MskRulesCli.REJECTED;
    }
}
