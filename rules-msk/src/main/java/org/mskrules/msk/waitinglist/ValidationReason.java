package org.mskrules.msk.waitinglist;

import java.util.Objects;

/**
 * One reason for a validation decision, from the rule that gave it. Immutable.
 *
 * @param ruleId   the rule, e.g. {@code WL-VO-003}
 * @param decision what the reason supports
 * @param text     the reason in words
 * @param source   where the rule comes from
 */
public record ValidationReason(String ruleId, ValidationDecision decision, String text, String source) {
    public ValidationReason {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
