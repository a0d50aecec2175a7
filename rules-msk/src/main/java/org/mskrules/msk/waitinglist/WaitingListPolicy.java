package org.mskrules.msk.waitinglist;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.mskrules.msk.PriorityCategory;

/**
 * What a rule-set version says applies to a waiting list on one date, in one service: the reporting
 * bands, the threshold of each category, the milestones in force and the next ones, and the
 * validation schedule. Every entry of a list is classified against it, and every part names the
 * rule that set it. Immutable.
 *
 * @param asOf               the evaluation date
 * @param serviceProfile     the name of the service profile whose standards apply
 * @param bands              the reporting bands, from the shortest wait; together they cover every
 *                           wait from day 0
 * @param thresholds         the threshold of each category, priority first
 * @param milestonesInForce  for each scope, the latest milestone that has fallen due on or before
 *                           {@code asOf}
 * @param upcomingMilestones for each scope, the next milestone to fall due after {@code asOf}
 * @param validationSchedule when waiting patients are due for validation
 * @param notes              what else a reader must know
 */
public record WaitingListPolicy(
        LocalDate asOf,
        String serviceProfile,
        List<WaitBand> bands,
        List<WaitThreshold> thresholds,
        List<Milestone> milestonesInForce,
        List<Milestone> upcomingMilestones,
        ValidationSchedule validationSchedule,
        List<ReviewNote> notes) {

    public WaitingListPolicy {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(serviceProfile, "serviceProfile");
        Objects.requireNonNull(validationSchedule, "validationSchedule");
        bands = List.copyOf(bands);
        thresholds = List.copyOf(thresholds);
        milestonesInForce = List.copyOf(milestonesInForce);
        upcomingMilestones = List.copyOf(upcomingMilestones);
        notes = List.copyOf(notes);
    }

    /** The band of a wait of {@code days}. */
    public WaitBand bandOf(long days) {
        for (WaitBand band : bands) {
            if (band.contains(days)) {
                return band;
            }
        }
        throw new IllegalArgumentException("no band holds a wait of " + days + " days");
    }

    /** The threshold of {@code category}. */
    public WaitThreshold threshold(PriorityCategory category) {
        for (WaitThreshold t : thresholds) {
            if (t.category() == category) {
                return t;
            }
        }
        throw new IllegalArgumentException("no threshold for " + category);
    }
}
