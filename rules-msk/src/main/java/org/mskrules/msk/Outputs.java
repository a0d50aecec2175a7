package org.mskrules.msk;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.mskrules.core.RulesException;

/**
 * The facts an MSK evaluation returns, their deterministic order, and the assembly of the route
 * decision from the routing reasons. Assembly only: which route applies is decided by the routing
 * rules, and which of several wins, the tie-breaks and the words by the version's
 * {@link RoutingPolicy}; here they are applied and the service standard looked up.
 */
final class Outputs {
    private static final List<Class<?>> TYPES = List.of(RedFlag.class, IncompleteScreen.class,
            SeriousFinding.class, PriorityDecision.class, StratifiedRisk.class, RouteReason.class);

    private Outputs() {
    }

    static boolean isOutput(Object fact) {
        return TYPES.contains(fact.getClass());
    }

    /** By type, then within a type by its reporting order under {@code policy}. */
    static Comparator<Object> order(RoutingPolicy policy) {
        Comparator<RedFlag> flags = policy.redFlagOrder();
        Comparator<RouteReason> reasons = policy.reasonOrder();
        return (a, b) -> {
            int byType = Integer.compare(TYPES.indexOf(a.getClass()), TYPES.indexOf(b.getClass()));
            if (byType != 0) {
                return byType;
            }
            if (a instanceof RedFlag x && b instanceof RedFlag y) {
                return flags.compare(x, y);
            }
            if (a instanceof RouteReason x && b instanceof RouteReason y) {
                return reasons.compare(x, y);
            }
            return ruleId(a).compareTo(ruleId(b));
        };
    }

    private static String ruleId(Object fact) {
        if (fact instanceof IncompleteScreen s) {
            return s.ruleId();
        }
        if (fact instanceof SeriousFinding s) {
            return s.ruleId();
        }
        if (fact instanceof StratifiedRisk s) {
            return s.ruleId();
        }
        return ((PriorityDecision) fact).ruleId();
    }

    /**
     * The route: the first route in the policy's precedence that any routing rule gave, its reasons,
     * and the reasons it outranks, with the policy's time frame for it (the red flag's own on the
     * red-flag pathway, the service standards on triage and therapy), prefixed, off the red-flag
     * pathway, by the serious findings outside every red-flag criterion (from msk-referral 1.1.0) and,
     * in front of that, by the open screens that must be completed first.
     *
     * @param flags red flags in the policy's order
     * @throws RulesException if no routing rule fired, which the first-contact rules prevent
     */
    static RouteDecision route(RoutingPolicy policy, List<RouteReason> all, List<RedFlag> flags,
            List<IncompleteScreen> screens, List<SeriousFinding> serious, PriorityDecision priority, ServiceProfile profile) {
        Route route = policy.routePrecedence().stream().filter(r -> all.stream().anyMatch(a -> a.route() == r))
                .findFirst()
                .orElseThrow(() -> new RulesException("no routing rule fired; every rule set must route every referral"));
        Comparator<RouteReason> order = policy.reasonOrder();
        List<RouteReason> reasons = all.stream().filter(r -> r.route() == route).sorted(order).toList();
        List<RouteReason> outranked = all.stream().filter(r -> r.route() != route).sorted(order).toList();
        Specialty specialty = policy.firstSpecialty(reasons.stream().map(RouteReason::specialty)
                .filter(Objects::nonNull).toList());
        Destination destination = reasons.stream().map(RouteReason::destination).filter(Objects::nonNull)
                .findFirst().orElse(null);
        boolean urgent = priority.isPriority() || policy.seriousFindingSeenAsUrgent() && !serious.isEmpty();
        PriorityCategory standardOf = urgent ? PriorityCategory.PRIORITY : priority.category();
        // A local standard may be stricter than the version's national threshold, never looser.
        int seenWithin = Math.min(profile.seenWithinDays(standardOf), policy.nationalThresholdDays().get(standardOf));
        String standard = priority.isPriority() ? policy.priorityStandard()
                : urgent ? policy.seriousFindingStandard() : policy.routineStandard();
        String timeFrame = policy.timeFrames().get(route)
                .replace("{specialty}", String.valueOf(specialty))
                .replace("{triage}", profile.triageWithinHours() == null ? ""
                        : policy.triageTurnaround().replace("{triageWithinHours}", profile.triageWithinHours().toString()))
                .replace("{seenWithinDays}", Integer.toString(seenWithin))
                .replace("{standard}", standard)
                .replace("{profile}", profile.name())
                // Last, so that nothing in a flag's own words is taken for a placeholder.
                .replace("{redFlagTimeFrame}", route == Route.RED_FLAG_PATHWAY ? flags.get(0).timeFrame() : "");
        if (route != Route.RED_FLAG_PATHWAY && !serious.isEmpty()) {
            // On a red-flag pathway the flag's own time frame stands; the findings are listed beside the flags.
            timeFrame = policy.seriousFindingsFirst().replace("{findings}",
                    serious.stream().map(f -> f.ruleId() + " " + f.findings()).toList().toString()) + timeFrame;
        }
        List<String> open = screens.stream().filter(s -> policy.screensToCompleteFirst().contains(s.screen()))
                .map(IncompleteScreen::ruleId).toList();
        if (route != Route.RED_FLAG_PATHWAY && !open.isEmpty()) {
            // Red flags cannot be excluded: whatever the route, the open screens come first.
            timeFrame = policy.openScreensFirst().replace("{screens}", open.toString()) + timeFrame;
        }
        boolean community = route == Route.COMMUNITY_MSK_TRIAGE || route == Route.COMMUNITY_MSK_THERAPY;
        return new RouteDecision(route, specialty, destination, timeFrame,
                route == Route.COMMUNITY_MSK_TRIAGE ? profile.triageWithinHours() : null,
                community ? seenWithin : null, reasons, outranked);
    }
}
