package org.mskrules.governance;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.RulesException;
import org.mskrules.core.Violation;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.PriorityReason;
import org.mskrules.msk.Referral;
import org.mskrules.msk.RouteReason;

/**
 * What one side made of one case: the decision with the reason ids and the sorted, distinct ids of
 * the rules that fired; or the error that stopped it. Immutable.
 */
record Evaluated(
        ImpactReport.Decision decision,
        List<String> priorityReasons,
        List<String> routeReasons,
        List<String> firedRules,
        String error) {

    static Evaluated of(Facades side, PopulationCase c) {
        try {
            MskRules rules = side.forCase(c);
            Referral r = c.referral();
            if (!rules.readsPathwayStage() && (r.pathwayStage() != null || r.referralSource() != null)) {
                // A version before 2.0.0 cannot read a stage or source (it rejects them): it decides
                // the referral as it always has, which is what a new version's stage is compared with.
                r = new Referral(r.referralId(), r.ageYears(), r.sex(), r.referralDate(), r.symptomOnset(), r.regions(),
                        r.findings(), r.painScore(), r.riskStratification(), r.clinicianPriority(), null, null,
                        r.ethnicCategory());
            }
            Assessment a = rules.assess(r, c.asOf(), c.profile());
            return new Evaluated(ImpactReport.Decision.of(a),
                    a.priority().reasons().stream().map(PriorityReason::ruleId).toList(),
                    a.route().reasons().stream().map(RouteReason::ruleId).toList(),
                    List.copyOf(new TreeSet<>(a.trace().firedRuleIds())), null);
        } catch (InvalidInputException e) {
            return failed("invalid input: " + e.violations().stream().map(Violation::toString)
                    .collect(Collectors.joining("; ")));
        } catch (RulesException e) {
            // A configuration the case's parameters make impossible, or a rule set breaking its own
            // invariants: reported on this side, never dropped.
            return failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Evaluated failed(String error) {
        return new Evaluated(null, List.of(), List.of(), List.of(), error);
    }

    boolean failed() {
        return error != null;
    }
}
