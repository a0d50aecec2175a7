package org.mskrules.governance;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ServiceProfile;

/**
 * One referral of a {@link Population}, with everything needed to assess it the same way on both
 * sides of a comparison: the evaluation date, the service profile it is routed in, and any local
 * parameter values the case itself sets (a golden case that tests a local choice). Immutable.
 *
 * @param id         unique in its population: {@code synthetic-<i>}, a golden case's file name
 *                   without {@code .json}, or {@code line-<n>} for a JSON Lines file
 * @param asOf       the evaluation date
 * @param referral   the referral, as read or generated; it may be invalid, and an analysis then
 *                   reports the case as an error rather than dropping it
 * @param profile    the service profile passed to {@code MskRules.assess}
 * @param parameters parameter values the case sets, applied on top of each side's own; usually
 *                   empty. Sorted by name.
 */
public record PopulationCase(
        String id,
        LocalDate asOf,
        Referral referral,
        ServiceProfile profile,
        Map<String, Integer> parameters) {

    public PopulationCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(profile, "profile");
        parameters = parameters == null || parameters.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(parameters));
    }
}
