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
import org.mskrules.core.FiredRule;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.Json;
import org.mskrules.core.io.JsonContract;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.core.Trace;
import org.mskrules.core.Violation;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.IncompleteScreen;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.PriorityDecision;
import org.mskrules.msk.PriorityReason;
import org.mskrules.msk.RedFlag;
import org.mskrules.msk.PathwayStage;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ReferralJson;
import org.mskrules.msk.RouteDecision;
import org.mskrules.msk.RouteReason;
import org.mskrules.msk.SeriousFinding;
import org.mskrules.msk.ServiceProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code assess FILE|-}: one referral (a {@code .json} file), printed as a text report or JSON; or
 * JSON Lines of referrals ({@code .jsonl}/{@code .ndjson}, {@code -} for standard input, or
 * {@code --jsonl}), one output line per input line ({@link ReferralBatch}).
 */
@Command(name = "assess", usageHelpWidth = 100, mixinStandardHelpOptions = false,
        description = {"Assesses referrals: red flags, incomplete screens, priority category and route, each explained "
                + "by the rules that fired and their sources.",
                "A .json file is one referral: a text report, or --json. A .jsonl or .ndjson file, standard input (-) "
                        + "or --jsonl is JSON Lines, one referral a line: one output line per input line, in order, "
                        + "{\"line\":N,\"decision\":{...}} or {\"line\":N,\"error\":{\"violations\":[...]}}; a "
                        + "summary on standard error (read N, decided D, rejected R)."},
        footer = MskRulesCli.EXIT_CODES)
final class AssessCommand implements Callable<Integer> {
    static final String SYNOPSIS = "assess FILE|- [--as-of YYYY-MM-DD] [--rules-version X.Y.Z] [--profile FILE.json] "
            + "[--stage STAGE] [--json | --jsonl]";
    @Spec
    CommandSpec spec;

    @ParentCommand
    MskRulesCli cli;

