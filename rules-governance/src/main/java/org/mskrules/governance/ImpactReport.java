package org.mskrules.governance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.mskrules.core.io.Json;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.core.RulesException;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.Destination;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.IncompleteScreen;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.RedFlag;
import org.mskrules.msk.Route;
import org.mskrules.msk.Specialty;

/**
 * What changing from one rule set (or configuration) A to another B does to the decisions on a
 * {@link Population}, from {@link ImpactAnalysis#diff}: for a clinical safety officer deciding
 * whether to accept the change. Every case is either compared or reported as an error
 * ({@code cases == compared + errored}); counts, transitions and firings are over the compared
 * cases. Lists are in population order. Immutable, deterministic for the same inputs, and
 * round-trips through the library's JSON mapper ({@link #toJson()}); {@link #toMarkdown()} is the
 * form for people.
 *
 * @param a               side A (from): rule set, version, status, content hash, parameters
 * @param b               side B (to)
 * @param population      where the cases came from
 * @param cases           cases in the population
 * @param compared        cases both sides decided
 * @param errored         cases at least one side could not decide (see {@link #errors})
 * @param changed         compared cases whose decision differs (see {@link Decision})
 * @param firingOnly      compared cases with the same decision but different rules fired
 * @param casesWithOwnParameters cases that set parameters of their own, applied on top of each side's
 * @param escalation      escalation level in A -> in B -> cases; only non-zero cells
 * @param priority        priority category in A -> in B -> cases; only non-zero cells
 * @param route           route in A -> in B -> cases; only non-zero cells
 * @param rules           every rule of either version, by id, with its firing counts
 * @param changedCases    every changed case
 * @param firingOnlyCases every case whose fired rules, but not decision, differ
 * @param errors          every error, by case and side
 */
