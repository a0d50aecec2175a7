package org.mskrules.governance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mskrules.core.RuleInfo;
import org.mskrules.msk.Destination;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.Route;

/**
 * What one rule set (with its parameters) decides on a {@link Population}, in a form small enough to
 * keep under version control: outcome counts, how many cases each rule fired in, and a digest of
 * every case's decision. A snapshot check stores one and fails when {@link #differences} with a fresh
 * one is not empty, so that no change of behaviour goes unnoticed, however small.
 *
 * <p>The digest is SHA-256 over one line per case, in population order:
 * <pre>
 * id|escalation|red-flag rule ids|incomplete-screen rule ids|category:threshold:priority reason ids|route:specialty:destination:route reason ids|fired rule ids (sorted)
 * </pre>
 * ids comma-separated, {@code -} for none; a case the rules reject is {@code id|REJECTED|error}.
 * Counts and the digest are over the same cases; nothing depends on the time or the number of
 * threads. Immutable; round-trips through the library's JSON mapper.
 *
 * @param ruleSetId   {@code msk-referral}
 * @param version     the rule-set version
 * @param contentHash its content hash
 * @param parameters  the parameter values used
 * @param population  where the cases came from
 * @param cases       cases in the population
 * @param rejected    cases the rules could not decide (invalid input, or a case's parameters the
 *                    version does not accept)
 * @param escalation  decided cases by escalation level (every level, zeros included)
 * @param priority    decided cases by priority category in force
 * @param route       decided cases by route (every route the version's rules name, zeros included)
 * @param destination red-flag pathway cases by destination
 * @param ruleFirings every rule of the version -> decided cases in which it fired
 * @param digest      {@code sha256:} and the hex digest of the per-case lines
 */
