package org.mskrules.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.mskrules.core.FiredRule;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.Json;
import org.mskrules.core.NoVersionInForceException;
import org.mskrules.core.RulesException;
import org.mskrules.core.UnknownRuleSetVersionException;
import org.mskrules.core.Violation;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.IncompleteScreen;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.PriorityDecision;
import org.mskrules.msk.PriorityReason;
import org.mskrules.msk.RedFlag;
import org.mskrules.msk.Referral;
import org.mskrules.msk.RouteDecision;
import org.mskrules.msk.RouteReason;
import org.mskrules.msk.ServiceProfile;

/**
 * The command line: {@code assess FILE} assesses one referral JSON file (red flags, screens, priority,
 * route) and {@code waitlist FILE} reviews a waiting list (CSV or JSON Lines); both print the decision
 * with its explanation, or JSON with {@code --json}. {@code diff} compares two rule-set versions or
 * configurations on a population of referrals ({@link DiffCommand}). Batch assessment and the rule
 * catalogue are planned.
 *
 * <p>Without {@code --rules-version}, each command uses the rule-set version in force on the
 * {@code --as-of} date (the released version with the latest effective date on or before it) and says
 * so in its text report; {@code --rules-version} names any version, working ones included.
 *
 * <p>Exit codes: 0 decided (for a waiting list, every entry reviewed), 1 input rejected (for a waiting
 * list, at least one entry rejected; the review is still printed), 2 usage error (including an unknown
 * rule-set version, no version in force on the date, or an invalid service profile), 3 internal failure.
 */
public final class MskRulesCli {
    static final int DECIDED = 0;
    static final int REJECTED = 1;
    static final int USAGE = 2;
    static final int FAILURE = 3;

