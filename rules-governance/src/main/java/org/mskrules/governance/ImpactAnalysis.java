package org.mskrules.governance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.mskrules.core.RuleInfo;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.Route;

/**
 * Compares two rule sets, or two configurations of one, on the same referrals: which decisions a
 * change would alter, how (transitions of escalation, priority and route), through which rules, and
 * for which cases. The evidence a clinical safety officer reviews before a new version or a local
 * parameter change goes live.
 *
 * <pre>{@code
 * MskRules current = MskRules.builder().ruleSetVersion("1.0.0").build();
 * MskRules proposed = MskRules.builder().ruleSetVersion("1.0.0").parameter("malignancyAgeYears", 55).build();
 * Population population = Population.synthetic(20261123L, 100_000, LocalDate.of(2026, 11, 23))
 *         .plus(Population.goldenCases(Path.of("rules-tests/src/test/resources/golden")));
 * ImpactReport report = ImpactAnalysis.diff(current, proposed, population);
 * report.changed();        // how many decisions change
 * report.toMarkdown();     // for the clinical safety officer
 * }</pre>
 *
 * <p>Each case is assessed on each side with its own date and service profile
 * ({@code assess(referral, asOf, profile)}), so the facades' own profiles play no part. A case that
 * sets parameters of its own is assessed by facades of the same versions with those parameters on
 * top of each side's (built once per distinct set). Cases are evaluated in parallel; the report is
 * the same whatever the number of threads.
 *
 * <p>Stateless and thread-safe.
 */
public final class ImpactAnalysis {
    private ImpactAnalysis() {
    }

    /** What changing from {@code a} to {@code b} does to the decisions on {@code population}. */
    public static ImpactReport diff(MskRules a, MskRules b, Population population) {
        return diff(a, b, population, null);
    }

