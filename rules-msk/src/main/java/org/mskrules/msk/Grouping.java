package org.mskrules.msk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * What a decision is grouped by when indicators are computed, echoed from the referral: the age
 * band (never the age or date of birth), sex as recorded, the referral date and, where given, the
 * ethnic category. Nothing here identifies a patient. The pathway stage and referral source are
 * echoed beside it in {@link Assessment}. <b>No rule reads a grouping</b>: it is assembled after the
 * evaluation, and the ethnic category is never read by any rule ({@code DecisionGroupingTest}).
 * Immutable.
 *
 * @param ageBand        the age band on the referral date; {@code null} only if the age was not given
 *                       (which validation rejects)
 * @param sex            sex as recorded
 * @param referralDate   the date the referral was made
 * @param ethnicCategory the ethnic category, or {@code null} (omitted from JSON) if not given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Grouping(AgeBand ageBand, Sex sex, LocalDate referralDate, EthnicCategory ethnicCategory) {

    /** The grouping fields of {@code referral}. */
    public static Grouping of(Referral referral) {
        return new Grouping(AgeBand.of(referral.ageYears()), referral.sex(), referral.referralDate(),
                referral.ethnicCategory());
    }
}
