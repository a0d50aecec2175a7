package org.mskrules.msk;

import java.util.Objects;
import org.mskrules.core.RuleSetManifest;

/**
 * What a {@link DecisionListener} is told of one referral decision: which rule-set version made it,
 * the escalation and route it reached, and how long the evaluation took. Deliberately holds no patient
 * data (no referral id, finding or date), so that it may be logged or exported as a metric.
 * Immutable, so thread-safe.
 *
 * @param ruleSetId      the rule set, {@code msk-referral}
 * @param ruleSetVersion the version that decided, e.g. {@code 1.1.0}
 * @param status         {@code RELEASED}, or {@code WORKING} (not for clinical use)
 * @param contentHash    the version's content hash, {@code sha256:...}
 * @param escalation     the highest red-flag escalation, {@code NONE} if none
 * @param route          the route chosen
 * @param nanos          wall-clock time of the assessment (validation, rules and outputs), in nanoseconds
 */
public record DecisionEvent(String ruleSetId, String ruleSetVersion, RuleSetManifest.Status status, String contentHash,
        EscalationLevel escalation, Route route, long nanos) {

    public DecisionEvent {
        Objects.requireNonNull(ruleSetId, "ruleSetId");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(route, "route");
    }
}