    /**
     * As {@link #diff(MskRules, MskRules, Population)}, evaluating on the caller's {@code executor}
     * (issue 20: a host's managed pool instead of threads the library makes), or on a pool of its own,
     * one thread per core, when {@code executor} is {@code null}. The report is the same either way.
     * The executor's threads need not see the library's class loader: each task runs with the
     * caller's context class loader.
     */
    public static ImpactReport diff(MskRules a, MskRules b, Population population, java.util.concurrent.Executor executor) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(population, "population");
        Facades sideA = new Facades(a);
        Facades sideB = new Facades(b);
        Tally tally = new Tally(a, b);
        Chunks.forEach(population, c -> new Evaluated[] {Evaluated.of(sideA, c), Evaluated.of(sideB, c)},
                (c, both) -> tally.add(c, both[0], both[1]), executor);
        return tally.report(side(a), side(b), population);
    }

    static ImpactReport.Side side(MskRules rules) {
        return new ImpactReport.Side(MskRules.RULE_SET_ID, rules.version(), rules.status(),
                rules.contentHash(), rules.parameters().asMap());
    }

    /** Accumulates the report, one case at a time in population order. Not thread-safe. */
    private static final class Tally {
        private final Map<String, RuleInfo> rulesA = new HashMap<>();
        private final Map<String, RuleInfo> rulesB = new HashMap<>();
        private final int[][] escalation = new int[EscalationLevel.values().length][EscalationLevel.values().length];
        private final int[][] priority = new int[PriorityCategory.values().length][PriorityCategory.values().length];
        private final int[][] route = new int[Route.values().length][Route.values().length];
        /** Rule id -> {fired in A, fired in B, only in A, only in B}. */
        private final Map<String, int[]> firings = new TreeMap<>();
        /** The same counters by hash, for the look-ups of every fired rule of every case. */
        private final Map<String, int[]> byId = new HashMap<>();
        private final List<ImpactReport.ChangedCase> changed = new ArrayList<>();
        private final List<ImpactReport.FiringChange> firingOnly = new ArrayList<>();
        private final List<ImpactReport.CaseError> errors = new ArrayList<>();
        private int cases;
        private int compared;
        private int errored;
        private int withOwnParameters;

        Tally(MskRules a, MskRules b) {
            a.rules().forEach(r -> rulesA.put(r.id(), r));
            b.rules().forEach(r -> rulesB.put(r.id(), r));
            rulesA.keySet().forEach(id -> firings.put(id, new int[4]));
            rulesB.keySet().forEach(id -> firings.putIfAbsent(id, new int[4]));
            byId.putAll(firings);
        }

        void add(PopulationCase c, Evaluated a, Evaluated b) {
            cases++;
            if (!c.parameters().isEmpty()) {
                withOwnParameters++;
            }
            if (a.failed() || b.failed()) {
                errored++;
                if (a.failed()) {
                    errors.add(new ImpactReport.CaseError(c.id(), "A", a.error()));
                }
                if (b.failed()) {
                    errors.add(new ImpactReport.CaseError(c.id(), "B", b.error()));
                }
                return;
            }
            compared++;
            ImpactReport.Decision da = a.decision();
            ImpactReport.Decision db = b.decision();
            escalation[da.escalation().ordinal()][db.escalation().ordinal()]++;
            priority[da.priority().ordinal()][db.priority().ordinal()]++;
            route[da.route().ordinal()][db.route().ordinal()]++;
            List<String> firedA = a.firedRules();
            List<String> firedB = b.firedRules();
            for (String id : firedA) {
                counts(id)[0]++;
            }
            for (String id : firedB) {
                counts(id)[1]++;
            }
            List<String> onlyA = List.of();
            List<String> onlyB = List.of();
            if (!firedA.equals(firedB)) {
                // Both lists are sorted and distinct (Evaluated): one merge gives both differences.
                onlyA = new ArrayList<>();
                onlyB = new ArrayList<>();
                int i = 0;
                int j = 0;
                while (i < firedA.size() || j < firedB.size()) {
                    int cmp = i == firedA.size() ? 1 : j == firedB.size() ? -1 : firedA.get(i).compareTo(firedB.get(j));
                    if (cmp < 0) {
                        onlyA.add(firedA.get(i++));
                    } else if (cmp > 0) {
                        onlyB.add(firedB.get(j++));
                    } else {
                        i++;
                        j++;
                    }
                }
                onlyA.forEach(id -> counts(id)[2]++);
                onlyB.forEach(id -> counts(id)[3]++);
            }
            if (!da.equals(db)) {
                changed.add(new ImpactReport.ChangedCase(c.id(), da, db, List.copyOf(onlyA), List.copyOf(onlyB)));
            } else if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
                firingOnly.add(new ImpactReport.FiringChange(c.id(), List.copyOf(onlyA), List.copyOf(onlyB)));
            }
        }

        private int[] counts(String ruleId) {
            int[] n = byId.get(ruleId);
            if (n == null) {
                // A fired rule is always one of its version's rules; this only guards the report.
                n = firings.computeIfAbsent(ruleId, id -> new int[4]);
                byId.put(ruleId, n);
            }
            return n;
        }

        ImpactReport report(ImpactReport.Side a, ImpactReport.Side b, Population population) {
            List<ImpactReport.RuleFiring> rules = new ArrayList<>();
            firings.forEach((id, n) -> {
                RuleInfo info = rulesB.containsKey(id) ? rulesB.get(id) : rulesA.get(id);
                ImpactReport.Presence presence = rulesA.containsKey(id) && rulesB.containsKey(id)
                        ? ImpactReport.Presence.BOTH
                        : rulesA.containsKey(id) ? ImpactReport.Presence.ONLY_A : ImpactReport.Presence.ONLY_B;
                rules.add(new ImpactReport.RuleFiring(id, presence, n[0], n[1], n[1] - n[0], n[2], n[3],
                        info == null ? null : info.meta("description"), info == null ? null : info.meta("source")));
            });
            return new ImpactReport(a, b, population.sources(), cases, compared, errored, changed.size(),
                    firingOnly.size(), withOwnParameters, matrix(escalation, EscalationLevel.class),
                    matrix(priority, PriorityCategory.class), matrix(route, Route.class), rules, changed, firingOnly,
                    errors);
        }

        private static <E extends Enum<E>> Map<E, Map<E, Integer>> matrix(int[][] counts, Class<E> type) {
            E[] values = type.getEnumConstants();
            Map<E, Map<E, Integer>> m = new EnumMap<>(type);
            for (E from : values) {
                for (E to : values) {
                    int n = counts[from.ordinal()][to.ordinal()];
                    if (n > 0) {
                        m.computeIfAbsent(from, k -> new EnumMap<>(type)).put(to, n);
                    }
                }
            }
            return m;
        }
    }
}