public record BehaviourSummary(
        String ruleSetId,
        String version,
        String contentHash,
        Map<String, Integer> parameters,
        List<PopulationSource> population,
        int cases,
        int rejected,
        Map<EscalationLevel, Integer> escalation,
        Map<PriorityCategory, Integer> priority,
        Map<Route, Integer> route,
        Map<Destination, Integer> destination,
        Map<String, Integer> ruleFirings,
        String digest) {

    public BehaviourSummary {
        Objects.requireNonNull(ruleSetId, "ruleSetId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(contentHash, "contentHash");
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        population = List.copyOf(population);
        escalation = counts(escalation, EscalationLevel.class);
        priority = counts(priority, PriorityCategory.class);
        // Only the routes given: a route added in a later version (ADVICE_AND_GUIDANCE, 2.0.0) is not
        // a zero in an earlier version's snapshot; of() lists every route the version's rules name.
        route = Collections.unmodifiableMap(copy(Objects.requireNonNull(route, "Route"), Route.class));
        destination = counts(destination, Destination.class);
        ruleFirings = Collections.unmodifiableMap(new TreeMap<>(ruleFirings));
        Objects.requireNonNull(digest, "digest");
    }

    /** Assesses every case of {@code population} with {@code rules} and summarises the decisions. */
    public static BehaviourSummary of(MskRules rules, Population population) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(population, "population");
        Facades facades = new Facades(rules);
        Tally tally = new Tally(rules);
        Chunks.forEach(population, c -> Evaluated.of(facades, c), tally::add, null);
        return new BehaviourSummary(MskRules.RULE_SET_ID, rules.version(), rules.contentHash(),
                rules.parameters().asMap(), population.sources(), tally.cases, tally.rejected, tally.escalation,
                tally.priority, tally.route, tally.destination, tally.firings,
                "sha256:" + HexFormat.of().formatHex(tally.digest.digest()));
    }

    /**
     * How {@code other} behaves differently from this summary, one line each, read as "this ->
     * other": the population if it differs (the comparison then means little), every count that
     * changed ({@code route SUPPORTED_SELF_MANAGEMENT: 120 -> 118}), every rule whose firing count
     * changed, and the digest, which also catches changes that leave every count the same. When there
     * are differences, a first line names both rule sets. Empty when the behaviour is the same, even if
     * the version, content hash or parameters differ (a change that alters no decision).
     */
    public List<String> differences(BehaviourSummary other) {
        Objects.requireNonNull(other, "other");
        List<String> out = new ArrayList<>();
        if (!population.equals(other.population)) {
            out.add("population differs, so the comparison means little: " + describe(population) + " -> "
                    + describe(other.population));
        }
        count(out, "cases", cases, other.cases);
        count(out, "rejected", rejected, other.rejected);
        counts(out, "escalation", escalation, other.escalation);
        counts(out, "priority", priority, other.priority);
        counts(out, "route", route, other.route);
        counts(out, "destination", destination, other.destination);
        Set<String> rules = new TreeSet<>(ruleFirings.keySet());
        rules.addAll(other.ruleFirings.keySet());
        for (String rule : rules) {
            Integer before = ruleFirings.get(rule);
            Integer after = other.ruleFirings.get(rule);
            if (!Objects.equals(before, after)) {
                out.add("rule " + rule + " fired in " + (before == null ? "0 (not in the rule set)" : before) + " -> "
                        + (after == null ? "0 (not in the rule set)" : after) + " cases");
            }
        }
        if (!digest.equals(other.digest)) {
            out.add(out.isEmpty()
                    ? "per-case decisions differ though every count is the same: digest " + digest + " -> " + other.digest
                    : "digest " + digest + " -> " + other.digest);
        }
        if (!out.isEmpty()) {
            out.add(0, "rule set " + ruleSetId + " " + version + " (" + contentHash + ", parameters " + parameters
                    + ") -> " + other.ruleSetId + " " + other.version + " (" + other.contentHash + ", parameters "
                    + other.parameters + ")");
        }
        return out;
    }

    private static String describe(List<PopulationSource> sources) {
        return sources.stream().map(PopulationSource::describe).toList().toString();
    }

    private static void count(List<String> out, String what, int before, int after) {
        if (before != after) {
            out.add(what + ": " + before + " -> " + after);
        }
    }

    private static <K> void counts(List<String> out, String what, Map<K, Integer> before, Map<K, Integer> after) {
        Set<K> keys = new java.util.LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (K key : keys) {
            int b = before.getOrDefault(key, 0);
            int a = after.getOrDefault(key, 0);
            if (a != b) {
                out.add(what + " " + key + ": " + b + " -> " + a);
            }
        }
    }

    private static <E extends Enum<E>> Map<E, Integer> copy(Map<E, Integer> m, Class<E> type) {
        Map<E, Integer> all = new EnumMap<>(type);
        all.putAll(m);
        return all;
    }

    /** Every constant of {@code type}, zeros included, so that a snapshot shows what never happens. */
    private static <E extends Enum<E>> Map<E, Integer> counts(Map<E, Integer> m, Class<E> type) {
        Map<E, Integer> all = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            all.put(e, 0);
        }
        all.putAll(Objects.requireNonNull(m, type.getSimpleName()));
        return Collections.unmodifiableMap(all);
    }

    /** Accumulates counts and the digest in population order. Not thread-safe. */
    private static final class Tally {
        final MessageDigest digest;
        final Map<EscalationLevel, Integer> escalation = new EnumMap<>(EscalationLevel.class);
        final Map<PriorityCategory, Integer> priority = new EnumMap<>(PriorityCategory.class);
        final Map<Route, Integer> route = new EnumMap<>(Route.class);
        final Map<Destination, Integer> destination = new EnumMap<>(Destination.class);
        final Map<String, Integer> firings = new TreeMap<>();
        int cases;
        int rejected;

        Tally(MskRules rules) {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
            for (RuleInfo rule : rules.rules()) {
                firings.put(rule.id(), 0);
                if ("route".equals(rule.meta("kind"))) {
                    // Every route the version can give, zeros included, so that a snapshot shows what never happens.
                    route.put(Route.valueOf(rule.meta("route")), 0);
                }
            }
        }

        void add(PopulationCase c, Evaluated e) {
            cases++;
            StringBuilder line = new StringBuilder(c.id()).append('|');
            if (e.failed()) {
                rejected++;
                line.append("REJECTED|").append(e.error());
            } else {
                ImpactReport.Decision d = e.decision();
                escalation.merge(d.escalation(), 1, Integer::sum);
                priority.merge(d.priority(), 1, Integer::sum);
                route.merge(d.route(), 1, Integer::sum);
                if (d.destination() != null) {
                    destination.merge(d.destination(), 1, Integer::sum);
                }
                e.firedRules().forEach(id -> firings.merge(id, 1, Integer::sum));
                line.append(d.escalation()).append('|').append(ids(d.redFlags())).append('|')
                        .append(ids(d.incompleteScreens())).append('|')
                        .append(d.priority()).append(':').append(d.thresholdDays()).append(':')
                        .append(ids(e.priorityReasons())).append('|')
                        .append(d.route()).append(':').append(d.specialty() == null ? "-" : d.specialty()).append(':')
                        .append(d.destination() == null ? "-" : d.destination()).append(':')
                        .append(ids(e.routeReasons())).append('|')
                        .append(ids(e.firedRules()));
            }
            digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }

        private static String ids(List<String> ids) {
            return ids.isEmpty() ? "-" : String.join(",", ids);
        }
    }
}
