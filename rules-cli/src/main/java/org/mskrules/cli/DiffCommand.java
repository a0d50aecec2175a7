package org.mskrules.cli;

import java.io.PrintStream;
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
            + "[--stage STAGE] [--profile FILE.json] [--markdown FILE] [--json FILE] [--html FILE]";
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

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the report as one self-contained HTML page (heat maps and charts, no network).")
    Path htmlFile;

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
            checkCases(path);
        }
        if (size == 0 && caseFiles.isEmpty()) {
            throw Usage.error(spec, "nothing to compare: --size 0 and no --cases");
        }
        FileOptions.checkWritable(spec, "--markdown", markdownFile);
        FileOptions.checkWritable(spec, "--json", jsonFile);
        FileOptions.checkWritable(spec, "--html", htmlFile);
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
        } catch (NumberFormatException e) {
            // A decimal with an exponent too long to read exactly (issue 15's fuzzing): the cases' problem.
            err.println("cases rejected: a number has too many digits or too large an exponent");
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
        // A file that cannot be written is an output failure (exit 4), like a closed standard output.
        if (markdownFile != null) {
            FileOptions.write(markdownFile, report.toMarkdown());
        } else {
            out.print(report.toMarkdown());
            out.flush();
        }
        if (jsonFile != null) {
            FileOptions.write(jsonFile, report.toJson());
        }
        if (htmlFile != null) {
            FileOptions.write(htmlFile, org.mskrules.reports.HtmlReports.impact(report,
                    org.mskrules.reports.HtmlReports.impactTitle(report), given(caseFiles)));
        }
        err.printf("%d cases: %d compared, %d changed decisions, %d with errors (%.1f s)%n", report.cases(),
                report.compared(), report.changed(), report.errored(), seconds);
        return MskRulesCli.DECIDED;
    }

    /** The options as run, for the HTML page (the Markdown report's header says the same from the report). */
    private Map<String, String> given(List<Path> caseFiles) {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("--from", from);
        given.put("--to", to);
        given.put("--from-parameter", overrides(fromParameters));
        given.put("--to-parameter", overrides(toParameters));
        given.put("--size", size + (size == 0 ? " (no synthetic referrals)" : " synthetic referrals"));
        given.put("--seed", String.valueOf(seed));
        given.put("--as-of", asOf.toString());
        given.put("--cases", caseFiles.isEmpty() ? "none" : String.join(", ", caseFiles.stream().map(Path::toString).toList()));
        given.put("--stage", stage == null ? "none (each case's own)" : stage.name());
        given.put("--profile", profileFile == null ? "none: JSON Lines cases use the national profile"
                : profileFile + " (the service profile of JSON Lines cases)");
        return given;
    }

    private static String overrides(Map<String, Integer> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return "none (the version's defaults)";
        }
        List<String> list = new java.util.ArrayList<>();
        parameters.forEach((k, v) -> list.add(k + "=" + v));
        return String.join(", ", list);
    }

    /** The most a --cases file, or one case file in a --cases directory, may hold: it is read into memory whole. */
    static final long MAX_CASES_BYTES = 256L << 20;
    /** The longest line of a --cases JSON Lines file, as for a batch of referrals. */
    static final int MAX_CASES_LINE = ReferralLines.MAX_LINE;

    /**
     * Refuses, before anything is read into memory, a --cases that is not a directory or a regular
     * file (a device such as {@code /dev/zero} would be read without end), a file over
     * {@link #MAX_CASES_BYTES}, a JSON Lines file with a line over {@link #MAX_CASES_LINE} bytes, and
     * a golden-case directory holding a {@code .json} file over the one-document limit.
     */
    private void checkCases(Path path) {
        if (!Files.exists(path)) {
            throw Usage.refused(spec, "no such directory or file [" + path + "] (--cases)");
        }
        if (Files.isDirectory(path)) {
            try (java.util.stream.Stream<Path> walk = Files.walk(path)) {
                walk.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).forEach(f -> {
                    if (size(f) > 4L * org.mskrules.core.io.JsonContract.MAX_DOCUMENT_CHARS) {
                        throw Usage.refused(spec, "--cases [" + f + "] is larger than a golden case may be ("
                                + org.mskrules.core.io.JsonContract.MAX_DOCUMENT_CHARS + " characters)");
                    }
                });
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                throw Usage.refused(spec, "--cases [" + path + "] cannot be listed: " + e.getMessage());
            }
            return;
        }
        if (!Files.isRegularFile(path)) {
            throw Usage.refused(spec, "--cases [" + path + "] is neither a directory nor a regular file");
        }
        if (size(path) > MAX_CASES_BYTES) {
            throw Usage.refused(spec, "--cases [" + path + "] is larger than " + (MAX_CASES_BYTES >> 20) + " MiB");
        }
        // Read once with bounded lines, so that one endless line cannot take the heap when the population reads it.
        try (org.mskrules.core.io.LineSource lines = org.mskrules.core.io.LineSource.utf8(Files.newInputStream(path),
                MAX_CASES_LINE)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (org.mskrules.core.io.LineSource.isTooLong(line)) {
                    throw Usage.refused(spec, "--cases [" + path + "] line " + lines.lineNumber() + " is longer than "
                            + MAX_CASES_LINE + " bytes");
                }
            }
        } catch (java.io.IOException e) {
            throw Usage.refused(spec, "--cases [" + path + "] cannot be read: " + e.getMessage());
        }
    }

    private long size(Path f) {
        try {
            return Files.size(f);
        } catch (java.io.IOException e) {
            throw Usage.refused(spec, "--cases [" + f + "] cannot be read: " + e.getMessage());
        }
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
