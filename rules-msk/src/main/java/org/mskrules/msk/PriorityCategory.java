package org.mskrules.msk;

/**
 * The waiting-list category of a patient referred to community MSK services (NHS England community
 * MSK improvement framework, PR2022): priority patients should be assessed within 2 weeks, everyone
 * else within 12 weeks.
 */
public enum PriorityCategory {
    /** Meets at least one national priority criterion, or a clinician has decided so. */
    PRIORITY,
    /** Everyone else. */
    NON_PRIORITY
}
