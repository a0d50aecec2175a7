package org.mskrules.governance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.Objects;
import org.mskrules.msk.PathwayStage;

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
 * @param stage        the pathway stage every case of this part is decided at
 *                     ({@link Population#atStage}), or {@code null} for each case's own
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PopulationSource(
        Kind kind,
        String location,
        Long seed,
        LocalDate asOf,
        int cases,
        int skippedFiles,
        PathwayStage stage) {

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

    /** A part whose cases keep their own pathway stage. */
    public PopulationSource(Kind kind, String location, Long seed, LocalDate asOf, int cases, int skippedFiles) {
        this(kind, location, seed, asOf, cases, skippedFiles, null);
    }

    /** This source with every case at {@code stage}. */
    PopulationSource atStage(PathwayStage stage) {
        return new PopulationSource(kind, location, seed, asOf, cases, skippedFiles, stage);
    }

    /** One line for a person, e.g. {@code 100000 synthetic referrals (seed 20261123, as of 2026-11-23)}. */
    public String describe() {
        return describeKind() + (stage == null ? "" : ", each at pathway stage " + stage);
    }

    private String describeKind() {
        return switch (kind) {
            case SYNTHETIC -> cases + " synthetic referrals (seed " + seed + ", as of " + asOf + ")";
            case GOLDEN_CASES -> cases + " golden cases from " + location
                    + (skippedFiles == 0 ? "" : " (" + skippedFiles + " other JSON files skipped: not referral cases)");
            case JSON_LINES -> cases + " referrals from " + location + " (as of " + asOf + ")";
        };
    }
}
