package org.mskrules.core;

import java.util.Objects;

/**
 * One rule firing in an evaluation, in firing order. Immutable.
 *
 * @param sequence 1-based position in the firing order of its evaluation
 * @param rule     the rule that fired, with its metadata
 */
public record FiredRule(int sequence, RuleInfo rule) {
    public FiredRule {
        Objects.requireNonNull(rule, "rule");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1 but was [" + sequence + "]");
        }
    }

    public String ruleId() {
        return rule.id();
    }
}
