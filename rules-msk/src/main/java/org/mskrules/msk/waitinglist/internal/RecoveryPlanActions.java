package org.mskrules.msk.waitinglist.internal;

import java.util.List;

/** What a required recovery plan should include, from the rule that says so. */
public record RecoveryPlanActions(List<String> actions, String ruleId) {
    public RecoveryPlanActions {
        actions = List.copyOf(actions);
    }
}
