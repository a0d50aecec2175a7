package org.mskrules.msk.waitinglist.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.mskrules.core.RuleInfo;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.waitinglist.LocalStandardBreach;
import org.mskrules.msk.waitinglist.Milestone;
import org.mskrules.msk.waitinglist.MilestoneScope;
import org.mskrules.msk.waitinglist.MilestoneStatus;
import org.mskrules.msk.waitinglist.RecoveryPlanReason;
import org.mskrules.msk.waitinglist.RecoveryPlanStatus;
import org.mskrules.msk.waitinglist.ReviewNote;
import org.mskrules.msk.waitinglist.ValidationDecision;
import org.mskrules.msk.waitinglist.ValidationReason;
import org.mskrules.msk.waitinglist.ValidationSchedule;
import org.mskrules.msk.waitinglist.WaitBand;
import org.mskrules.msk.waitinglist.WaitThreshold;
import org.mskrules.msk.waitinglist.WaitingListEntry;
import org.mskrules.msk.waitinglist.WaitingListParameters;

/**
 * Builds the facts that waiting-list rule consequences insert, taking each rule's id, source and
 * description from its own metadata so that they are written once, in the rule file.
 */
public final class WaitingListFacts {
    private WaitingListFacts() {
    }

    /** The reporting band that {@code rule}'s metadata defines ({@code @band}, {@code @label}, {@code @fromDay}, {@code @toDay}). */
    public static WaitBand band(Rule rule) {
        return band(rule.getMetaData());
    }

    /** The reporting band that a rule's {@code metadata} defines; the facade's load check uses it too. */
    public static WaitBand band(Map<String, ?> m) {
        String to = optional(m, "toDay");
        return new WaitBand(text(m, "band"), text(m, "label"), Integer.parseInt(text(m, "fromDay")),
                to == null ? null : Integer.valueOf(to), text(m, "id"), text(m, "source"));
    }

    /**
     * The threshold that {@code rule}'s metadata defines ({@code @category}, {@code @nationalDays}):
     * the national one, or the profile's standard where that is stricter.
     */
    public static WaitThreshold threshold(Rule rule, ServiceProfile profile) {
        PriorityCategory category = PriorityCategory.valueOf(text(rule, "category"));
        int national = Integer.parseInt(text(rule, "nationalDays"));
        int local = profile.seenWithinDays(category);
        return local < national
                ? new WaitThreshold(category, national, local, profile.name(), text(rule, "id"), text(rule, "source"))
                : new WaitThreshold(category, national, national, WaitThreshold.NATIONAL, text(rule, "id"), text(rule, "source"));
    }

    /**
     * The national threshold that {@code rule}'s metadata defines ({@code @category},
     * {@code @nationalDays}), which alone decides the recovery plan, with the profile's standard beside
     * it, to be reported, where that is stricter (1.1.0 onwards).
     */
    public static WaitThreshold nationalThreshold(Rule rule, ServiceProfile profile) {
        PriorityCategory category = PriorityCategory.valueOf(text(rule, "category"));
        int national = Integer.parseInt(text(rule, "nationalDays"));
        int local = profile.seenWithinDays(category);
        return new WaitThreshold(category, national, national, WaitThreshold.NATIONAL, text(rule, "id"),
                text(rule, "source"), local < national ? local : null);
    }

    /**
     * A count of waiting patients over the service's stricter local standard: reported beside the
     * recovery-plan decision, never deciding it. The rule's description, with the counts, is its text.
     */
    public static LocalStandardBreach localStandardBreach(Rule rule, PriorityCategory category, long entries,
            long rejected, int standardDays, int nationalDays, String profile) {
        String text = entries + (category == PriorityCategory.PRIORITY ? " priority" : " non-priority")
                + (entries == 1 ? " patient waits" : " patients wait") + " longer than " + profile + "'s standard of "
                + standardDays + " days (national threshold " + nationalDays + " days)"
                + (rejected == 0 ? ". " : "; " + rejected + (rejected == 1 ? " entry was" : " entries were")
                        + " rejected and could not be checked, so the count is at least " + entries
                        + ": correct them and review again. ")
                + text(rule, "description");
        return new LocalStandardBreach(text(rule, "id"), category, entries, rejected, standardDays, nationalDays,
                profile, text, text(rule, "source"));
    }

