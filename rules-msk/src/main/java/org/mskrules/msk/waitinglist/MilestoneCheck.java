package org.mskrules.msk.waitinglist;

import java.util.List;
import java.util.Objects;

/**
 * A milestone checked against a list on the evaluation date: one in force, or the next one to fall
 * due (checked against today's waits, as an early warning). Immutable.
 *
 * @param milestone      the milestone
 * @param inForce        {@code true} if it has fallen due; {@code false} for the next one
 * @param status         met, not met, or undetermined (entries rejected)
 * @param ruleId         the rule that made the check
 * @param breachingCount how many waiting patients breach it
 * @param breaching      those patients, longest wait first
 */
public record MilestoneCheck(Milestone milestone, boolean inForce, MilestoneStatus status, String ruleId,
        long breachingCount, List<EntryReview> breaching) {
    public MilestoneCheck {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ruleId, "ruleId");
        breaching = List.copyOf(breaching);
    }
}
