package org.mskrules.msk.waitinglist;

/** Whether a list meets a milestone on the evaluation date. */
public enum MilestoneStatus {
    /** No reviewed waiting patient in scope breaches it, and every entry was reviewed. */
    MET,
    /** At least one waiting patient in scope breaches it. */
    NOT_MET,
    /** No reviewed patient breaches it, but some entries were rejected and could not be checked. */
    UNDETERMINED
}
