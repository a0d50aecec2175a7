package org.mskrules.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The explanation of one evaluation: which rule set version ran (with the hash of its content), the
 * date it was evaluated as of, every rule that fired with its metadata, and any rules that were
 * switched off for it. Two evaluations of the same facts with the same version and date have equal
 * traces. Immutable, so thread-safe.
 *
 * <p>{@code disabledRules} is empty for every decision made with a rule set as released. It is not
 * empty only for rule-mutation tests and what-if analysis ({@link RuleSet#withRulesDisabled}); such a
 * decision is not the version's decision and must never be used clinically. It is left out of the
 * JSON form when empty.
 *
 * @param ruleSetId     the rule set's id, e.g. {@code order-checks}
 * @param version       the rule set version that made the decision
 * @param contentHash   {@code sha256:...} over the version's manifest and files (rules and parameter
 *                      defaults)
 * @param asOf          the evaluation date
 * @param firedRules    every rule firing, in order
 * @param disabledRules ids of the version's rules that were not allowed to fire, sorted; normally empty
 * @param status        whether the version was RELEASED (signed off) or still WORKING when it made the
 *                      decision, so that a decision from an unreleased version shows it; {@code null}
 *                      only where a caller built the trace without it
 */
public record Trace(String ruleSetId, String version, String contentHash, LocalDate asOf,
        List<FiredRule> firedRules, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> disabledRules,
        @JsonInclude(JsonInclude.Include.NON_NULL) RuleSetManifest.Status status) {
    public Trace {
        Objects.requireNonNull(ruleSetId, "ruleSetId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(asOf, "asOf");
        firedRules = List.copyOf(firedRules);
        disabledRules = disabledRules == null ? List.of() : disabledRules.stream().sorted().distinct().toList();
    }

    /** A trace of an evaluation with every rule of the version enabled, status not recorded. */
    public Trace(String ruleSetId, String version, String contentHash, LocalDate asOf, List<FiredRule> firedRules) {
        this(ruleSetId, version, contentHash, asOf, firedRules, List.of(), null);
    }

    /** A trace without the version's status. */
    public Trace(String ruleSetId, String version, String contentHash, LocalDate asOf, List<FiredRule> firedRules,
            List<String> disabledRules) {
        this(ruleSetId, version, contentHash, asOf, firedRules, disabledRules, null);
    }

    /** Ids of the rules that fired, in firing order. */
    public List<String> firedRuleIds() {
        return firedRules.stream().map(FiredRule::ruleId).toList();
    }
}
