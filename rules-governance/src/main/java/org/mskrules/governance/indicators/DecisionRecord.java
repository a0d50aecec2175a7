package org.mskrules.governance.indicators;

import java.time.LocalDate;
import java.util.List;

/**
 * What the indicators read from one decision of a decision log: the grouping fields and the parts of
 * the decision that are counted. Nothing else of the decision is kept.
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
        String priorityCategory) {

    record Flag(String condition, String level) {
    }

    /** The urgency of the decision: its red-flag level if any, else its priority category. */
    String urgency() {
        return "NONE".equals(escalation) ? ("PRIORITY".equals(priorityCategory) ? "PRIORITY" : "ROUTINE") : escalation;
    }
}
