package org.mskrules.msk;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a version of the referral rule set turns the routing rules' reasons into one route decision:
 * which route wins when several apply, which specialty, which red flag sets the pathway, the words
 * of each route's time frame and the national waiting-time thresholds. From {@code msk-referral
 * 2.0.0} it is declared by the version itself ({@code routing-policy.json}, the manifest's
 * {@code policy}), so it is covered by the content hash and shown in the rule catalogue; the Java
 * applies it and ranks nothing of its own. Versions 1.0.0 and 1.1.0 keep the policy they were
 * released with, frozen in Java ({@code LegacyPrecedence_1_x}).
 *
 * <p>Time-frame texts may name {@code {redFlagTimeFrame}}, {@code {specialty}}, {@code {triage}}
 * ({@link #triageTurnaround} when the service has a triage standard, else nothing),
 * {@code {seenWithinDays}}, {@code {standard}} and {@code {profile}}; the prefixes name
 * {@code {findings}} and {@code {screens}}.
 *
 * <p>Immutable, so thread-safe. Also a fact of every evaluation of a version that declares it, so
 * that its rules break red-flag ties with it ({@link #outranks}).
 *
 * @param routePrecedence           every {@link Route}, the first that any routing rule gives wins
 * @param specialtyPrecedence       every {@link Specialty}; a decision's specialty is the first its
 *                                  reasons name
 * @param redFlagLevels             every {@link EscalationLevel} above {@code NONE}, highest first
 * @param destinationPrecedence     every {@link Destination}, most time-critical first: between red
 *                                  flags of one level, the first here sets the pathway (then rule id)
 * @param timeFrames                every {@link Route} to its time-frame text
 * @param triageTurnaround          what {@code {triage}} says, naming {@code {triageWithinHours}}
 * @param priorityStandard          {@code {standard}} for a priority patient
 * @param seriousFindingStandard    {@code {standard}} for a serious finding outside every red-flag
 *                                  criterion, when {@code seriousFindingSeenAsUrgent}
 * @param routineStandard           {@code {standard}} otherwise
 * @param seriousFindingSeenAsUrgent whether a serious finding is seen to the urgent standard
 * @param seriousFindingsFirst      put before the time frame of any route but the red-flag pathway
 *                                  when there are serious findings
 * @param screensToCompleteFirst    the incomplete screens whose rules are named first, in front of
 *                                  every other text, on any route but the red-flag pathway
 * @param openScreensFirst          that text
 * @param nationalThresholdDays     the national waiting-time threshold of each priority category:
 *                                  a route's {@code {seenWithinDays}} is never longer
 */
public record RoutingPolicy(
        List<Route> routePrecedence,
        List<Specialty> specialtyPrecedence,
        List<EscalationLevel> redFlagLevels,
        List<Destination> destinationPrecedence,
        Map<Route, String> timeFrames,
        String triageTurnaround,
        String priorityStandard,
        String seriousFindingStandard,
        String routineStandard,
        boolean seriousFindingSeenAsUrgent,
        String seriousFindingsFirst,
        List<Screen> screensToCompleteFirst,
        String openScreensFirst,
        Map<PriorityCategory, Integer> nationalThresholdDays) {

    public RoutingPolicy {
        routePrecedence = every("routePrecedence", routePrecedence, EnumSet.allOf(Route.class));
        specialtyPrecedence = every("specialtyPrecedence", specialtyPrecedence, EnumSet.allOf(Specialty.class));
        redFlagLevels = every("redFlagLevels", redFlagLevels, EnumSet.complementOf(EnumSet.of(EscalationLevel.NONE)));
        destinationPrecedence = every("destinationPrecedence", destinationPrecedence, EnumSet.allOf(Destination.class));
        Objects.requireNonNull(timeFrames, "timeFrames");
        if (!timeFrames.keySet().equals(EnumSet.allOf(Route.class)) || timeFrames.values().stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("timeFrames must give a text for every route " + List.of(Route.values())
                    + " but gives " + timeFrames.keySet());
        }
        timeFrames = Map.copyOf(timeFrames);
        Objects.requireNonNull(triageTurnaround, "triageTurnaround");
        Objects.requireNonNull(priorityStandard, "priorityStandard");
        Objects.requireNonNull(seriousFindingStandard, "seriousFindingStandard");
        Objects.requireNonNull(routineStandard, "routineStandard");
        Objects.requireNonNull(seriousFindingsFirst, "seriousFindingsFirst");
        screensToCompleteFirst = List.copyOf(Objects.requireNonNull(screensToCompleteFirst, "screensToCompleteFirst"));
        Objects.requireNonNull(openScreensFirst, "openScreensFirst");
        Objects.requireNonNull(nationalThresholdDays, "nationalThresholdDays");
        if (!nationalThresholdDays.keySet().equals(EnumSet.allOf(PriorityCategory.class))
                || nationalThresholdDays.values().stream().anyMatch(d -> d == null || d < 1)) {
            throw new IllegalArgumentException("nationalThresholdDays must give a positive number of days for every"
                    + " priority category but was " + nationalThresholdDays);
        }
        nationalThresholdDays = Map.copyOf(nationalThresholdDays);
    }

    private static <E extends Enum<E>> List<E> every(String name, List<E> order, Set<E> expected) {
        Objects.requireNonNull(order, name);
        if (order.size() != expected.size() || !expected.containsAll(order)) {
            throw new IllegalArgumentException(name + " must list each of " + expected + " once but was " + order);
        }
        return List.copyOf(order);
    }

    /** True if red flag {@code a} sets the pathway before {@code b}: higher level, then destination, then rule id. */
    public boolean outranks(RedFlag a, RedFlag b) {
        return redFlagOrder().compare(a, b) < 0;
    }

    /** The order red flags are reported in; the first sets the red-flag pathway's destination and time frame. */
    public Comparator<RedFlag> redFlagOrder() {
        return Comparator.<RedFlag>comparingInt(f -> redFlagLevels.indexOf(f.level()))
                .thenComparingInt(f -> destinationPrecedence.indexOf(f.destination()))
                .thenComparing(RedFlag::ruleId);
    }

    /** The order routing reasons are reported in: by route precedence, then rule id. */
    public Comparator<RouteReason> reasonOrder() {
        return Comparator.<RouteReason>comparingInt(r -> routePrecedence.indexOf(r.route())).thenComparing(RouteReason::ruleId);
    }

    /** The first of {@code specialties} in {@link #specialtyPrecedence}, or null if there is none. */
    public Specialty firstSpecialty(java.util.Collection<Specialty> specialties) {
        return specialtyPrecedence.stream().filter(specialties::contains).findFirst().orElse(null);
    }
}
