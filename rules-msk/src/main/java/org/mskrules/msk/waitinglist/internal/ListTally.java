package org.mskrules.msk.waitinglist.internal;

import org.mskrules.msk.waitinglist.WaitThreshold;

/**
 * The counts of a reviewed list that the recovery-plan rules decide on.
 *
 * @param reviewed                 entries reviewed
 * @param rejected                 entries rejected
 * @param priorityOverThreshold    waiting priority patients over their threshold
 * @param nonPriorityOverThreshold waiting non-priority patients over their threshold
 * @param priorityThresholdDays    the priority threshold applied
 * @param nonPriorityThresholdDays the non-priority threshold applied
 * @param priority                 the priority threshold, with any local standard reported beside it
 * @param nonPriority              the non-priority threshold, likewise
 * @param priorityOverLocalStandard    waiting priority patients over the reported local standard (0 if none)
 * @param nonPriorityOverLocalStandard waiting non-priority patients over it (0 if none)
 * @param profile                  the service profile's name
 */
public record ListTally(long reviewed, long rejected, long priorityOverThreshold, long nonPriorityOverThreshold,
        int priorityThresholdDays, int nonPriorityThresholdDays, WaitThreshold priority, WaitThreshold nonPriority,
        long priorityOverLocalStandard, long nonPriorityOverLocalStandard, String profile) {
}
