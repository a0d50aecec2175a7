package org.mskrules.msk.waitinglist.internal;

import org.mskrules.msk.waitinglist.MilestoneStatus;

/** The rules' verdict on one milestone for a reviewed list. */
public record MilestoneVerdict(String milestoneId, MilestoneStatus status, String ruleId) {
}
