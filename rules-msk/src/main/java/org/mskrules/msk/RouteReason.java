package org.mskrules.msk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One routing criterion that applies to a referral, and the rule that found it. Immutable.
 *
 * @param ruleId      id of the rule, e.g. {@code RT-TRI-002}
 * @param route       the route the criterion points to
 * @param specialty   for secondary care, the specialty; otherwise {@code null}
 * @param destination for the red-flag pathway, the flag's destination; otherwise {@code null}
 * @param description the rule's description
 * @param advice      what to tell the patient (signposting and safety net), or {@code null}
 * @param source      the guidance the rule cites
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteReason(
        String ruleId,
        Route route,
        Specialty specialty,
        Destination destination,
        String description,
        String advice,
        String source) {

    public RouteReason {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
    }
}