    private MskRulesCli() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out, System.err);
        } catch (RuntimeException | Error e) {
            // Anything not already turned into an exit code is a defect: say so, with the exit code for it.
            System.err.println("internal failure: " + e);
            e.printStackTrace(System.err);
            code = FAILURE;
        }
        System.exit(code);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.isEmpty() || rest.contains("--help") || rest.contains("-h")) {
            usage(rest.isEmpty() ? err : out);
            return rest.isEmpty() ? USAGE : DECIDED;
        }
        String command = rest.remove(0);
        if (command.equals("diff")) {
            return DiffCommand.run(rest, out, err);
        }
        if (!command.equals("assess") && !command.equals("waitlist")) {
            err.println("unknown command [" + command + "]");
            usage(err);
            return USAGE;
        }
        Options options;
        try {
            options = Options.parse(command, rest);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println(e.getMessage());
            usage(err);
            return USAGE;
        }
        ServiceProfile profile = ServiceProfile.NATIONAL;
        if (options.profileFile != null) {
            try {
                profile = ServiceProfile.read(Path.of(options.profileFile));
            } catch (InvalidConfigurationException e) {
                err.println("service profile [" + options.profileFile + "] rejected:");
                e.violations().forEach(v -> err.println("  " + v));
                return USAGE;
            }
        }
        return command.equals("assess") ? assess(options, profile, out, err)
                : WaitlistCommand.run(options, profile, out, err);
    }

    /** The options every command shares, with the one input file. */
    static final class Options {
        final String file;
        final LocalDate asOf;
        final String version;
        final String profileFile;
        final boolean json;
        final int show;

        private Options(String file, LocalDate asOf, String version, String profileFile, boolean json, int show) {
            this.file = file;
            this.asOf = asOf;
            this.version = version;
            this.profileFile = profileFile;
            this.json = json;
            this.show = show;
        }

        static Options parse(String command, List<String> rest) {
            LocalDate asOf = null;
            String version = null;
            String profileFile = null;
            boolean json = false;
            int show = WaitlistCommand.DEFAULT_SHOW;
            String file = null;
            for (int i = 0; i < rest.size(); i++) {
                String a = rest.get(i);
                switch (a) {
                    case "--as-of" -> asOf = LocalDate.parse(value(rest, ++i, a));
                    case "--rules-version" -> version = value(rest, ++i, a);
                    case "--profile" -> profileFile = value(rest, ++i, a);
                    case "--json" -> json = true;
                    case "--show" -> {
                        if (!command.equals("waitlist")) {
                            throw new IllegalArgumentException("--show applies to waitlist only");
                        }
                        try {
                            show = Integer.parseInt(value(rest, ++i, a));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--show needs a whole number");
                        }
                        if (show < 0) {
                            throw new IllegalArgumentException("--show must not be negative");
                        }
                    }
                    default -> {
                        if (a.startsWith("-") || file != null) {
                            throw new IllegalArgumentException("unexpected argument [" + a + "]");
                        }
                        file = a;
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException(command.equals("assess") ? "a referral file is required"
                        : "a waiting-list file (.csv, .jsonl or .ndjson) is required");
            }
            if (asOf == null) {
                // The one place the clock is read: the command line's default evaluation date, in
                // England's time zone, so that a server on UTC does not give yesterday's date
                // between midnight and 1 am in summer (a quarter end moves the milestone in force).
                asOf = LocalDate.now(java.time.ZoneId.of("Europe/London"));
            }
            return new Options(file, asOf, version, profileFile, json, show);
        }

        /** Why the version that decided was chosen, for the text report. */
        String versionChoice() {
            return version != null ? "as named by --rules-version" : "in force on " + asOf;
        }
    }

    /** No released version on the date: the user must pick a date or a version, so a usage error. */
    static int noVersionInForce(NoVersionInForceException e, PrintStream err) {
        err.println(e.getMessage());
        err.println("choose a version with --rules-version X.Y.Z, or an --as-of date on which a version is in force");
        return USAGE;
    }

    private static int assess(Options options, ServiceProfile profile, PrintStream out, PrintStream err) {
        String file = options.file;
        try {
            Referral referral = Json.mapper().readValue(Files.readString(Path.of(file)), Referral.class);
            MskRules.Builder builder = MskRules.builder().serviceProfile(profile);
            if (options.version != null) {
                builder.ruleSetVersion(options.version);
            } else {
                builder.inForceOn(options.asOf);
            }
            Assessment assessment = builder.build().assess(referral, options.asOf);
            if (options.json) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(assessment));
            } else {
                print(assessment, options.versionChoice(), out);
            }
            return DECIDED;
        } catch (NoSuchFileException e) {
            err.println("no such file [" + file + "]");
            return USAGE;
        } catch (JsonProcessingException e) {
            err.println("referral [" + file + "] rejected: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
            return REJECTED;
        } catch (InvalidInputException e) {
            err.println("referral [" + file + "] rejected:");
            for (Violation v : e.violations()) {
                err.println("  " + v);
            }
            return REJECTED;
        } catch (UnknownRuleSetVersionException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (NoVersionInForceException e) {
            return noVersionInForce(e, err);
        } catch (RulesException e) {
            err.println(e.getMessage());
            return FAILURE;
        } catch (IOException e) {
            err.println("cannot read [" + file + "]: " + e.getMessage());
            return FAILURE;
        }
    }

    static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    /** A decision from a version that is not released says so wherever it is printed. */
    static String workingWarning(org.mskrules.core.Trace trace) {
        return trace.status() == org.mskrules.core.RuleSetManifest.Status.WORKING
                ? " [WORKING version: not released, not for clinical use]" : "";
    }

    static void print(Assessment a, String versionChoice, PrintStream out) {
        out.println("Referral:    " + (a.referralId() == null ? "(no reference)" : a.referralId()));
        out.println("Rule set:    " + a.trace().ruleSetId() + " " + a.trace().version() + ", " + versionChoice
                + workingWarning(a.trace()));
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

    private static void usage(PrintStream out) {
        out.println("usage: assess FILE [--as-of YYYY-MM-DD] [--rules-version X.Y.Z] [--profile PROFILE.json] [--json]");
        out.println("       waitlist FILE [--as-of YYYY-MM-DD] [--rules-version X.Y.Z] [--profile PROFILE.json] [--json] [--show N]");
        DiffCommand.usage(out, "       ");
        out.println("  assess    assesses one referral (JSON): red flags, incomplete screens, priority category and");
        out.println("            route, and explains the decision.");
        out.println("  waitlist  reviews a waiting list (.csv or .jsonl): counts by reporting band and category, the");
        out.println("            recovery-plan decision, the milestones in force, the validation cohort and outcomes, and");
        out.println("            every rejected line; --show N lists at most N entries per list in text (default 20).");
        out.println("  diff      compares two rule-set versions, or local parameter values, on synthetic referrals (default");
        out.println("            --seed 20261123 --size 100000 --as-of 2026-11-23) and any golden-case directories or JSON");
        out.println("            Lines files given with --cases; prints Markdown (or writes --markdown FILE; --json FILE too).");
        out.println("  --profile names a service profile (FCP access, self-referral, local standards); the national");
        out.println("  defaults apply without it. Without --as-of, today's date is used. Without --rules-version,");
        out.println("  the rule-set version in force on the --as-of date is used.");
        out.println("  exit codes: 0 decided (every entry reviewed), 1 input rejected (for waitlist: some entries");
        out.println("  rejected), 2 usage error, 3 internal failure");
    }
}
