package org.mskrules.msk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mskrules.core.Trace;

/**
 * The decision on one referral: every red flag found (highest level first), the overall escalation
 * (the highest level, {@link EscalationLevel#NONE} if none), every required screen that is
 * incomplete, the local parameter values used, and the trace of the rules that fired with the
 * rule-set version and content hash. Immutable.
 *
 * @param referralId        the referral's own reference, echoed; may be {@code null}
 * @param escalation        the highest level of any red flag
 * @param redFlags          red flags found, highest level first then by rule id
 * @param incompleteScreens screens the presentation requires that the referral does not complete
 * @param parameters        the named local parameter values the rules used
 * @param trace             rules fired, rule-set id, version, content hash and evaluation date
 */
public record Assessment(
        String referralId,
        EscalationLevel escalation,
        List<RedFlag> redFlags,
        List<IncompleteScreen> incompleteScreens,
        Map<String, Integer> parameters,
        Trace trace) {

    public Assessment {
        Objects.requireNonNull(escalation, "escalation");
        redFlags = List.copyOf(redFlags);
        incompleteScreens = List.copyOf(incompleteScreens);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(trace, "trace");
    }

    /** True if any red flag was found. */
    public boolean hasRedFlags() {
        return !redFlags.isEmpty();
    }

    /**
     * True if every screen the presentation requires is complete. When false, red flags that depend
     * on the missing items cannot be ruled out and the patient must not be routed to self-management.
     */
    public boolean screensComplete() {
        return incompleteScreens.isEmpty();
    }
}
