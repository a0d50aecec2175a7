package org.mskrules.msk.waitinglist;

import java.util.Objects;

/**
 * One weeks-waited reporting band of the NHS England community health services waiting-list SitRep,
 * as a rule-set version defines it: days {@code fromDay} to {@code toDay} inclusive. Immutable.
 *
 * @param code    short stable code, e.g. {@code 12-18w}, used in counts and entry reviews
 * @param label   for people, e.g. {@code 12-18 weeks (85-126 days)}
 * @param fromDay first day waited in the band
 * @param toDay   last day waited in the band, or {@code null} for the open-ended last band
 * @param ruleId  the rule that defines the band
 * @param source  where the band comes from
 */
public record WaitBand(String code, String label, int fromDay, Integer toDay, String ruleId, String source) {
    public WaitBand {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(source, "source");
        if (fromDay < 0 || (toDay != null && toDay < fromDay)) {
            throw new IllegalArgumentException("band [" + code + "] has days " + fromDay + " to " + toDay);
        }
    }

    /** Whether a wait of {@code days} falls in this band. */
    public boolean contains(long days) {
        return days >= fromDay && (toDay == null || days <= toDay);
    }
}
