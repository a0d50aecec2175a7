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
 * {@code assess FILE [--as-of YYYY-MM-DD] [--rules-version X.Y.Z] [--profile PROFILE.json] [--json]}:
 * assesses one referral JSON file (red flags, screens, priority, route) and prints the decision with
 * its explanation. The full command-line tool (batch input,
 * waiting lists, diffs) is planned; this is the minimal front end.
 *
 * <p>Exit codes: 0 decided, 1 input rejected, 2 usage error (including an unknown rule-set
 * version or an invalid service profile), 3 internal failure.
 */
public final class MskRulesCli {
    static final int DECIDED = 0;
    static final int REJECTED = 1;
    static final int USAGE = 2;
    static final int FAILURE = 3;

    private MskRulesCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.isEmpty() || rest.contains("--help") || rest.contains("-h")) {
            usage(rest.isEmpty() ? err : out);
            return rest.isEmpty() ? USAGE : DECIDED;
        }
        String command = rest.remove(0);
        if (!command.equals("assess")) {
            err.println("unknown command [" + command + "]");
            usage(err);
            return USAGE;
        }
        LocalDate asOf = null;
        String version = null;
        String profileFile = null;
        boolean json = false;
        String file = null;
        try {
            for (int i = 0; i < rest.size(); i++) {
                String a = rest.get(i);
                switch (a) {
                    case "--as-of" -> asOf = LocalDate.parse(value(rest, ++i, a));
                    case "--rules-version" -> version = value(rest, ++i, a);
                    case "--profile" -> profileFile = value(rest, ++i, a);
                    case "--json" -> json = true;
                    default -> {
                        if (a.startsWith("-") || file != null) {
                            throw new IllegalArgumentException("unexpected argument [" + a + "]");
                        }
                        file = a;
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("a referral file is required");
            }
            if (asOf == null) {
                // The one place the clock is read: the command line's default evaluation date.
                asOf = LocalDate.now();
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println(e.getMessage());
            usage(err);
            return USAGE;
        }

        ServiceProfile profile = ServiceProfile.NATIONAL;
        if (profileFile != null) {
            try {
                profile = ServiceProfile.read(Path.of(profileFile));
            } catch (InvalidConfigurationException e) {
                err.println("service profile [" + profileFile + "] rejected:");
                e.violations().forEach(v -> err.println("  " + v));
                return USAGE;
            }
        }
        try {
            Referral referral = Json.mapper().readValue(Files.readString(Path.of(file)), Referral.class);
            MskRules.Builder builder = MskRules.builder().serviceProfile(profile);
            if (version != null) {
                builder.ruleSetVersion(version);
            }
            Assessment assessment = builder.build().assess(referral, asOf);
            if (json) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(assessment));
            } else {
                print(assessment, out);
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
        } catch (RulesException e) {
            err.println(e.getMessage());
            return FAILURE;
        } catch (IOException e) {
            err.println("cannot read [" + file + "]: " + e.getMessage());
            return FAILURE;
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    static void print(Assessment a, PrintStream out) {
        out.println("Referral:    " + (a.referralId() == null ? "(no reference)" : a.referralId()));
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
        out.println("  Assesses one referral (JSON): red flags, incomplete screens, priority category and route,");
        out.println("  and explains the decision. --profile names a service profile (FCP access, self-referral,");
        out.println("  local standards); the national defaults apply without it.");
        out.println("  exit codes: 0 decided, 1 input rejected, 2 usage error, 3 internal failure");
    }
}
