package org.mskrules.msk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The one route for a referral: the highest-precedence {@link Route} for which a routing rule fired,
 * with the reasons for it and the reasons for lower-precedence routes that it outranks. Immutable.
 *
 * @param route             the route
 * @param specialty         for secondary care, or advice and guidance, the specialty (see
 *                          {@link Specialty} for the order when several apply); otherwise {@code null}
 * @param destination       for the red-flag pathway, the destination of the highest red flag;
 *                          otherwise {@code null}
 * @param timeFrame         how soon, in words: the red flag's time frame, or the service standard
 * @param triageWithinHours for community triage, the service's triage turnaround standard if it has
 *                          one; otherwise {@code null}
 * @param seenWithinDays    for community triage and therapy, the service standard for the patient's
 *                          category (urgent for priority patients, routine otherwise); otherwise
 *                          {@code null}
 * @param reasons           the rules that point to this route, by rule id
 * @param outranked         the rules that point to lower-precedence routes, by route then rule id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteDecision(
        Route route,
        Specialty specialty,
        Destination destination,
        String timeFrame,
        Integer triageWithinHours,
        Integer seenWithinDays,
        List<RouteReason> reasons,
        List<RouteReason> outranked) {

    public RouteDecision {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(timeFrame, "timeFrame");
        reasons = List.copyOf(reasons);
        outranked = List.copyOf(outranked);
        if (reasons.isEmpty() || reasons.stream().anyMatch(r -> r.route() != route)) {
            throw new IllegalArgumentException("route [" + route + "] needs reasons for it alone: " + reasons);
        }
    }
}
