package org.mskrules.msk.waitinglist;

import java.time.LocalDate;

/**
 * The latest waiting-list validation contact with a patient (NHS England PR2022: ask every patient
 * whether they still wish to be seen). A patient who no longer wishes to be seen may be removed only
 * if they have capacity, understand the decision being made and have had all their communication
 * needs met; each of those must be recorded as {@link Answer#YES}. Immutable; a {@code null} answer
 * means {@link Answer#NOT_RECORDED}.
 *
 * @param validatedOn           the date of the contact; required, on or after the date the referral
 *                              was received and not after the evaluation date
 * @param wishesToBeSeen        whether the patient still wishes to be seen
 * @param hasCapacity           whether the patient has capacity to make the decision
 * @param understandsDecision   whether the patient understands the decision being made
 * @param communicationNeedsMet whether all the patient's communication needs were met
 */
public record ValidationRecord(
        LocalDate validatedOn,
        Answer wishesToBeSeen,
        Answer hasCapacity,
        Answer understandsDecision,
        Answer communicationNeedsMet) {

    public ValidationRecord {
        wishesToBeSeen = orNotRecorded(wishesToBeSeen);
        hasCapacity = orNotRecorded(hasCapacity);
        understandsDecision = orNotRecorded(understandsDecision);
        communicationNeedsMet = orNotRecorded(communicationNeedsMet);
    }

    private static Answer orNotRecorded(Answer a) {
        return a == null ? Answer.NOT_RECORDED : a;
    }
}
