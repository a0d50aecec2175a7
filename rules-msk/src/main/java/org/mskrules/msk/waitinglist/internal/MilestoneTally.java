package org.mskrules.msk.waitinglist.internal;

import org.mskrules.msk.waitinglist.Milestone;

/** How many waiting patients breach one milestone, and how many entries could not be checked. */
public record MilestoneTally(Milestone milestone, boolean inForce, long breaching, long rejected) {
}
