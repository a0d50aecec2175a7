package org.mskrules.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.mskrules.core.FiredRule;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.Json;
import org.mskrules.core.NoVersionInForceException;
import org.mskrules.core.RulesException;
import org.mskrules.core.UnknownRuleSetVersionException;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.waitinglist.BandCount;
import org.mskrules.msk.waitinglist.EntryReview;
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

/** {@code waitlist FILE}: reviews a waiting-list file and prints the review. */
final class WaitlistCommand {
    static final int DEFAULT_SHOW = 20;

    private WaitlistCommand() {
    }

    static int run(MskRulesCli.Options options, ServiceProfile profile, PrintStream out, PrintStream err) {
        Path file = Path.of(options.file);
        if (!Files.isRegularFile(file)) {
            err.println("no such file [" + file + "]");
            return MskRulesCli.USAGE;
        }
        try {
            // --show sizes the printed lists; the JSON form keeps the library's default.
            WaitingListRules.Builder builder = WaitingListRules.builder().serviceProfile(profile)
                    .longestWaits(options.json ? WaitingListRules.DEFAULT_LONGEST_WAITS : Math.min(options.show, 10_000));
            if (options.version != null) {
                builder.ruleSetVersion(options.version);
            } else {
                builder.inForceOn(options.asOf);
            }
            WaitingListReview review = builder.build().review(file, options.asOf);
            if (options.json) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(review));
            } else {
                print(options.file, review, options.versionChoice(), options.show, out);
            }
            ReviewSummary s = review.summary();
            err.println(s.entriesIn() + " entries in: " + s.reviewed() + " reviewed, " + s.rejected() + " rejected");
            if (s.entriesIn() == 0) {
                // An empty extract is far more often a failed export than an empty list.
                err.println("waiting list [" + file + "] has no entries: nothing was reviewed");
                return MskRulesCli.REJECTED;
            }
            return s.complete() ? MskRulesCli.DECIDED : MskRulesCli.REJECTED;
        } catch (InvalidInputException e) {
            err.println("waiting list [" + file + "] cannot be read:");
            e.violations().forEach(v -> err.println("  " + v));
            return MskRulesCli.REJECTED;
        } catch (UnknownRuleSetVersionException e) {
            err.println(e.getMessage());
            return MskRulesCli.USAGE;
        } catch (NoVersionInForceException e) {
            return MskRulesCli.noVersionInForce(e, err);
        } catch (RulesException e) {
            err.println(e.getMessage());
            return MskRulesCli.FAILURE;
        } catch (UncheckedIOException | JsonProcessingException e) {
            err.println("cannot read or write the review: " + e.getMessage());
            return MskRulesCli.FAILURE;
        }
    }

    static void print(String file, WaitingListReview r, String versionChoice, int show, PrintStream out) {
        out.println("Waiting list: " + file + ", as of " + r.asOf());
        out.println("Rule set:     " + r.trace().ruleSetId() + " " + r.trace().version() + ", " + versionChoice + " ("
                + r.trace().contentHash() + ")" + MskRulesCli.workingWarning(r.trace()) + "; service profile: "
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
                        + (t.appliedDays() < t.nationalDays() ? "; local standard, national " + t.nationalDays() : "") + ")")
                .collect(Collectors.joining(", ")));
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

        out.println("Validation cohort (" + r.policy().validationSchedule().pointWeeks() + "-week points, unless validated in the previous "
                + r.policy().validationSchedule().lookbackWeeks() + " weeks; " + r.policy().validationSchedule().ruleId() + "): "
                + r.validationCohort().size() + " to contact");
        int shown = 0;
        for (EntryReview e : r.validationCohort()) {
            if (shown++ == show) {
                out.println("  ... and " + (r.validationCohort().size() - show) + " more (--json lists all)");
                break;
            }
            out.println("  " + entry(e) + ", " + e.validationPointWeeks() + "-week point");
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
