package org.mskrules.msk;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.mskrules.core.RulesException;

/**
 * The facts an MSK evaluation returns, their deterministic order, and the assembly of the route
 * decision from the routing reasons. Assembly only: which route applies is decided by the routing
 * rules; here the first in {@link Route} precedence is taken and the service standard looked up.
 */
final class Outputs {
    private static final List<Class<?>> TYPES = List.of(RedFlag.class, IncompleteScreen.class,
            SeriousFinding.class, PriorityDecision.class, StratifiedRisk.class, RouteReason.class);

    static final Comparator<RouteReason> REASON_ORDER =
            Comparator.comparing(RouteReason::route).thenComparing(RouteReason::ruleId);

    /** By type, then within a type by its reporting order. */
    static final Comparator<Object> ORDER = Outputs::compare;

    private Outputs() {
    }

    static boolean isOutput(Object fact) {
        return TYPES.contains(fact.getClass());
    }

    private static int compare(Object a, Object b) {
        int byType = Integer.compare(TYPES.indexOf(a.getClass()), TYPES.indexOf(b.getClass()));
        if (byType != 0) {
            return byType;
        }
        if (a instanceof RedFlag x && b instanceof RedFlag y) {
            return RedFlag.REPORTING_ORDER.compare(x, y);
        }
        if (a instanceof IncompleteScreen x && b instanceof IncompleteScreen y) {
            return x.ruleId().compareTo(y.ruleId());
        }
        if (a instanceof SeriousFinding x && b instanceof SeriousFinding y) {
            return x.ruleId().compareTo(y.ruleId());
        }
        if (a instanceof RouteReason x && b instanceof RouteReason y) {
            return REASON_ORDER.compare(x, y);
        }
        if (a instanceof StratifiedRisk x && b instanceof StratifiedRisk y) {
            return x.ruleId().compareTo(y.ruleId());
        }
        return a instanceof PriorityDecision x && b instanceof PriorityDecision y ? x.ruleId().compareTo(y.ruleId()) : 0;
    }

    /**
     * The route: the highest-precedence route any routing rule gave, its reasons, and the reasons it
     * outranks, with the time frame from the red flag or from the service standards, prefixed, when
     * a red-flag screen is open, by the instruction to complete it first, and after that, off the
     * red-flag pathway, by the serious findings outside every red-flag criterion (from
     * msk-referral 1.1.0).
     *
     * @throws RulesException if no routing rule fired, which the first-contact rules prevent
     */
    static RouteDecision route(List<RouteReason> all, List<RedFlag> flags, List<IncompleteScreen> screens,
            List<SeriousFinding> serious, PriorityDecision priority, ServiceProfile profile) {
        Route route = all.stream().map(RouteReason::route).min(Comparator.naturalOrder())
                .orElseThrow(() -> new RulesException("no routing rule fired; every rule set must route every referral"));
        List<RouteReason> reasons = all.stream().filter(r -> r.route() == route).sorted(REASON_ORDER).toList();
        List<RouteReason> outranked = all.stream().filter(r -> r.route() != route).sorted(REASON_ORDER).toList();
        Specialty specialty = reasons.stream().map(RouteReason::specialty).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        Destination destination = reasons.stream().map(RouteReason::destination).filter(Objects::nonNull)
                .findFirst().orElse(null);
        // A serious finding outside every red-flag criterion is seen to the urgent standard, as a priority
        // patient is (from msk-referral 1.1.0; earlier versions report no serious findings).
        boolean urgent = priority.isPriority() || !serious.isEmpty();
        int seenWithin = urgent ? profile.seenWithinDays(PriorityCategory.PRIORITY) : profile.seenWithinDays(priority.category());
        String standard = (priority.isPriority() ? "urgent standard, for priority patients"
                : urgent ? "urgent standard, for a serious finding" : "routine standard")
                + "; service profile: " + profile.name();
        String timeFrame = switch (route) {
            case RED_FLAG_PATHWAY -> flags.get(0).timeFrame();
            case ADVICE_AND_GUIDANCE -> "Advice and guidance request to " + specialty
                    + " instead of a routine referral; the referring clinician keeps the patient's care meanwhile";
            case SECONDARY_CARE -> "Referral to " + specialty + " on the local secondary-care pathway";
            case COMMUNITY_MSK_TRIAGE -> (profile.triageWithinHours() != null
                    ? "Triaged within " + profile.triageWithinHours() + " hours; " : "")
                    + "seen within " + seenWithin + " days (" + standard + ")";
            case COMMUNITY_MSK_THERAPY -> "Seen within " + seenWithin + " days (" + standard + ")";
            case SUPPORTED_SELF_MANAGEMENT -> "Self-management resources and safety-net advice now";
            case FIRST_CONTACT_PRACTITIONER -> "Next available First Contact Practitioner appointment in the practice";
        };
        if (route != Route.RED_FLAG_PATHWAY && !serious.isEmpty()) {
            // A warning sign outside every red-flag criterion is named first. On a red-flag pathway the
            // flag's own time frame stands; the findings are listed beside the flags.
            timeFrame = "Serious findings outside every red-flag criterion, for the clinician to assess first: "
                    + serious.stream().map(f -> f.ruleId() + " " + f.findings()).toList() + ". " + timeFrame;
        }
        List<String> open = screens.stream()
                .filter(s -> s.screen().isRedFlagScreen() || s.screen() == Screen.PARTLY_MET_CRITERION)
                .map(IncompleteScreen::ruleId).toList();
        if (route != Route.RED_FLAG_PATHWAY && !open.isEmpty()) {
            // Red flags cannot be excluded: whatever the route, the open screens come first.
            timeFrame = "First complete the open red-flag screens " + open + ", which may change the route. " + timeFrame;
        }
        boolean community = route == Route.COMMUNITY_MSK_TRIAGE || route == Route.COMMUNITY_MSK_THERAPY;
        return new RouteDecision(route, specialty, destination, timeFrame,
                route == Route.COMMUNITY_MSK_TRIAGE ? profile.triageWithinHours() : null,
                community ? seenWithin : null, reasons, outranked);
    }
}
