package org.mskrules.msk.waitinglist;

/** Where an entry stands on the evaluation date. */
public enum EntryStatus {
    /** No first care contact on or before the evaluation date: on the waiting list. */
    WAITING,
    /** First care contact on or before the evaluation date: the clock has stopped. */
    SEEN
}
