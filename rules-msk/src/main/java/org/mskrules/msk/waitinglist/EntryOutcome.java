package org.mskrules.msk.waitinglist;

import java.util.Objects;

/**
 * What became of one entry of a waiting list: reviewed, with its {@link EntryReview}, or rejected,
 * with every problem ({@link RejectedEntry}). Exactly one of the two is present. A review gives one
 * outcome per entry line, so that the outcomes account for every entry read
 * ({@link WaitingListRules#review(java.io.InputStream, EntryFormat, java.time.LocalDate,
 * java.util.function.Consumer)}). Immutable.
 *
 * @param line     the entry's line in the input (blank lines and a CSV header have no outcome)
 * @param review   the review, or {@code null} if the entry was rejected
 * @param rejected the rejection, or {@code null} if the entry was reviewed
 */
public record EntryOutcome(long line, EntryReview review, RejectedEntry rejected) {
    public EntryOutcome {
        if ((review == null) == (rejected == null)) {
            throw new IllegalArgumentException("an outcome is a review or a rejection, exactly one");
        }
        long itsLine = review != null ? review.line() : rejected.line();
        if (itsLine != line) {
            throw new IllegalArgumentException("outcome of line " + line + " holds line " + itsLine);
        }
    }

    static EntryOutcome reviewed(EntryReview review) {
        return new EntryOutcome(review.line(), Objects.requireNonNull(review, "review"), null);
    }

    static EntryOutcome rejected(RejectedEntry rejected) {
        return new EntryOutcome(rejected.line(), null, Objects.requireNonNull(rejected, "rejected"));
    }

    /** Whether the entry was reviewed (not rejected). */
    public boolean wasReviewed() {
        return review != null;
    }
}
