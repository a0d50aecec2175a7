package org.mskrules.msk.waitinglist;

/** Whether a service must formulate a waiting-list recovery plan (NHS England PR2022). */
public enum RecoveryPlanStatus {
    /** At least one waiting patient is over their category's threshold. */
    REQUIRED,
    /** No reviewed patient is over threshold and every entry was reviewed. */
    NOT_REQUIRED,
    /**
     * No reviewed patient is over threshold, but some entries were rejected: the list cannot be said
     * to be within its thresholds until they are corrected.
     */
    UNDETERMINED
}
