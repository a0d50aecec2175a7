package org.mskrules.msk.waitinglist;

/** What follows from a validation contact. */
public enum ValidationDecision {
    /**
     * The patient no longer wishes to be seen, has capacity, understands the decision and had all
     * communication needs met: the service may remove them from the list.
     */
    MAY_BE_REMOVED,
    /** The patient stays on the list; the reasons say why. */
    STAYS
}
