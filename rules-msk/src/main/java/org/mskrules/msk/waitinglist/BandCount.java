package org.mskrules.msk.waitinglist;

/**
 * How many waiting patients are in one reporting band, by category. Immutable.
 *
 * @param band        the band's code, e.g. {@code 4-12w}
 * @param label       the band for people
 * @param priority    waiting priority patients in the band
 * @param nonPriority waiting non-priority patients in the band
 */
public record BandCount(String band, String label, long priority, long nonPriority) {
    /** Every waiting patient in the band. */
    public long total() {
        return priority + nonPriority;
    }
}
