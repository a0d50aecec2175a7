package org.mskrules.core;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The date a decision is made "as of", inserted as a fact into every evaluation. Rules read this
 * fact, never the system clock, so that the same input, rule-set version and date always give the
 * same decision.
 *
 * @param asOf the evaluation date (a calendar date; no time zone is involved)
 */
public record EvaluationDate(LocalDate asOf) {
    public EvaluationDate {
        Objects.requireNonNull(asOf, "asOf");
    }
}
