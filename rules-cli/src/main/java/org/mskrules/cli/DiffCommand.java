package org.mskrules.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mskrules.core.RulesException;
import org.mskrules.governance.ImpactAnalysis;
import org.mskrules.governance.ImpactReport;
import org.mskrules.governance.InvalidPopulationException;
import org.mskrules.governance.Population;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.PathwayStage;
import org.mskrules.msk.ServiceProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code diff --from VERSION --to VERSION ...}: what changing from one rule-set version (or local
 * parameter values) to another does to the decisions on synthetic referrals and any golden cases or
 * JSON Lines files given, as Markdown for a clinical safety officer and, optionally, JSON.
 */
@Command(name = "diff", usageHelpWidth = 100,
        description = {"Compares two rule-set versions, or local parameter values, on synthetic referrals (default "
                + "--seed 20261123 --size 100000 --as-of 2026-11-23, so a report reproduces on any day) and any "
                + "golden-case directories or JSON Lines files given with --cases.",
                "Prints the Markdown impact report (or writes --markdown FILE; --json FILE too) and, on standard "
                        + "error, the number of cases compared and changed. Exit codes: 0 report written, 1 a case file "
                        + "rejected, 2 usage error (including an unknown version or parameter), 3 the report cannot "
                        + "be written or another internal failure."})
final class DiffCommand implements Callable<Integer> {
    static final String SYNOPSIS = "diff --from X.Y.Z --to X.Y.Z [--from-parameter NAME=VALUE]... "
            + "[--to-parameter NAME=VALUE]... [--seed N] [--size N] [--as-of YYYY-MM-DD] [--cases DIR|FILE.jsonl]... "
            + "[--stage STAGE] [--profile FILE.json] [--markdown FILE] [--json FILE]";
    static final long DEFAULT_SEED = 20_261_123L;
    static final int DEFAULT_SIZE = 100_000;
    /** Fixed, not today, so that the same command gives the same report on any day. */
    static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 23);

    @Spec
    CommandSpec spec;

    @ParentCommand
    MskRulesCli cli;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--from", paramLabel = "X.Y.Z", description = "Version A, the one in use.")
    String from;

    @Option(names = "--to", paramLabel = "X.Y.Z", description = "Version B, the candidate.")
    String to;

    @Option(names = "--from-parameter", paramLabel = "NAME=VALUE", description = "A local parameter of side A.")
    Map<String, Integer> fromParameters;

    @Option(names = "--to-parameter", paramLabel = "NAME=VALUE", description = "A local parameter of side B.")
    Map<String, Integer> toParameters;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the synthetic referrals (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + DEFAULT_SEED)
    long seed;

    @Option(names = "--size", paramLabel = "N", description = "How many synthetic referrals (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + DEFAULT_SIZE)
    long size;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = SharedOptions.DateConverter.class,
            description = "The evaluation date of the synthetic referrals and JSON Lines cases (default: 2026-11-23).")
    LocalDate asOf = DEFAULT_AS_OF;

    @Option(names = "--cases", paramLabel = "DIR|FILE.jsonl",
            description = "A golden-case directory, or a JSON Lines file of referrals; repeatable.")
    List<Path> cases;

    @Option(names = "--stage", paramLabel = "STAGE", description = "Decide every case at this pathway stage (one of "
            + "${COMPLETION-CANDIDATES}); a version before 2.0.0 decides each as it always has, without a stage.")
    PathwayStage stage;

    @Option(names = "--profile", paramLabel = "FILE.json", description = "The service profile of JSON Lines cases.")
    Path profileFile;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the Markdown report here, not to standard output.")
    Path markdownFile;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON here.")
    Path jsonFile;

    @Override
    public Integer call() {
        List<Path> caseFiles = cases == null ? List.of() : cases;
        if (from == null || to == null) {
            throw Usage.error(spec, "diff needs --from and --to, the two rule-set versions");
        }
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw Usage.error(spec, "--size must be from 0 to " + Integer.MAX_VALUE);
        }
        for (Path path : caseFiles) {
            if (!Files.exists(path)) {
                throw Usage.error(spec, "no such directory or file [" + path + "]");
            }
        }
        if (size == 0 && caseFiles.isEmpty()) {
            throw Usage.error(spec, "nothing to compare: --size 0 and no --cases");
        }
        PrintStream out = cli.out;
        PrintStream err = cli.err;
        Map<String, Integer> a = fromParameters == null ? Map.of() : new LinkedHashMap<>(fromParameters);
        Map<String, Integer> b = toParameters == null ? Map.of() : new LinkedHashMap<>(toParameters);
        MskRules fromRules = SharedOptions.build(spec, () -> MskRules.builder().ruleSetVersion(from).parameters(a).build());
        MskRules toRules = SharedOptions.build(spec, () -> MskRules.builder().ruleSetVersion(to).parameters(b).build());
        ServiceProfile profile = SharedOptions.build(spec, () -> profileFile == null ? ServiceProfile.NATIONAL
                : ServiceProfile.read(profileFile));
        Population population;
        try {
            population = population(caseFiles, profile);
            population = stage == null ? population : population.atStage(stage);
        } catch (InvalidPopulationException e) {
            err.println("cases rejected: " + e.getMessage());
            return MskRulesCli.REJECTED;
        }
        long started = System.nanoTime();
        ImpactReport report;
        try {
            report = ImpactAnalysis.diff(fromRules, toRules, population);
        } catch (RulesException e) {
            err.println(e.getMessage());
            return MskRulesCli.FAILURE;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try {
            if (markdownFile != null) {
                Files.writeString(markdownFile, report.toMarkdown(), StandardCharsets.UTF_8);
            } else {
                out.print(report.toMarkdown());
                out.flush();
            }
            if (jsonFile != null) {
                Files.writeString(jsonFile, report.toJson(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            err.println("cannot write the report: " + e);
            return MskRulesCli.FAILURE;
        }
        err.printf("%d cases: %d compared, %d changed decisions, %d with errors (%.1f s)%n", report.cases(),
                report.compared(), report.changed(), report.errored(), seconds);
        return MskRulesCli.DECIDED;
    }

    private Population population(List<Path> caseFiles, ServiceProfile profile) {
        Population population = Population.synthetic(seed, (int) size, asOf);
        List<Population> parts = new ArrayList<>();
        for (Path path : caseFiles) {
            parts.add(Files.isDirectory(path) ? Population.goldenCases(path) : Population.jsonLines(path, asOf, profile));
        }
        for (Population part : parts) {
            population = population.plus(part);
        }
        return population;
    }
}
