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
 * @param localStandard waiting patients over the service's stricter local standards, reported beside
 *                the decision and never deciding it (from 1.1.0; empty when the profile sets no stricter
 *                standard, when nobody misses it, and always in 1.0.0)
 */
public record RecoveryPlan(RecoveryPlanStatus status, List<RecoveryPlanReason> reasons, List<String> actions,
        List<LocalStandardBreach> localStandard) {
    public RecoveryPlan {
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
        actions = List.copyOf(actions);
        localStandard = List.copyOf(localStandard);
    }

    /** A decision with nothing reported against a local standard. */
    public RecoveryPlan(RecoveryPlanStatus status, List<RecoveryPlanReason> reasons, List<String> actions) {
        this(status, reasons, actions, List.of());
    }

    /** Whether a recovery plan is required: at least one waiting patient is over threshold. */
    public boolean required() {
        return status == RecoveryPlanStatus.REQUIRED;
    }
}
