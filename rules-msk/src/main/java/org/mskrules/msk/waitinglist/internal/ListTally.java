package org.mskrules.msk.waitinglist.internal;

/**
 * The counts of a reviewed list that the recovery-plan rules decide on.
 *
 * @param reviewed                 entries reviewed
 * @param rejected                 entries rejected
 * @param priorityOverThreshold    waiting priority patients over their threshold
 * @param nonPriorityOverThreshold waiting non-priority patients over their threshold
 * @param priorityThresholdDays    the priority threshold applied
 * @param nonPriorityThresholdDays the non-priority threshold applied
 */
public record ListTally(long reviewed, long rejected, long priorityOverThreshold, long nonPriorityOverThreshold,
        int priorityThresholdDays, int nonPriorityThresholdDays) {
}
