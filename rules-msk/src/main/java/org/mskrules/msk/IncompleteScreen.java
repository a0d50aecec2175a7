package org.mskrules.msk;

import java.util.List;
import java.util.Objects;

/**
 * A screen that the presentation requires but that the referral does not complete. Red flags that
 * depend on the missing items cannot be ruled out, so the patient must not be routed to
 * self-management until the screen is completed. Immutable.
 *
 * @param ruleId  id of the rule that found the gap, e.g. {@code SCR-CES-001}
 * @param screen  the screen that is incomplete
 * @param missing JSON Pointers of the items not recorded, e.g. {@code /findings/SADDLE_ANAESTHESIA}
 *                or {@code /symptomOnset}
 * @param source  the guidance that requires the screen
 */
public record IncompleteScreen(String ruleId, Screen screen, List<String> missing, String source) {
    public IncompleteScreen {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(source, "source");
        missing = List.copyOf(missing);
        if (missing.isEmpty()) {
            throw new IllegalArgumentException("an incomplete screen must name what is missing: [" + ruleId + "]");
        }
    }
}
