package org.mskrules.msk;

/**
 * How quickly a red flag must be acted on, lowest first; the overall escalation of an assessment is
 * the highest level of any red flag found. Declaration order is the clinical order.
 */
public enum EscalationLevel {
    /** No red flag found. */
    NONE,
    /** Non-urgent specialist referral, ahead of routine. */
    SOON,
    /** Within a stated time frame, from hours to two weeks. */
    URGENT,
    /** Same day: emergency department, 999 or the on-call team. */
    EMERGENCY;

    /** True if this level is higher than {@code other}. */
    public boolean isHigherThan(EscalationLevel other) {
        return compareTo(other) > 0;
    }
}
