package org.mskrules.cli;

import java.time.LocalDate;
import java.util.List;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.LineSource;
import org.mskrules.core.Violation;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ReferralJson;

/**
 * Reads one line of referral JSON Lines: the one reading that {@code assess} and {@code validate}
 * share, so that a line that validates is decided. Stateless.
 */
final class ReferralLines {
    /** The longest line read, in bytes: a referral takes a few kilobytes. */
    static final int MAX_LINE = 1 << 20;

    private ReferralLines() {
    }

    /** The referral on a line, or every problem with it; exactly one of the two. */
    record Read(Referral referral, List<Violation> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads {@code line} as {@link LineSource#next} returned it, checked as of {@code asOf}. */
    static Read read(String line, LocalDate asOf) {
        if (LineSource.isTooLong(line)) {
            return problem("LINE_TOO_LONG", "the line is longer than " + MAX_LINE + " bytes and was not read");
        }
        if (LineSource.isMalformed(line)) {
            return problem("INVALID_ENCODING", "the line is not valid UTF-8");
        }
        if (line.isBlank()) {
            return problem("EMPTY_LINE", "the line is empty: JSON Lines hold one referral a line");
        }
        try {
            return new Read(ReferralJson.read(line, asOf), List.of());
        } catch (InvalidInputException e) {
            return new Read(null, e.violations());
        }
    }

    private static Read problem(String code, String message) {
        return new Read(null, List.of(new Violation("", code, message)));
    }
}
