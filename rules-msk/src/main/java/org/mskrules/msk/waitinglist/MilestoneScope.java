package org.mskrules.msk.waitinglist;

import org.mskrules.msk.PriorityCategory;

/** Which patients a waiting-list milestone counts. */
public enum MilestoneScope {
    /** Every patient on the list. */
    ALL_PATIENTS,
    /** Priority patients only. */
    PRIORITY_PATIENTS;

    /** Whether a patient of {@code category} is counted. */
    public boolean includes(PriorityCategory category) {
        return this == ALL_PATIENTS || category == PriorityCategory.PRIORITY;
    }
}
