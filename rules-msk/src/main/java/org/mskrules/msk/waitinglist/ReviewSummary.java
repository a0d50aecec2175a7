package org.mskrules.msk.waitinglist;

/**
 * The accounting of a review: every entry in is either reviewed or rejected, and every reviewed
 * entry is waiting or seen. Blank lines in a file are not entries and are counted apart. Immutable.
 *
 * @param entriesIn  entries read (in-memory list size, or non-blank data lines of a file)
 * @param reviewed   entries reviewed
 * @param rejected   entries rejected, each with its problems
 * @param waiting    reviewed entries still waiting on the evaluation date
 * @param seen       reviewed entries whose first care contact was on or before the evaluation date
 * @param blankLines blank lines skipped in a file
 */
public record ReviewSummary(long entriesIn, long reviewed, long rejected, long waiting, long seen, long blankLines) {
    public ReviewSummary {
        if (entriesIn != reviewed + rejected || reviewed != waiting + seen) {
            throw new IllegalStateException("entries lost: in " + entriesIn + ", reviewed " + reviewed
                    + ", rejected " + rejected + ", waiting " + waiting + ", seen " + seen);
        }
    }

    /** Whether every entry was reviewed. */
    public boolean complete() {
        return rejected == 0;
    }
}