    /**
     * The milestone that {@code rule}'s metadata defines ({@code @planningYear}, {@code @quarter},
     * {@code @due}, {@code @scope}, {@code @maxWeeks}).
     */
    public static Milestone milestone(Rule rule) {
        return milestone(rule.getMetaData());
    }

    /** The milestone that a rule's {@code metadata} defines; the facade's load check uses it too. */
    public static Milestone milestone(Map<String, ?> m) {
        return new Milestone(text(m, "id"), text(m, "planningYear"), text(m, "quarter"),
                LocalDate.parse(text(m, "due")), MilestoneScope.valueOf(text(m, "scope")),
                Integer.parseInt(text(m, "maxWeeks")), text(m, "description"), text(m, "source"));
    }

    /** {@code milestone} selected by {@code rule} as in force or as the next to fall due. */
    public static MilestoneSelection selection(Rule rule, Milestone milestone, boolean inForce) {
        return new MilestoneSelection(milestone, inForce, text(rule, "id"));
    }

    /** The validation schedule set by the local parameters. */
    public static ValidationSchedule validationSchedule(Rule rule, WaitingListParameters p) {
        return new ValidationSchedule(List.of(p.validationFirstWeeks(), p.validationSecondWeeks(), p.validationThirdWeeks()),
                p.validationLookbackWeeks(), text(rule, "id"), text(rule, "source"));
    }

    /** {@code schedule} with every waiting patient in the cohort, by {@code rule} (from 1.1.0). */
    public static ValidationSchedule everyPatient(Rule rule, ValidationSchedule schedule) {
        return schedule.withEveryPatient(text(rule, "id"), text(rule, "source"));
    }

    /** A note for the reader, in {@code text}. */
    public static ReviewNote note(Rule rule, String text) {
        return new ReviewNote(text(rule, "id"), text, text(rule, "source"));
    }

    /** A recovery-plan reason; the rule's description, with the counts, is its text. */
    public static RecoveryPlanReason recoveryPlanReason(Rule rule, RecoveryPlanStatus status, PriorityCategory category,
            long entries, Integer thresholdDays) {
        String text = text(rule, "description");
        if (category != null) {
            text = entries + (category == PriorityCategory.PRIORITY ? " priority" : " non-priority")
                    + (entries == 1 ? " patient waits" : " patients wait") + " longer than " + thresholdDays
                    + " days. " + text;
        } else if (status == RecoveryPlanStatus.UNDETERMINED && entries > 0) {
            text = entries + (entries == 1 ? " entry was" : " entries were") + " rejected. " + text;
        }
        return new RecoveryPlanReason(text(rule, "id"), status, category, entries, thresholdDays, text,
                text(rule, "source"));
    }

    /** What a required recovery plan should include. */
    public static RecoveryPlanActions recoveryPlanActions(Rule rule, String... actions) {
        return new RecoveryPlanActions(List.of(actions), text(rule, "id"));
    }

    /** The verdict of {@code rule} on {@code milestone}. */
    public static MilestoneVerdict verdict(Rule rule, Milestone milestone, MilestoneStatus status) {
        return new MilestoneVerdict(milestone.ruleId(), status, text(rule, "id"));
    }

    /** The reason {@code rule} gives for the validation decision on {@code entry}. */
    public static ValidationVerdict validation(Rule rule, WaitingListEntry entry, ValidationDecision decision) {
        return new ValidationVerdict(entry.entryId(), new ValidationReason(text(rule, "id"), decision,
                text(rule, "description"), text(rule, "source")));
    }

    private static String optional(Map<String, ?> m, String key) {
        return RuleInfo.metadataText(m.get(key));
    }

    private static String text(Rule rule, String key) {
        return text(rule.getMetaData(), key);
    }

    private static String text(Map<String, ?> m, String key) {
        String value = RuleInfo.metadataText(m.get(key));
        if (value == null) {
            // The facade checks every rule's metadata on load, so this is a broken build, not bad input.
            throw new IllegalStateException("rule [" + RuleInfo.metadataText(m.get("id")) + "] has no @" + key);
        }
        return value;
    }
}
