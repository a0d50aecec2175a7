package org.mskrules.governance.indicators;

/**
 * Small-number disclosure control as NHS Digital applies it to HES and ECDS outputs below national
 * level (disclosure control methodology, September 2018): a count of 1 to 7 is suppressed, any other
 * count is rounded to the nearest 5 (0 is shown as 0); a median or percentile of fewer than 8 values
 * is not calculated; a percentage is calculated from the published (rounded) numerator and
 * denominator and suppressed when either is. The threshold and the rounding base are parameters; a
 * threshold that would let a count above 0 round to 0 is refused ({@link #minimumSuppressBelow}).
 * Every count a report shows, its header's totals included, goes through the same control.
 * Immutable and thread-safe.
 *
 * @param suppressBelow counts from 1 to {@code suppressBelow - 1} are suppressed (default 8)
 * @param roundTo       other counts are rounded to the nearest multiple of this (default 5; 1 for none)
 */
public record Disclosure(int suppressBelow, int roundTo) {
    /** NHS Digital's rule: suppress 1 to 7, round the rest to the nearest 5. */
    public static final Disclosure NHS_DIGITAL = new Disclosure(8, 5);
    /** No disclosure control: for a service's own internal, non-published use only. */
    public static final Disclosure NONE = new Disclosure(1, 1);

    /** Where the default comes from. */
    public static final String SOURCE = "NHS Digital, Disclosure control methodology for Hospital Episode Statistics"
            + " (HES) and Emergency Care Data Set (ECDS), September 2018: https://digital.nhs.uk/data-and-information/"
            + "data-tools-and-services/data-services/hospital-episode-statistics/"
            + "change-to-disclosure-control-methodology-for-hes-and-ecds-from-september-2018";

    public Disclosure {
        if (suppressBelow < 1) {
            throw new IllegalArgumentException("suppressBelow [" + suppressBelow + "] must be at least 1");
        }
        if (roundTo < 1) {
            throw new IllegalArgumentException("roundTo [" + roundTo + "] must be at least 1");
        }
        if (suppressBelow < minimumSuppressBelow(roundTo)) {
            throw new IllegalArgumentException("suppressBelow [" + suppressBelow + "] with roundTo [" + roundTo
                    + "] would publish a count from " + suppressBelow + " to " + (minimumSuppressBelow(roundTo) - 1)
                    + " as 0, hiding that there was anyone; suppressBelow must be at least "
                    + minimumSuppressBelow(roundTo) + " when rounding to " + roundTo);
        }
    }

    /**
     * The smallest threshold that lets no count above 0 round to 0: ceil(roundTo / 2), since rounding
     * to the nearest multiple (halves up) makes 0 of every count below roundTo / 2. A suppressed count
     * says "a few"; a 0 says "none", which would be false.
     */
    public static int minimumSuppressBelow(int roundTo) {
        return (roundTo + 1) / 2;
    }

    /** Whether a count of {@code n} individuals is suppressed. */
    public boolean suppressed(long n) {
        return n > 0 && n < suppressBelow;
    }

    /** The published value of a count: {@code null} if suppressed, else rounded (halves up). */
    public Long publish(long n) {
        if (suppressed(n)) {
            return null;
        }
        return Math.round((double) n / roundTo) * roundTo;
    }

    /**
     * The published percentage (whole per cent, halves up) of {@code count} in {@code of}: {@code null}
     * if either is suppressed or the published denominator is 0.
     */
    public Long percent(long count, long of) {
        Long c = publish(count);
        Long d = publish(of);
        if (c == null || d == null || d == 0) {
            return null;
        }
        return Math.round(100.0 * c / d);
    }
}
