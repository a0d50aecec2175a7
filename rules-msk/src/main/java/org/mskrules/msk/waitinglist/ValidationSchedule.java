package org.mskrules.msk.waitinglist;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * When a waiting patient is due to be contacted to validate the list: at each validation point (by
 * default 12, 26 and 52 weeks waited) unless they were validated in the {@code lookbackWeeks} before
 * that point or since (NHS England hospital waiting-list validation guidance, 2022; a local choice
 * for community MSK). Immutable.
 *
 * @param pointWeeks    the validation points in weeks waited, strictly increasing
 * @param lookbackWeeks a validation this many weeks before a point, or later, counts for it
 * @param ruleId        the rule that sets the schedule
 * @param source        where it comes from
 */
public record ValidationSchedule(List<Integer> pointWeeks, int lookbackWeeks, String ruleId, String source) {
    public ValidationSchedule {
        pointWeeks = List.copyOf(pointWeeks);
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(source, "source");
        for (int i = 1; i < pointWeeks.size(); i++) {
            if (pointWeeks.get(i) <= pointWeeks.get(i - 1)) {
                throw new IllegalArgumentException("validation points must increase: " + pointWeeks);
            }
        }
    }

    /**
     * The latest validation point, in weeks, that a wait of {@code days} has reached, or {@code -1} if
     * none.
     */
    public int pointReached(long days) {
        int reached = -1;
        for (int weeks : pointWeeks) {
            if (days >= 7L * weeks) {
                reached = weeks;
            }
        }
        return reached;
    }

    /**
     * Whether a patient whose referral was received on {@code received}, who has waited {@code days},
     * and whose latest validation contact is {@code latest} ({@code null} if none) is due for
     * validation. A contact validates only when it recorded whether the patient still wishes to be
     * seen, the question validation exists to ask.
     */
    public boolean isDue(LocalDate received, long days, ValidationRecord latest) {
        int point = pointReached(days);
        if (point < 0) {
            return false;
        }
        if (latest == null || latest.wishesToBeSeen() == Answer.NOT_RECORDED) {
            return true;
        }
        LocalDate covers = received.plusDays(7L * point - 7L * lookbackWeeks);
        return latest.validatedOn().isBefore(covers);
    }
}
