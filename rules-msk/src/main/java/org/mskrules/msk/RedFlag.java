package org.mskrules.msk;

import java.util.Comparator;
import java.util.Objects;

/**
 * A red flag found in a referral: the condition it suggests, how quickly and where the patient must
 * go, and the rule and evidence that raised it. Every field comes from the rule's metadata, so the
 * rule file is the single place a clinical safety officer checks. Immutable.
 *
 * @param ruleId      id of the rule that raised it, e.g. {@code RF-CES-001}
 * @param condition   the serious condition suggested
 * @param level       how quickly to act
 * @param timeFrame   the time frame and action in words, from the source
 * @param destination where the patient goes
 * @param source      the guidance the rule cites
 */
public record RedFlag(
        String ruleId,
        RedFlagCondition condition,
        EscalationLevel level,
        String timeFrame,
        Destination destination,
        String source) {

    /**
     * The order of msk-referral 1.0.0 and 1.1.0 (frozen in {@code LegacyPrecedence_1_x}): highest
     * level first, then the most time-critical destination, then by rule id; the first sets the
     * route. From 2.0.0 the version declares its own ({@link RoutingPolicy#redFlagOrder()}).
     */
    public static final Comparator<RedFlag> REPORTING_ORDER = LegacyPrecedence_1_x.POLICY.redFlagOrder();

    public RedFlag {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(timeFrame, "timeFrame");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(source, "source");
        if (level == EscalationLevel.NONE) {
            throw new IllegalArgumentException("a red flag must have a level above NONE: [" + ruleId + "]");
        }
    }

    /**
     * True if this flag is reported before {@code other} in {@link #REPORTING_ORDER}; read by the rules
     * of 1.0.0 and 1.1.0 (later versions ask their {@link RoutingPolicy#outranks}).
     */
    public boolean outranks(RedFlag other) {
        return REPORTING_ORDER.compare(this, other) < 0;
    }
}
