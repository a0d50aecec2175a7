package org.mskrules.msk.waitinglist;

import java.util.List;
import java.util.Objects;

/**
 * Whether the service must formulate a waiting-list recovery plan, why, and what the plan should
 * include (NHS England PR2022). Immutable.
 *
 * @param status  required, not required, or undetermined (entries rejected, none over threshold)
 * @param reasons every reason, each from its rule
 * @param actions what the plan should include, when one is required; otherwise empty
 */
public record RecoveryPlan(RecoveryPlanStatus status, List<RecoveryPlanReason> reasons, List<String> actions) {
    public RecoveryPlan {
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
        actions = List.copyOf(actions);
    }

    /** Whether a recovery plan is required: at least one waiting patient is over threshold. */
    public boolean required() {
        return status == RecoveryPlanStatus.REQUIRED;
    }
}
