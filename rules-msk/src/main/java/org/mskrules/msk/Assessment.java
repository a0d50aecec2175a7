package org.mskrules.msk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mskrules.core.Trace;

/**
 * The decision on one referral, from one evaluation of one rule-set version: every red flag found
 * (highest level first) and the overall escalation, every required screen that is incomplete, the
 * priority-patient decision with its waiting-time threshold, the one route with its reasons, the
 * stratified risk the rules used, the local parameters and service profile in force, and the trace
 * of the rules that fired with the rule-set version and content hash. Immutable.
 *
 * @param referralId        the referral's own reference, echoed; may be {@code null}
 * @param pathwayStage      the pathway stage the decision was made at (from {@code msk-referral
 *                          2.0.0}: the referral's stage, or {@link PathwayStage#FCP_OR_GP_ASSESSMENT}
 *                          if it gave none); {@code null}, and omitted from JSON, for earlier versions
 * @param referralSource    the referral's source, echoed; {@code null} if not recorded
 * @param grouping          what indicators group the decision by (age band, sex, referral date, ethnic
 *                          category where given), echoed from the referral after the evaluation; never
 *                          read by a rule and nothing identifying
 * @param escalation        the highest level of any red flag
 * @param redFlags          red flags found, in {@link RedFlag#REPORTING_ORDER}: highest level
 *                          first, then the most time-critical destination, then rule id
 * @param incompleteScreens screens the presentation requires that the referral does not complete
 * @param seriousFindings   warning signs present outside every red-flag criterion (from
 *                          {@code msk-referral 1.1.0}); each sends the referral to a clinician, never
 *                          to self-management. Omitted from JSON when empty, so earlier versions'
 *                          output is unchanged
 * @param priority          priority patient or not, why, and the waiting-time threshold
 * @param route             where the referral goes, why, and how soon
 * @param stratifiedRisk    the risk category used for routing, or {@code null} if not stratified
 * @param parameters        the named local parameter values the rules used
 * @param serviceProfile    the service context routing used
 * @param trace             rules fired, rule-set id, version, content hash and evaluation date
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Assessment(
        String referralId,
        PathwayStage pathwayStage,
        ReferralSource referralSource,
        Grouping grouping,
        EscalationLevel escalation,
        List<RedFlag> redFlags,
        List<IncompleteScreen> incompleteScreens,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SeriousFinding> seriousFindings,
        PriorityDecision priority,
        RouteDecision route,
        StratifiedRisk stratifiedRisk,
        Map<String, Integer> parameters,
        ServiceProfile serviceProfile,
        Trace trace) {

    public Assessment {
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(escalation, "escalation");
        redFlags = List.copyOf(redFlags);
        incompleteScreens = List.copyOf(incompleteScreens);
        seriousFindings = seriousFindings == null ? List.of() : List.copyOf(seriousFindings);
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(route, "route");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(serviceProfile, "serviceProfile");
        Objects.requireNonNull(trace, "trace");
    }

    /** True if any red flag was found. */
    public boolean hasRedFlags() {
        return !redFlags.isEmpty();
    }

    /**
     * True if every screen the presentation requires is complete. When false, red flags or priority
     * criteria that depend on the missing items cannot be ruled out and the patient is not routed to
     * self-management.
     */
    public boolean screensComplete() {
        return incompleteScreens.isEmpty();
    }
}
