package org.mskrules.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.mskrules.msk.DecisionEvent;
import org.mskrules.msk.DecisionListener;

/**
 * Publishes every referral decision to a Micrometer {@link MeterRegistry}, so that a service's
 * dashboards show which rule-set version decides, how fast, and how decisions are distributed:
 *
 * <ul>
 * <li>timer {@value #TIMER}, tags {@code rule_set}, {@code version}, {@code status}: the time of each
 *     assessment;
 * <li>counter {@value #COUNTER}, tags {@code rule_set}, {@code version}, {@code escalation},
 *     {@code route}: decisions by outcome (a sudden change in the share of emergencies or of
 *     self-management after a version change is worth a look).
 * </ul>
 *
 * <p>Tags hold only rule-set coordinates and outcome classes, never patient data, and their values
 * are bounded (versions on the class path, the escalation and route enums).
 *
 * <pre>{@code
 * MskRules rules = MskRules.builder().decisionListener(new DecisionMetrics(meterRegistry)).build();
 * }</pre>
 *
 * <p>Thread-safe, as Micrometer's registries are.
 */
public final class DecisionMetrics implements DecisionListener {
    /** Name of the timer of assessments. */
    public static final String TIMER = "mskrules.decision.time";
    /** Name of the counter of decisions by outcome. */
    public static final String COUNTER = "mskrules.decisions";

    private final MeterRegistry registry;

    /** Publishes to {@code registry}. */
    public DecisionMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void decided(DecisionEvent event) {
        Tags version = Tags.of("rule_set", event.ruleSetId(), "version", event.ruleSetVersion());
        registry.timer(TIMER, version.and("status", event.status().name())).record(event.nanos(), TimeUnit.NANOSECONDS);
        registry.counter(COUNTER, version.and("escalation", event.escalation().name(), "route", event.route().name()))
                .increment();
    }
}
