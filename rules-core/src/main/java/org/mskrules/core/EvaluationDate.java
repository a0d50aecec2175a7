package org.mskrules.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The date a decision is made "as of", inserted as a fact into every evaluation. Rules read this
 * fact, never the system clock, so that the same input, rule-set version and date always give the
 * same decision.
 *
 * <p>Every date the library takes, evaluation dates and dates in records alike, must lie from
 * {@link #EARLIEST} to {@link #LATEST}: anything outside is a typing or export mistake (a year 0026,
 * {@code LocalDate.MAX}), and far-off dates would overflow date arithmetic. Such a date is refused
 * with {@code OUT_OF_RANGE}, never clamped.
 *
 * @param asOf the evaluation date (a calendar date; no time zone is involved)
 */
public record EvaluationDate(LocalDate asOf) {
    /** The earliest date accepted anywhere: 1 January 1900. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The latest date accepted anywhere: 31 December 2999. */
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    /** @throws InvalidInputException {@code /asOf OUT_OF_RANGE} if the date is outside the accepted range */
    public EvaluationDate {
        Objects.requireNonNull(asOf, "asOf");
        if (!inRange(asOf)) {
            throw new InvalidInputException(List.of(outOfRange("/asOf", asOf)));
        }
    }

    /** Whether {@code date} is from {@link #EARLIEST} to {@link #LATEST}. */
    public static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** The {@code OUT_OF_RANGE} problem for {@code date} at {@code path}. */
    public static Violation outOfRange(String path, LocalDate date) {
        return new Violation(path, "OUT_OF_RANGE", "[" + date + "] is outside the dates accepted, " + EARLIEST
                + " to " + LATEST);
    }

    /**
     * Checks an evaluation date given to a facade, before anything is computed from it.
     *
     * @throws InvalidInputException {@code /asOf OUT_OF_RANGE} if it is outside the accepted range
     */
    public static LocalDate check(LocalDate asOf) {
        return new EvaluationDate(asOf).asOf();
    }
}
