package org.mskrules.msk.waitinglist;

/**
 * A patient's answer to one waiting-list validation question. Missing is never read as "no": a
 * question not asked, or whose answer was not written down, is {@link #NOT_RECORDED}, and only an
 * explicit {@link #YES} satisfies a condition for removal.
 */
public enum Answer {
    /** Asked, and the answer was yes. */
    YES,
    /** Asked, and the answer was no. */
    NO,
    /** Not asked, or the answer was not recorded. */
    NOT_RECORDED
}
