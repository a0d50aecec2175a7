package org.mskrules.msk.waitinglist.internal;

import org.mskrules.msk.waitinglist.Milestone;

/**
 * How many waiting patients breach one milestone, how many entries were reviewed, and how many could
 * not be checked.
 */
public record MilestoneTally(Milestone milestone, boolean inForce, long breaching, long reviewed, long rejected) {
}
