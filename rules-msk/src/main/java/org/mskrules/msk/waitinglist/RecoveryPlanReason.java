package org.mskrules.msk.waitinglist;

import java.util.Objects;
import org.mskrules.msk.PriorityCategory;

/**
 * One reason for the recovery-plan decision, from the rule that gave it. Immutable.
 *
 * @param ruleId        the rule, e.g. {@code WL-RP-001}
 * @param status        the decision it supports
 * @param category      the category over threshold, or {@code null} for a reason about the list
 * @param entries       how many waiting entries the reason counts (over threshold, or rejected)
 * @param thresholdDays the category's threshold, or {@code null}
 * @param text          the reason in words
 * @param source        where the rule comes from
 */
public record RecoveryPlanReason(String ruleId, RecoveryPlanStatus status, PriorityCategory category, long entries,
        Integer thresholdDays, String text, String source) {
    public RecoveryPlanReason {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
