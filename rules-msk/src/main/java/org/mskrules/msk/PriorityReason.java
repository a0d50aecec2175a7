package org.mskrules.msk;

import java.util.Objects;

/**
 * One priority criterion that a referral meets, and the rule that found it. A <em>provisional</em>
 * reason is one where the referral records the finding but not the detail that would confirm it
 * (the date of the surgery, the pain score): the rules err towards priority and the priority screen
 * names what to record. Immutable.
 *
 * @param ruleId      id of the rule, e.g. {@code PRI-SURG-001}
 * @param criterion   the national criterion met
 * @param provisional true if met only because a confirming detail is not recorded
 * @param description the rule's description, in words a clinician checks against the source
 * @param source      the guidance the rule cites
 */
public record PriorityReason(
        String ruleId,
        PriorityCriterion criterion,
        boolean provisional,
        String description,
        String source) {

    public PriorityReason {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
    }
}
