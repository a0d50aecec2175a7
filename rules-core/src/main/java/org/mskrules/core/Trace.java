package org.mskrules.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The explanation of one evaluation: which rule set version ran (with the hash of its content), the
 * date it was evaluated as of, and every rule that fired with its metadata. Two evaluations of the
 * same facts with the same version and date have equal traces. Immutable.
 *
 * @param ruleSetId   the rule set's id, e.g. {@code msk-referral}
 * @param version     the rule set version that made the decision
 * @param contentHash {@code sha256:...} over the rule set's files (rules and parameter defaults)
 * @param asOf        the evaluation date
 * @param firedRules  every rule firing, in order
 */
public record Trace(String ruleSetId, String version, String contentHash, LocalDate asOf,
        List<FiredRule> firedRules) {
    public Trace {
        Objects.requireNonNull(ruleSetId, "ruleSetId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(asOf, "asOf");
        firedRules = List.copyOf(firedRules);
    }

    /** Ids of the rules that fired, in firing order. */
    public List<String> firedRuleIds() {
        return firedRules.stream().map(FiredRule::ruleId).toList();
    }
}
