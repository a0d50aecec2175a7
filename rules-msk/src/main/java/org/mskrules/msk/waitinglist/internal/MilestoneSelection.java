package org.mskrules.msk.waitinglist.internal;

import org.mskrules.msk.waitinglist.Milestone;

/** A milestone the rules select for the evaluation date: in force, or the next to fall due. */
public record MilestoneSelection(Milestone milestone, boolean inForce, String ruleId) {
}