    @Mixin
    SharedOptions shared;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "FILE|-",
            description = "A referral (.json), JSON Lines of referrals (.jsonl, .ndjson), or - for JSON Lines on "
                    + "standard input.")
    String file;

    @Option(names = "--json", description = "One referral: print the assessment as JSON instead of the text report.")
    boolean json;

    @Option(names = "--jsonl", description = "Read FILE as JSON Lines whatever its name.")
    boolean jsonl;

    @Option(names = "--stage", paramLabel = "STAGE", description = "One referral: the pathway stage to decide at "
            + "(msk-referral 2.0.0 and later), one of ${COMPLETION-CANDIDATES}, for a referral that gives none; "
            + "a referral that gives another is refused. Without it, the referral's own, else FCP_OR_GP_ASSESSMENT.")
    PathwayStage stage;

    @Override
    public Integer call() throws IOException {
        boolean stdin = file.equals("-");
        boolean batch = stdin || jsonl || isJsonLines(file);
        if (json && batch) {
            throw Usage.error(spec, "--json prints one referral; JSON Lines input gives JSON Lines output already");
        }
        if (stage != null && batch) {
            throw Usage.error(spec, "--stage is for one referral; give each line its own pathwayStage");
        }
        Path path = stdin ? null : Path.of(file);
        if (path != null) {
            FileOptions.checkReadable(spec, "file", path);
        }
        LocalDate asOf = shared.asOf();
        ServiceProfile profile = shared.profile();
        MskRules rules = shared.build(() -> {
            MskRules.Builder builder = MskRules.builder().registry(shared.registry()).serviceProfile(profile);
            return (shared.rulesVersion != null ? builder.ruleSetVersion(shared.rulesVersion) : builder.inForceOn(asOf))
                    .build();
        });
        PrintStream out = cli.out;
        PrintStream err = cli.err;
        if (batch) {
            warnIfWorking(MskRules.RULE_SET_ID, rules.version(), rules.status(), err);
            return batch(rules, asOf, path, out, err);
        }
        Assessment assessment;
        try {
            Referral referral = ReferralJson.read(readReferral(path), asOf);
            if (stage != null && referral.pathwayStage() != null && referral.pathwayStage() != stage) {
                throw new InvalidInputException(List.of(new Violation("/pathwayStage", "INCONSISTENT", "the referral gives ["
                        + referral.pathwayStage() + "] but --stage gives [" + stage + "]")));
            }
            assessment = rules.assess(stage == null ? referral : referral.withPathwayStage(stage), asOf);
        } catch (InvalidInputException e) {
            err.println("referral [" + file + "] rejected:");
            e.violations().forEach(v -> err.println("  " + v));
            return MskRulesCli.REJECTED;
        }
        if (json) {
            warnIfWorking(MskRules.RULE_SET_ID, rules.version(), rules.status(), err);
            out.println(Json.writePretty(assessment));
        } else {
            print(assessment, shared.versionChoice(), out);
        }
        return MskRulesCli.DECIDED;
    }

    private int batch(MskRules rules, LocalDate asOf, Path path, PrintStream out, PrintStream err) throws IOException {
        long size = path == null || !Files.isRegularFile(path) ? -1 : Files.size(path);
        Progress progress = new Progress(err, cli.terminal, size, System::nanoTime)
                .sharingScreenWithOutput(cli.outputOnTerminal);
        ReferralBatch.Counts counts;
        try (InputStream in = path == null ? new NonClosing(cli.in) : Files.newInputStream(path)) {
            counts = new ReferralBatch(rules, asOf, ReferralBatch.defaultThreads()).run(in, out, progress);
        }
        return summary(counts, path == null ? "standard input" : "[" + path + "]", err);
    }

    /** The summary on standard error, and the exit code it gives. */
    static int summary(ReferralBatch.Counts c, String source, PrintStream err) {
        err.println("read " + c.read() + ", decided " + c.decided() + ", rejected " + c.rejected()
                + (c.failed() == 0 ? "" : " (" + c.failed() + " of them internal failures)"));
        if (!c.complete()) {
            err.println("internal failure: lines lost: read " + c.read() + " but " + (c.decided() + c.rejected())
                    + " accounted for");
            return MskRulesCli.FAILURE;
        }
        if (c.firstFailure() != null) {
            err.println("internal failure: " + c.firstFailure());
            c.firstFailure().printStackTrace(err);
            return MskRulesCli.FAILURE;
        }
        if (c.read() == 0) {
            // An empty extract is far more often a failed export than a day without referrals.
            err.println(source + " holds no lines: nothing was assessed");
            return MskRulesCli.REJECTED;
        }
        return c.rejected() == 0 ? MskRulesCli.DECIDED : MskRulesCli.REJECTED;
    }

    static boolean isJsonLines(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    /**
     * The text of a one-referral file, read as the library reads any document (strict UTF-8, at most
     * {@link JsonContract#MAX_DOCUMENT_CHARS} characters; a byte order mark is skipped when it is checked).
     *
     * @throws InvalidInputException if it is too large or not UTF-8
     */
    static String readReferral(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return JsonContract.readDocument(in);
        }
    }

    /** Before output that is not a text report: a working version's decisions are not for clinical use. */
    static void warnIfWorking(String ruleSetId, String version, RuleSetManifest.Status status, PrintStream err) {
        if (status == RuleSetManifest.Status.WORKING) {
            err.println("warning: " + ruleSetId + " " + version + " is a WORKING version: not released, not for clinical use");
        }
    }

    /** A decision from a version that is not released says so wherever it is printed. */
    static String workingWarning(Trace trace) {
        return trace.status() == RuleSetManifest.Status.WORKING
                ? " [WORKING version: not released, not for clinical use]" : "";
    }

    static void print(Assessment a, String versionChoice, PrintStream out) {
        out.println("Referral:    " + (a.referralId() == null ? "(no reference)" : a.referralId()));
        out.println("Rule set:    " + a.trace().ruleSetId() + " " + a.trace().version() + ", " + versionChoice
                + workingWarning(a.trace()));
        if (a.pathwayStage() != null) {
            out.println("Stage:       " + a.pathwayStage() + (a.referralSource() == null ? "" : "; source " + a.referralSource()));
        }
        out.println("Escalation:  " + a.escalation());
        out.println();
        if (a.redFlags().isEmpty()) {
            out.println("Red flags:   none found");
        } else {
            out.println("Red flags:");
            for (RedFlag f : a.redFlags()) {
                out.println("  [" + f.level() + "] " + f.condition() + " -> " + f.destination());
                out.println("      " + f.timeFrame());
                out.println("      rule " + f.ruleId() + "; source: " + f.source());
            }
        }
        out.println();
        if (a.incompleteScreens().isEmpty()) {
            out.println("Screens:     complete");
        } else {
            out.println("Incomplete screens (self-management is not safe until completed):");
            for (IncompleteScreen s : a.incompleteScreens()) {
                out.println("  " + s.screen() + " (rule " + s.ruleId() + "): not recorded " + s.missing());
                out.println("      source: " + s.source());
            }
        }
        out.println();
        if (!a.seriousFindings().isEmpty()) {
            out.println("Serious findings (outside every red-flag criterion: a clinician sees the patient, never self-management):");
            for (SeriousFinding f : a.seriousFindings()) {
                out.println("  " + f.findings() + " (rule " + f.ruleId() + ")");
                out.println("      criteria not met: " + f.criteria());
                out.println("      source: " + f.source());
            }
            out.println();
        }
        PriorityDecision p = a.priority();
        out.println("Priority:    " + p.category() + " (derived " + p.derived()
                + (p.clinician() == null ? "" : "; clinician's decision " + p.clinician()) + "); waiting-time threshold "
                + p.waitingThresholdDays() + " days (rule " + p.ruleId() + ")");
        for (PriorityReason r : p.reasons()) {
            out.println("  " + r.criterion() + (r.provisional() ? " (provisional)" : "") + ": rule " + r.ruleId());
            out.println("      " + r.description());
        }
        out.println();
        RouteDecision route = a.route();
        out.println("Route:       " + route.route()
                + (route.specialty() == null ? "" : " -> " + route.specialty())
                + (route.destination() == null ? "" : " -> " + route.destination()));
        out.println("      " + route.timeFrame());
        for (RouteReason r : route.reasons()) {
            out.println("  rule " + r.ruleId() + ": " + r.description());
            out.println("      source: " + r.source());
            if (r.advice() != null) {
                out.println("      advice: " + r.advice());
            }
        }
        if (!route.outranked().isEmpty()) {
            out.println("  outranked: " + route.outranked().stream()
                    .map(r -> r.ruleId() + " (" + r.route() + ")").toList());
        }
        if (a.stratifiedRisk() != null) {
            out.println("  stratified risk " + a.stratifiedRisk().category() + " (rule " + a.stratifiedRisk().ruleId() + ")");
        }
        out.println("  service profile: " + a.serviceProfile().name());
        out.println();
        out.println("Explanation: rule set " + a.trace().ruleSetId() + " " + a.trace().version()
                + " (" + a.trace().contentHash() + "), as of " + a.trace().asOf());
        for (FiredRule r : a.trace().firedRules()) {
            out.println("  " + r.sequence() + ". " + r.rule().name());
            out.println("     source: " + r.rule().meta("source"));
        }
        out.println("Parameters:  " + a.parameters());
    }

    /** Standard input, which the command must not close. */
    static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // Standard input belongs to the process.
        }
    }
}
