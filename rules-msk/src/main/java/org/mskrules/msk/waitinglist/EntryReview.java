package org.mskrules.msk.waitinglist;

import java.time.LocalDate;
import java.util.List;
import org.mskrules.msk.PriorityCategory;

/**
 * The review of one waiting-list entry on the evaluation date. Immutable.
 *
 * @param line                the entry's line in the input file (1 is a CSV header), or its position
 *                            from 1 in an in-memory list
 * @param entryId             the service's reference for the entry
 * @param category            priority or non-priority
 * @param received            the date the service received the referral
 * @param firstContact        the first care contact, or {@code null}
 * @param status              waiting, or seen (the clock stopped on or before the evaluation date)
 * @param daysWaited          days from {@code received} to the evaluation date while waiting, or to
 *                            the first contact once seen
 * @param band                the code of the reporting band of {@code daysWaited}, e.g. {@code 12-18w}
 * @param overThreshold       whether {@code daysWaited} is longer than the category's threshold
 * @param thresholdDays       the threshold applied
 * @param milestoneBreaches   ids of the milestones in force or upcoming that this waiting entry
 *                            breaches today
 * @param validationDue       whether the patient is due to be contacted to validate the list
 * @param validationPointWeeks the latest validation point the wait has reached, or {@code null}
 * @param validationOutcome   the outcome of the latest validation contact, or {@code null} when none
 *                            is recorded or the patient has been seen
 */
public record EntryReview(
        long line,
        String entryId,
        PriorityCategory category,
        LocalDate received,
        LocalDate firstContact,
        EntryStatus status,
        long daysWaited,
        String band,
        boolean overThreshold,
        int thresholdDays,
        List<String> milestoneBreaches,
        boolean validationDue,
        Integer validationPointWeeks,
        ValidationOutcome validationOutcome) {

    public EntryReview {
        milestoneBreaches = List.copyOf(milestoneBreaches);
    }

    /** Whether the patient is still waiting on the evaluation date. */
    public boolean waiting() {
        return status == EntryStatus.WAITING;
    }

    EntryReview withValidationOutcome(ValidationOutcome outcome) {
        return new EntryReview(line, entryId, category, received, firstContact, status, daysWaited, band,
                overThreshold, thresholdDays, milestoneBreaches, validationDue, validationPointWeeks, outcome);
    }
}
