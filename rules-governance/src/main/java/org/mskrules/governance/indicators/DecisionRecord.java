package org.mskrules.governance.indicators;

import java.time.LocalDate;
import java.util.List;

/**
 * What the indicators read from one decision of a decision log: the grouping fields, the parts of
 * the decision that are counted, the pathway stage it was made at and the rule-set version that made
 * it. Nothing else of the decision is kept.
 */
record DecisionRecord(
        String referralId,
        String ageBand,
        String sex,
        String ethnicGroup,
        String ethnicCode,
        LocalDate referralDate,
        String escalation,
        List<Flag> redFlags,
        String route,
        String destination,
        String priorityCategory,
        String pathwayStage,
        MadeBy madeBy) {

    record Flag(String condition, String level) {
    }

    /** The rule-set version that made a decision, from its trace. */
    record MadeBy(String ruleSetId, String version, String contentHash) {
    }

    /** The urgency of the decision: its red-flag level if any, else its priority category. */
    String urgency() {
        return "NONE".equals(escalation) ? ("PRIORITY".equals(priorityCategory) ? "PRIORITY" : "ROUTINE") : escalation;
    }
}
