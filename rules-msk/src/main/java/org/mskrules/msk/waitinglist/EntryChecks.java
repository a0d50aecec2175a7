package org.mskrules.msk.waitinglist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mskrules.core.EvaluationDate;
import org.mskrules.core.Violation;

/** The checks an entry must pass before it is reviewed; every problem is reported, none guessed. */
final class EntryChecks {
    /** Longest entry id accepted. */
    static final int MAX_ID_LENGTH = 100;
    /**
     * A wait of more than ten years is taken to be a wrong date (a date of birth in the received
     * column, say), not a wait: rejecting it keeps it in front of a person.
     */
    static final long MAX_WAIT_DAYS = 3652;

    private EntryChecks() {
    }

    /** {@code text} with every control or invisible formatting character shown as {@code ?}, safe to print. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(hidden(c) ? '?' : c));
        return b.toString();
    }

    /** Whether {@code text} has a {@linkplain #hidden hidden} code point; a loop, as this runs for every entry. */
    private static boolean anyHidden(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (hidden(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /**
     * Control characters, formatting characters such as zero-width spaces and byte-order marks, and
     * line and paragraph separators (which would make one id look like two lines; the published
     * schema's pattern refuses them too).
     */
    private static boolean hidden(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * Problems with {@code entry} as of {@code asOf}, skipping fields in {@code unreadable} (already
     * reported by the parser), in field order.
     */
    static List<Violation> check(WaitingListEntry entry, LocalDate asOf, Set<String> unreadable) {
        List<Violation> v = new ArrayList<>();
        String id = entry.entryId();
        if (!unreadable.contains("/entryId")) {
            if (id == null || id.isBlank()) {
                v.add(new Violation("/entryId", "REQUIRED", "an entry needs an id"));
            } else if (id.codePointCount(0, id.length()) > MAX_ID_LENGTH) {
                v.add(new Violation("/entryId", "INVALID_LENGTH", "entry id is " + id.codePointCount(0, id.length())
                        + " characters; at most " + MAX_ID_LENGTH + " are allowed"));
            } else if (anyHidden(id) || spaceAtEitherEnd(id)) {
                // Invisible characters would let one patient pass as two different ids.
                v.add(new Violation("/entryId", "INVALID", "entry id [" + printable(id)
                        + "] has control or invisible formatting characters (shown as ?) or spaces at either end"));
            }
        }
        if (entry.category() == null && !unreadable.contains("/category")) {
            v.add(new Violation("/category", "REQUIRED", "an entry needs a category: PRIORITY or NON_PRIORITY"));
        }
        LocalDate received = entry.received();
        LocalDate first = entry.firstContact();
        ValidationRecord validation = entry.validation();
        // A date outside the accepted range is reported on its own and then left out of every comparison.
        if (received != null && !EvaluationDate.inRange(received)) {
            v.add(EvaluationDate.outOfRange("/received", received));
            received = null;
            unreadable = with(unreadable, "/received");
        }
        if (first != null && !EvaluationDate.inRange(first)) {
            v.add(EvaluationDate.outOfRange("/firstContact", first));
            first = null;
        }
        LocalDate validatedOn = validation == null ? null : validation.validatedOn();
        if (validatedOn != null && !EvaluationDate.inRange(validatedOn)) {
            v.add(EvaluationDate.outOfRange("/validation/validatedOn", validatedOn));
            validatedOn = null;
            unreadable = with(unreadable, "/validation/validatedOn");
        }
        if (received == null) {
            if (!unreadable.contains("/received")) {
                v.add(new Violation("/received", "REQUIRED", "an entry needs the date the service received the referral"));
            }
        } else if (received.isAfter(asOf)) {
            v.add(new Violation("/received", "AFTER_AS_OF", "received [" + received
                    + "] is after the evaluation date [" + asOf + "]"));
        }
        if (received != null && !received.isAfter(asOf)) {
            // The wait, not the age of the referral: a patient seen long ago waited only until then.
            LocalDate end = first != null && !first.isAfter(asOf) && !first.isBefore(received) ? first : asOf;
            if (end.toEpochDay() - received.toEpochDay() > MAX_WAIT_DAYS) {
                v.add(new Violation("/received", "OUT_OF_RANGE", "received [" + received + "] is more than ten years before ["
                        + end + "]; check the date"));
            }
        }
        if (first != null && received != null && first.isBefore(received)) {
            v.add(new Violation("/firstContact", "BEFORE_RECEIVED", "first contact [" + first
                    + "] is before the referral was received [" + received + "]"));
        }
        if (validation != null) {
            LocalDate on = validatedOn;
            if (on == null) {
                if (!unreadable.contains("/validation/validatedOn")) {
                    v.add(new Violation("/validation/validatedOn", "REQUIRED",
                            "a validation contact needs its date, which decides when the next is due"));
                }
            } else if (on.isAfter(asOf)) {
                v.add(new Violation("/validation/validatedOn", "AFTER_AS_OF", "validated on [" + on
                        + "] is after the evaluation date [" + asOf + "]"));
            } else if (received != null && on.isBefore(received)) {
                v.add(new Violation("/validation/validatedOn", "BEFORE_RECEIVED", "validated on [" + on
                        + "] is before the referral was received [" + received + "]"));
            }
        }
        return v;
    }

    /** White space at either end, Unicode spaces such as NBSP included (which {@link String#strip} keeps). */
    private static boolean spaceAtEitherEnd(String id) {
        int first = id.codePointAt(0);
        int last = id.codePointBefore(id.length());
        return Character.isWhitespace(first) || Character.isSpaceChar(first) || Character.isWhitespace(last)
                || Character.isSpaceChar(last);
    }

    private static Set<String> with(Set<String> paths, String path) {
        Set<String> all = new java.util.HashSet<>(paths);
        all.add(path);
        return all;
    }
}
