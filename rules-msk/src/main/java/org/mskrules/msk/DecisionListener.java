package org.mskrules.msk;

/**
 * Told of every referral decision an {@link MskRules} makes, after the decision is complete: a hook
 * for metrics, audit counters and tracing (issue 20; {@code rules-micrometer} binds it to Micrometer).
 * The event carries the rule-set version and the classes of the outcome, never the referral nor any
 * value from it, so a listener that logs its events logs no patient data. A listener that needs the
 * assessment itself has it from the caller of {@link MskRules#assess}.
 *
 * <p>A listener cannot change a decision: an exception it throws is logged (its class only) and the
 * decision is returned as if there were no listener. Called on the thread that assessed, so it must
 * be thread-safe when the {@link MskRules} is shared, and quick, since the caller waits for it.
 */
@FunctionalInterface
public interface DecisionListener {

    /** One decision made. */
    void decided(DecisionEvent event);
}
