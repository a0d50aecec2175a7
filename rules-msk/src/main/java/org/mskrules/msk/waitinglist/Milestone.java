package org.mskrules.msk.waitinglist;

import java.time.LocalDate;
import java.util.Objects;
import org.mskrules.msk.PriorityCategory;

/**
 * A national waiting-list milestone: by {@code due}, no patient in {@code scope} waits longer than
 * {@code maxWeeks} weeks. Milestones are dated rule-set content; a later planning year's milestones
 * come as a new rule-set version. Immutable.
 *
 * @param ruleId       the rule that declares it, e.g. {@code WL-MS-001}
 * @param planningYear the NHS planning year, e.g. {@code 2023/24}
 * @param quarter      the quarter whose end is the due date, e.g. {@code Q1}
 * @param due          the last day of that quarter: the milestone is in force from this date
 * @param scope        which patients it counts
 * @param maxWeeks     the longest wait allowed, in weeks; a wait of more than {@code 7 * maxWeeks}
 *                     days breaches it
 * @param description  the milestone in words
 * @param source       where it comes from
 */
public record Milestone(String ruleId, String planningYear, String quarter, LocalDate due, MilestoneScope scope,
        int maxWeeks, String description, String source) {
    public Milestone {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(planningYear, "planningYear");
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        if (maxWeeks < 1) {
            throw new IllegalArgumentException("milestone [" + ruleId + "] allows " + maxWeeks + " weeks");
        }
    }

    /** The longest wait allowed, in days. */
    public int maxDays() {
        return 7 * maxWeeks;
    }

    /** Whether a waiting patient of {@code category} who has waited {@code days} breaches it. */
    public boolean breachedBy(PriorityCategory category, long days) {
        return scope.includes(category) && days > maxDays();
    }
}
