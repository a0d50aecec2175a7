package org.mskrules.msk.waitinglist;

import java.time.LocalDate;
import org.mskrules.msk.AgeBand;
import org.mskrules.msk.EthnicCategory;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.Sex;

/**
 * One patient on a community MSK waiting list. The clock runs from the date the service received the
 * referral until the first care contact (NHS England PR2022 and the community health services
 * SitRep). Immutable. Fields are not checked here: {@link WaitingListRules} checks every entry and
 * rejects one with problems, naming each, rather than guessing.
 *
 * @param entryId      the service's reference for the entry, unique in the list (not an NHS number)
 * @param category     priority or non-priority, as decided at triage
 * @param received     the date the service received the referral
 * @param firstContact the date of the first care contact, or {@code null} while none has happened; a
 *                     date after the evaluation date (a booked appointment) does not stop the clock
 * @param validation   the latest validation contact, or {@code null} if the patient has not been
 *                     contacted
 * @param ageBand      optional grouping field for indicators: the patient's age band, or {@code null}
 * @param sex          optional grouping field for indicators: sex as recorded, or {@code null}
 * @param ethnicCategory optional grouping field for indicators: the NHS Data Dictionary ethnic
 *                     category, or {@code null}. No waiting-list rule reads any grouping field.
 */
public record WaitingListEntry(
        String entryId,
        PriorityCategory category,
        LocalDate received,
        LocalDate firstContact,
        ValidationRecord validation,
        AgeBand ageBand,
        Sex sex,
        EthnicCategory ethnicCategory) {

    /** An entry without grouping fields. */
    public WaitingListEntry(String entryId, PriorityCategory category, LocalDate received, LocalDate firstContact,
            ValidationRecord validation) {
        this(entryId, category, received, firstContact, validation, null, null, null);
    }

    /** An entry with no first contact and no validation contact yet. */
    public static WaitingListEntry of(String entryId, PriorityCategory category, LocalDate received) {
        return new WaitingListEntry(entryId, category, received, null, null);
    }

    /** This entry with its first care contact on {@code date}. */
    public WaitingListEntry withFirstContact(LocalDate date) {
        return new WaitingListEntry(entryId, category, received, date, validation, ageBand, sex, ethnicCategory);
    }

    /** This entry with {@code record} as its latest validation contact. */
    public WaitingListEntry withValidation(ValidationRecord record) {
        return new WaitingListEntry(entryId, category, received, firstContact, record, ageBand, sex, ethnicCategory);
    }
}
