package org.mskrules.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.RulesException;
import org.mskrules.core.UnknownRuleSetVersionException;
import org.mskrules.governance.ImpactAnalysis;
import org.mskrules.governance.ImpactReport;
import org.mskrules.governance.InvalidPopulationException;
import org.mskrules.governance.Population;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.ServiceProfile;

/**
 * {@code diff --from VERSION --to VERSION ...}: what changing from one rule-set version (or local
 * parameter values) to another does to the decisions on synthetic referrals and any golden cases or
 * JSON Lines files given, as Markdown for a clinical safety officer and, optionally, JSON.
 */
final class DiffCommand {
    static final long DEFAULT_SEED = 20_261_123L;
    static final int DEFAULT_SIZE = 100_000;
    /** Fixed, not today, so that the same command gives the same report on any day. */
    static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 23);

    private DiffCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println(e.getMessage());
            usage(err, "usage: ");
            return MskRulesCli.USAGE;
        }
        MskRules from;
        MskRules to;
        Population population;
        try {
            from = MskRules.builder().ruleSetVersion(o.from).parameters(o.fromParameters).build();
            to = MskRules.builder().ruleSetVersion(o.to).parameters(o.toParameters).build();
            ServiceProfile profile = o.profileFile == null ? ServiceProfile.NATIONAL
                    : ServiceProfile.read(Path.of(o.profileFile));
            population = population(o, profile);
        } catch (UnknownRuleSetVersionException e) {
            err.println(e.getMessage());
            return MskRulesCli.USAGE;
        } catch (InvalidConfigurationException e) {
            err.println("configuration rejected:");
            e.violations().forEach(v -> err.println("  " + v));
            return MskRulesCli.USAGE;
        } catch (InvalidPopulationException e) {
            err.println("cases rejected: " + e.getMessage());
            return MskRulesCli.REJECTED;
        }
        long started = System.nanoTime();
        ImpactReport report;
        try {
            report = ImpactAnalysis.diff(from, to, population);
        } catch (RulesException e) {
            err.println(e.getMessage());
            return MskRulesCli.FAILURE;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try {
            if (o.markdownFile != null) {
                Files.writeString(Path.of(o.markdownFile), report.toMarkdown(), StandardCharsets.UTF_8);
            } else {
                out.print(report.toMarkdown());
            }
            if (o.jsonFile != null) {
                Files.writeString(Path.of(o.jsonFile), report.toJson(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            err.println("cannot write the report: " + e);
            return MskRulesCli.FAILURE;
        }
        err.printf("%d cases: %d compared, %d changed decisions, %d with errors (%.1f s)%n", report.cases(),
                report.compared(), report.changed(), report.errored(), seconds);
        return MskRulesCli.DECIDED;
    }

    private static Population population(Options o, ServiceProfile profile) {
        Population population = Population.synthetic(o.seed, o.size, o.asOf);
        for (String cases : o.cases) {
            Path path = Path.of(cases);
            population = population.plus(Files.isDirectory(path) ? Population.goldenCases(path)
                    : Population.jsonLines(path, o.asOf, profile));
        }
        return population;
    }

    /** The command's usage lines, the first starting with {@code first} ("usage: " or spaces). */
    static void usage(PrintStream out, String first) {
        out.println(first + "diff --from X.Y.Z --to X.Y.Z [--from-parameter NAME=VALUE]... [--to-parameter NAME=VALUE]...");
        out.println("            [--seed N] [--size N] [--as-of YYYY-MM-DD] [--cases DIR|FILE.jsonl]... [--profile PROFILE.json]");
        out.println("            [--markdown FILE] [--json FILE]");
    }

    /** The diff's own options. */
    private static final class Options {
        String from;
        String to;
        final Map<String, Integer> fromParameters = new LinkedHashMap<>();
        final Map<String, Integer> toParameters = new LinkedHashMap<>();
        long seed = DEFAULT_SEED;
        int size = DEFAULT_SIZE;
        LocalDate asOf = DEFAULT_AS_OF;
        final List<String> cases = new ArrayList<>();
        String profileFile;
        String markdownFile;
        String jsonFile;

        static Options parse(List<String> args) {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--from" -> o.from = MskRulesCli.value(args, ++i, a);
                    case "--to" -> o.to = MskRulesCli.value(args, ++i, a);
                    case "--from-parameter" -> parameter(o.fromParameters, MskRulesCli.value(args, ++i, a), a);
                    case "--to-parameter" -> parameter(o.toParameters, MskRulesCli.value(args, ++i, a), a);
                    case "--seed" -> o.seed = number(MskRulesCli.value(args, ++i, a), a);
                    case "--size" -> {
                        long size = number(MskRulesCli.value(args, ++i, a), a);
                        if (size < 0 || size > Integer.MAX_VALUE) {
                            throw new IllegalArgumentException("--size must be from 0 to " + Integer.MAX_VALUE);
                        }
                        o.size = (int) size;
                    }
                    case "--as-of" -> o.asOf = LocalDate.parse(MskRulesCli.value(args, ++i, a));
                    case "--cases" -> {
                        String path = MskRulesCli.value(args, ++i, a);
                        if (!Files.exists(Path.of(path))) {
                            throw new IllegalArgumentException("no such directory or file [" + path + "]");
                        }
                        o.cases.add(path);
                    }
                    case "--profile" -> o.profileFile = MskRulesCli.value(args, ++i, a);
                    case "--markdown" -> o.markdownFile = MskRulesCli.value(args, ++i, a);
                    case "--json" -> o.jsonFile = MskRulesCli.value(args, ++i, a);
                    default -> throw new IllegalArgumentException("unexpected argument [" + a + "]");
                }
            }
            if (o.from == null || o.to == null) {
                throw new IllegalArgumentException("diff needs --from and --to, the two rule-set versions");
            }
            if (o.size == 0 && o.cases.isEmpty()) {
                throw new IllegalArgumentException("nothing to compare: --size 0 and no --cases");
            }
            return o;
        }

        private static void parameter(Map<String, Integer> into, String nameValue, String option) {
            int eq = nameValue.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(option + " needs NAME=VALUE, e.g. malignancyAgeYears=55");
            }
            String name = nameValue.substring(0, eq);
            try {
                into.put(name, Integer.parseInt(nameValue.substring(eq + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " " + name + " needs a whole number");
            }
        }

        private static long number(String value, String option) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a whole number");
            }
        }
    }
}
