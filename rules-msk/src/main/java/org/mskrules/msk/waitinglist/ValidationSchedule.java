package org.mskrules.msk.waitinglist;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * When a waiting patient is due to be contacted to validate the list: at each validation point (by
 * default 12, 26 and 52 weeks waited) unless they were validated in the {@code lookbackWeeks} before
 * that point or since (NHS England hospital waiting-list validation guidance, 2022; a local choice
 * for community MSK). From {@code msk-waiting-list 1.1.0} also <b>every</b> waiting patient, whatever
 * the wait, unless validated in the {@code lookbackWeeks} before the evaluation date (PR2022, seed 004
 * line 58: ask all patients; national), set by {@code everyPatientRuleId}; the points then order the
 * cohort. Immutable.
 *
 * @param pointWeeks    the validation points in weeks waited, strictly increasing (local)
 * @param lookbackWeeks a validation this many weeks before a point, or later, counts for it
 * @param ruleId        the rule that sets the points
 * @param source        where they come from
 * @param everyPatientRuleId the rule that puts every waiting patient in the cohort, or {@code null}
 *                      (omitted from JSON) for versions before 1.1.0
 * @param everyPatientSource where that rule comes from, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationSchedule(List<Integer> pointWeeks, int lookbackWeeks, String ruleId, String source,
        String everyPatientRuleId, String everyPatientSource) {

    /** The schedule of the points alone: the form of {@code msk-waiting-list 1.0.0}. */
    public ValidationSchedule(List<Integer> pointWeeks, int lookbackWeeks, String ruleId, String source) {
        this(pointWeeks, lookbackWeeks, ruleId, source, null, null);
    }

    /** This schedule with every waiting patient in the cohort, by rule {@code ruleId}. */
    public ValidationSchedule withEveryPatient(String ruleId, String source) {
        return new ValidationSchedule(pointWeeks, lookbackWeeks, this.ruleId, this.source, Objects.requireNonNull(ruleId),
                Objects.requireNonNull(source));
    }

    /** Whether every waiting patient is in the cohort unless validated in the look-back (1.1.0 and later). */
    @JsonIgnore
    public boolean everyPatient() {
        return everyPatientRuleId != null;
    }

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
        return dueAtPoint(received, days, latest);
    }

    /**
     * Whether a waiting patient is due for validation on {@code asOf}: at a point
     * ({@link #isDue(LocalDate, long, ValidationRecord)}), or, when {@link #everyPatient()}, unless the
     * latest contact recorded whether they still wish to be seen on or after {@code asOf} less the
     * look-back. (Due at a point implies due under the every-patient rule: the look-back date of a point
     * is never after {@code asOf} less the look-back.)
     */
    public boolean isDue(LocalDate received, long days, ValidationRecord latest, LocalDate asOf) {
        if (dueAtPoint(received, days, latest)) {
            return true;
        }
        if (!everyPatient()) {
            return false;
        }
        if (latest == null || latest.wishesToBeSeen() == Answer.NOT_RECORDED || latest.validatedOn() == null) {
            return true;
        }
        return latest.validatedOn().isBefore(asOf.minusDays(7L * lookbackWeeks));
    }

    private boolean dueAtPoint(LocalDate received, long days, ValidationRecord latest) {
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
