package org.mskrules.governance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Where part of a {@link Population} came from, so that a report says what it was run on and can be
 * run again. Immutable.
 *
 * @param kind         synthetic referrals, golden-case files, or a JSON Lines file of referrals
 * @param location     the directory or file as given, for files; {@code null} for synthetic
 * @param seed         the seed, for synthetic referrals; otherwise {@code null}
 * @param asOf         the evaluation date of every case, for synthetic referrals and JSON Lines;
 *                     {@code null} for golden cases, which carry their own
 * @param cases        how many cases this part contributes
 * @param skippedFiles for golden cases, JSON files under the directory that are not referral cases
 *                     (for example waiting-list cases) and were left out; otherwise 0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PopulationSource(
        Kind kind,
        String location,
        Long seed,
        LocalDate asOf,
        int cases,
        int skippedFiles) {

    /** The kinds of source. */
    public enum Kind {
        /** {@link Population#synthetic}: plausible synthetic referrals from a seed. */
        SYNTHETIC,
        /** {@link Population#goldenCases}: the referral golden cases under a directory. */
        GOLDEN_CASES,
        /** {@link Population#jsonLines}: a service's own referrals, one JSON object a line. */
        JSON_LINES
    }

    public PopulationSource {
        Objects.requireNonNull(kind, "kind");
    }

    /** One line for a person, e.g. {@code 100000 synthetic referrals (seed 20261123, as of 2026-11-23)}. */
    public String describe() {
        return switch (kind) {
            case SYNTHETIC -> cases + " synthetic referrals (seed " + seed + ", as of " + asOf + ")";
            case GOLDEN_CASES -> cases + " golden cases from " + location
                    + (skippedFiles == 0 ? "" : " (" + skippedFiles + " other JSON files skipped: not referral cases)");
            case JSON_LINES -> cases + " referrals from " + location + " (as of " + asOf + ")";
        };
    }
}
