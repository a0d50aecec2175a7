package org.mskrules.governance;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.Route;

/** Writes an {@link ImpactReport} as Markdown for a clinical safety officer. */
final class ImpactMarkdown {
    private ImpactMarkdown() {
    }

    static String write(ImpactReport r, int caseLimit) {
        StringBuilder md = new StringBuilder();
        ImpactReport.Side a = r.a();
        ImpactReport.Side b = r.b();
        md.append("# Impact of ").append(a.ruleSetId()).append(' ').append(a.version()).append(" (`")
                .append(shortHash(a.contentHash())).append("`) -> ").append(b.ruleSetId()).append(' ')
                .append(b.version()).append(" (`").append(shortHash(b.contentHash())).append("`)\n\n");

        md.append("| | A (from) | B (to) |\n|---|---|---|\n");
        row(md, "Rule set", a.ruleSetId(), b.ruleSetId());
        row(md, "Version", a.version(), b.version());
        row(md, "Status", String.valueOf(a.status()), String.valueOf(b.status()));
        row(md, "Content hash", "`" + a.contentHash() + "`", "`" + b.contentHash() + "`");
        Set<String> names = new TreeSet<>(a.parameters().keySet());
        names.addAll(b.parameters().keySet());
        List<String> same = new ArrayList<>();
        for (String name : names) {
            Integer va = a.parameters().get(name);
            Integer vb = b.parameters().get(name);
            if (Objects.equals(va, vb)) {
                same.add(name + " " + va);
            } else {
                row(md, "Parameter `" + name + "`", "**" + va + "**", "**" + vb + "**");
            }
        }
        md.append('\n');
        if (!same.isEmpty()) {
            md.append("Parameters the same on both sides: ").append(String.join(", ", same)).append(".\n\n");
        }

        md.append("## Population\n\n");
        for (PopulationSource s : r.population()) {
            md.append("- ").append(escape(s.describe())).append('\n');
        }
        if (r.casesWithOwnParameters() > 0) {
            md.append("- ").append(count(r.casesWithOwnParameters()))
                    .append(" cases set parameters of their own, applied on top of each side's\n");
        }
        md.append('\n');
        md.append("**").append(count(r.cases())).append(" cases** = ").append(count(r.compared()))
                .append(" compared + ").append(count(r.errored())).append(" with errors.\n\n");
        md.append("**").append(count(r.changed())).append(" changed decisions** (")
                .append(percent(r.changed(), r.compared())).append(" of compared cases): escalation, red flags,"
                        + " incomplete screens, priority category or threshold, route, specialty or destination"
                        + " differ.\n\n");
        md.append(count(r.firingOnly())).append(" more cases keep their decision but reach it through different"
                + " rules.\n\n");

        md.append("## Escalation (rows A, columns B)\n\n");
        matrix(md, r.escalation(), EscalationLevel.class);
        md.append("## Priority category (rows A, columns B)\n\n");
        matrix(md, r.priority(), PriorityCategory.class);
        md.append("## Route (rows A, columns B)\n\n");
        matrix(md, r.route(), Route.class);
        destinationChanges(md, r);

        md.append("## Rules that fire differently\n\n");
        List<ImpactReport.RuleFiring> different = r.rules().stream()
                .filter(f -> f.firesDifferently() || f.presence() != ImpactReport.Presence.BOTH).toList();
        if (different.isEmpty()) {
            md.append("None: every rule fired in exactly the same cases on both sides.\n\n");
        } else {
            md.append("Cases in which each rule fired, of the compared cases; \"only A\" and \"only B\" count the"
                    + " cases in which it fired on one side only.\n\n");
            md.append("| Rule | In | A | B | B - A | Only A | Only B | Description | Source |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|---|---|\n");
            for (ImpactReport.RuleFiring f : different) {
                md.append("| ").append(f.ruleId()).append(" | ").append(presence(f.presence())).append(" | ")
                        .append(count(f.firedInA())).append(" | ").append(count(f.firedInB())).append(" | ")
                        .append(signed(f.difference())).append(" | ").append(count(f.onlyInA())).append(" | ")
                        .append(count(f.onlyInB())).append(" | ").append(escape(f.description())).append(" | ")
                        .append(escape(f.source())).append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Changed cases\n\n");
        if (r.changedCases().isEmpty()) {
            md.append("None.\n\n");
        } else {
            limitNote(md, r.changedCases().size(), caseLimit, "changed cases");
            md.append("| Case | What changed (A -> B) | Rules fired only in A | Rules fired only in B |\n");
            md.append("|---|---|---|---|\n");
            for (ImpactReport.ChangedCase c : r.changedCases().subList(0, Math.min(caseLimit, r.changedCases().size()))) {
                md.append("| ").append(escape(c.id())).append(" | ").append(escape(String.join("; ", changes(c.a(), c.b()))))
                        .append(" | ").append(String.join(", ", c.firedOnlyInA())).append(" | ")
                        .append(String.join(", ", c.firedOnlyInB())).append(" |\n");
            }
            md.append('\n');
        }

        if (!r.firingOnlyCases().isEmpty()) {
            md.append("## Same decision, different rules\n\n");
            limitNote(md, r.firingOnlyCases().size(), caseLimit, "cases");
            md.append("| Case | Rules fired only in A | Rules fired only in B |\n|---|---|---|\n");
            for (ImpactReport.FiringChange c
                    : r.firingOnlyCases().subList(0, Math.min(caseLimit, r.firingOnlyCases().size()))) {
                md.append("| ").append(escape(c.id())).append(" | ").append(String.join(", ", c.firedOnlyInA()))
                        .append(" | ").append(String.join(", ", c.firedOnlyInB())).append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Cases with errors\n\n");
        if (r.errors().isEmpty()) {
            md.append("None.\n");
        } else {
            limitNote(md, r.errors().size(), caseLimit, "errors");
            md.append("| Case | Side | Error |\n|---|---|---|\n");
            for (ImpactReport.CaseError e : r.errors().subList(0, Math.min(caseLimit, r.errors().size()))) {
                md.append("| ").append(escape(e.id())).append(" | ").append(e.side()).append(" | ")
                        .append(escape(e.message())).append(" |\n");
            }
        }
        return md.toString();
    }

    /** The fields of a decision that differ, as {@code field: a -> b}. */
    static List<String> changes(ImpactReport.Decision a, ImpactReport.Decision b) {
        List<String> out = new ArrayList<>();
        change(out, "escalation", a.escalation(), b.escalation());
        change(out, "red flags", a.redFlags(), b.redFlags());
        change(out, "incomplete screens", a.incompleteScreens(), b.incompleteScreens());
        change(out, "priority", a.priority(), b.priority());
        change(out, "threshold days", a.thresholdDays(), b.thresholdDays());
        change(out, "route", a.route(), b.route());
        change(out, "specialty", a.specialty(), b.specialty());
        change(out, "destination", a.destination(), b.destination());
        return out;
    }

    private static void change(List<String> out, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(field + " " + text(a) + " -> " + text(b));
        }
    }

    private static String text(Object o) {
        if (o == null) {
            return "none";
        }
        if (o instanceof List<?> list) {
            return list.isEmpty() ? "none" : list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        }
        return o.toString();
    }

    /**
     * Where the route goes can change while the route itself does not (one red flag's destination
     * outranking another's), so the destination transitions are listed too; only the changed ones,
     * since a full destination matrix would be mostly empty.
     */
    private static void destinationChanges(StringBuilder md, ImpactReport r) {
        Map<String, Integer> moves = new java.util.TreeMap<>();
        for (ImpactReport.ChangedCase c : r.changedCases()) {
            if (!java.util.Objects.equals(c.a().destination(), c.b().destination())) {
                moves.merge(c.a().destination() + " -> " + c.b().destination(), 1, Integer::sum);
            }
        }
        md.append("## Destination changes\n\n");
        if (moves.isEmpty()) {
            md.append("None: every compared case goes to the same destination on both sides.\n\n");
            return;
        }
        md.append("| A -> B | Cases |\n|---|---:|\n");
        moves.forEach((move, n) -> md.append("| ").append(move.replace("null", "(none)")).append(" | ")
                .append(count(n)).append(" |\n"));
        md.append("\n");
    }

    private static <E extends Enum<E>> void matrix(StringBuilder md, Map<E, Map<E, Integer>> m, Class<E> type) {
        // Only the values that occur on either side, in declaration order.
        Set<E> used = EnumSet.noneOf(type);
        m.forEach((from, row) -> {
            used.add(from);
            used.addAll(row.keySet());
        });
        if (used.isEmpty()) {
            md.append("No compared cases.\n\n");
            return;
        }
        md.append("| A \\ B |");
        used.forEach(v -> md.append(' ').append(v).append(" |"));
        md.append(" total A |\n|---|");
        used.forEach(v -> md.append("---:|"));
        md.append("---:|\n");
        int[] columns = new int[type.getEnumConstants().length];
        for (E from : used) {
            md.append("| ").append(from).append(" |");
            int total = 0;
            for (E to : used) {
                int n = m.getOrDefault(from, Map.of()).getOrDefault(to, 0);
                total += n;
                columns[to.ordinal()] += n;
                md.append(' ').append(n == 0 ? "" : from == to ? count(n) : "**" + count(n) + "**").append(" |");
            }
            md.append(' ').append(count(total)).append(" |\n");
        }
        md.append("| total B |");
        int all = 0;
        for (E to : used) {
            md.append(' ').append(count(columns[to.ordinal()])).append(" |");
            all += columns[to.ordinal()];
        }
        md.append(' ').append(count(all)).append(" |\n\n");
    }

    private static void limitNote(StringBuilder md, int size, int limit, String what) {
        if (size > limit) {
            md.append("The first ").append(count(limit)).append(" of ").append(count(size)).append(' ').append(what)
                    .append(", in population order; the JSON report lists them all.\n\n");
        }
    }

    private static void row(StringBuilder md, String label, String a, String b) {
        md.append("| ").append(label).append(" | ").append(a).append(" | ").append(b).append(" |\n");
    }

    private static String presence(ImpactReport.Presence p) {
        return switch (p) {
            case BOTH -> "A, B";
            case ONLY_A -> "A only";
            case ONLY_B -> "B only";
        };
    }

    private static String shortHash(String hash) {
        int colon = hash.indexOf(':');
        return hash.length() > colon + 13 ? hash.substring(0, colon + 13) : hash;
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String signed(int n) {
        return n > 0 ? "+" + count(n) : count(n);
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.2f%%", 100.0 * part / whole);
    }

    /** Table cells cannot hold a pipe or a line break. */
    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