public record ImpactReport(
        Side a,
        Side b,
        List<PopulationSource> population,
        int cases,
        int compared,
        int errored,
        int changed,
        int firingOnly,
        int casesWithOwnParameters,
        Map<EscalationLevel, Map<EscalationLevel, Integer>> escalation,
        Map<PriorityCategory, Map<PriorityCategory, Integer>> priority,
        Map<Route, Map<Route, Integer>> route,
        List<RuleFiring> rules,
        List<ChangedCase> changedCases,
        List<FiringChange> firingOnlyCases,
        List<CaseError> errors) {

    /** How many changed cases, firing-only cases and errors the Markdown lists; the JSON has all. */
    public static final int MARKDOWN_CASE_LIMIT = 200;

    public ImpactReport {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        population = List.copyOf(population);
        escalation = matrix(escalation);
        priority = matrix(priority);
        route = matrix(route);
        rules = List.copyOf(rules);
        changedCases = List.copyOf(changedCases);
        firingOnlyCases = List.copyOf(firingOnlyCases);
        errors = List.copyOf(errors);
        if (cases != compared + errored) {
            throw new IllegalArgumentException("cases [" + cases + "] must be compared [" + compared
                    + "] + errored [" + errored + "]");
        }
    }

    /** The report for a clinical safety officer, in Markdown. */
    public String toMarkdown() {
        return ImpactMarkdown.write(this, MARKDOWN_CASE_LIMIT);
    }

    /** The whole report as indented JSON, with the library's mapper. */
    public String toJson() {
        try {
            return Json.writePretty(this);
        } catch (JsonProcessingException e) {
            throw new RulesException("cannot write the impact report as JSON", e);
        }
    }

    /**
     * One side of the comparison.
     *
     * @param ruleSetId   {@code msk-referral}
     * @param version     the rule-set version
     * @param status      the version's status in its manifest on the class path; {@code null} if the
     *                    version is not on this class path
     * @param contentHash {@code sha256:...} of the version's rule files and parameter defaults
     * @param parameters  every local parameter value the side uses, by name
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Side(
            String ruleSetId,
            String version,
            RuleSetManifest.Status status,
            String contentHash,
            Map<String, Integer> parameters) {
        public Side {
            Objects.requireNonNull(ruleSetId, "ruleSetId");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(contentHash, "contentHash");
            parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        }
    }

    /**
     * The parts of an assessment that make the decision; two are "changed" when any differs.
     *
     * @param escalation         the overall escalation
     * @param redFlags           ids of the red-flag rules that fired, in reporting order
     * @param incompleteScreens  ids of the screen rules reporting an incomplete screen, in order
     * @param priority           the priority category in force
     * @param thresholdDays      its waiting-time threshold
     * @param route              the route
     * @param specialty          for secondary care, the specialty; otherwise {@code null}
     * @param destination        for the red-flag pathway, the destination; otherwise {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(
            EscalationLevel escalation,
            List<String> redFlags,
            List<String> incompleteScreens,
            PriorityCategory priority,
            int thresholdDays,
            Route route,
            Specialty specialty,
            Destination destination) {
        public Decision {
            Objects.requireNonNull(escalation, "escalation");
            redFlags = List.copyOf(redFlags);
            incompleteScreens = List.copyOf(incompleteScreens);
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(route, "route");
        }

        static Decision of(Assessment a) {
            return new Decision(a.escalation(), a.redFlags().stream().map(RedFlag::ruleId).toList(),
                    a.incompleteScreens().stream().map(IncompleteScreen::ruleId).toList(),
                    a.priority().category(), a.priority().waitingThresholdDays(),
                    a.route().route(), a.route().specialty(), a.route().destination());
        }
    }

    /**
     * A case whose decision changed.
     *
     * @param id           the case
     * @param a            the decision in A
     * @param b            the decision in B
     * @param firedOnlyInA rules that fired in A but not in B, sorted
     * @param firedOnlyInB rules that fired in B but not in A, sorted
     */
    public record ChangedCase(String id, Decision a, Decision b, List<String> firedOnlyInA, List<String> firedOnlyInB) {
        public ChangedCase {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
            firedOnlyInA = List.copyOf(firedOnlyInA);
            firedOnlyInB = List.copyOf(firedOnlyInB);
        }
    }

    /**
     * A case with the same decision on both sides, reached through different rules.
     *
     * @param id           the case
     * @param firedOnlyInA rules that fired in A but not in B, sorted
     * @param firedOnlyInB rules that fired in B but not in A, sorted
     */
    public record FiringChange(String id, List<String> firedOnlyInA, List<String> firedOnlyInB) {
        public FiringChange {
            Objects.requireNonNull(id, "id");
            firedOnlyInA = List.copyOf(firedOnlyInA);
            firedOnlyInB = List.copyOf(firedOnlyInB);
        }
    }

    /**
     * A case one side could not decide: invalid input (both sides then report it), parameters of the
     * case's own that the side's version does not accept, or a failure inside the rule set.
     *
     * @param id      the case
     * @param side    {@code A} or {@code B}
     * @param message what went wrong, with every input problem
     */
    public record CaseError(String id, String side, String message) {
        public CaseError {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * How often one rule fired, in how many compared cases, on each side.
     *
     * @param ruleId      the rule
     * @param presence    whether the rule is in both versions or in one only
     * @param firedInA    compared cases in which it fired in A
     * @param firedInB    compared cases in which it fired in B
     * @param difference  {@code firedInB - firedInA}
     * @param onlyInA     cases in which it fired in A but not in B
     * @param onlyInB     cases in which it fired in B but not in A
     * @param description the rule's description (B's, if it is in B)
     * @param source      the guidance it cites (B's, if it is in B)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleFiring(
            String ruleId,
            Presence presence,
            int firedInA,
            int firedInB,
            int difference,
            int onlyInA,
            int onlyInB,
            String description,
            String source) {
        public RuleFiring {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(presence, "presence");
        }

        /** True if the rule fired in any case on one side only. */
        public boolean firesDifferently() {
            return onlyInA > 0 || onlyInB > 0;
        }
    }

    /** Which versions hold a rule. */
    public enum Presence {
        BOTH,
        ONLY_A,
        ONLY_B
    }

    private static <E extends Enum<E>> Map<E, Map<E, Integer>> matrix(Map<E, Map<E, Integer>> m) {
        Objects.requireNonNull(m, "matrix");
        if (m.isEmpty()) {
            return Map.of();
        }
        Class<E> type = m.keySet().iterator().next().getDeclaringClass();
        Map<E, Map<E, Integer>> copy = new EnumMap<>(type);
        m.forEach((from, row) -> {
            Map<E, Integer> r = new EnumMap<>(type);
            r.putAll(row);
            copy.put(from, Collections.unmodifiableMap(r));
        });
        return Collections.unmodifiableMap(copy);
    }
}
