package org.mskrules.governance.indicators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mskrules.governance.indicators.IndicatorReport.Indicator;
import org.mskrules.governance.indicators.IndicatorReport.Share;
import org.mskrules.governance.indicators.IndicatorReport.Unsupported;
import org.mskrules.governance.indicators.IndicatorReport.Wait;

/**
 * The indicators as plain text for people: one table per indicator and breakdown, suppressed figures
 * shown as {@code *}. Thread-safe (no state).
 */
public final class IndicatorText {
    /** How a suppressed figure is shown. */
    public static final String SUPPRESSED = "*";

    private IndicatorText() {
    }

    public static String of(IndicatorReport r) {
        StringBuilder s = new StringBuilder();
        s.append("MSK service indicators as of ").append(r.asOf()).append('\n');
        for (String line : inputs(r)) {
            s.append(line).append('\n');
        }
        for (String w : r.inputs().warnings()) {
            s.append("WARNING: ").append(w).append('\n');
        }
        s.append("Disclosure control: ").append(r.disclosure().suppressBelow() > 1 ? "counts 1 to "
                + (r.disclosure().suppressBelow() - 1) + " shown as " + SUPPRESSED + ", other counts" : "no count suppressed, counts")
                .append(" rounded to the nearest ")
                .append(r.disclosure().roundTo()).append("; percentages from the rounded counts (")
                .append(Disclosure.SOURCE).append(")\n");
        for (Indicator i : r.indicators()) {
            s.append('\n').append(i.id()).append("  ").append(i.title()).append('\n');
            s.append("  Definition: ").append(i.definition()).append('\n');
            s.append("  Source: ").append(i.source()).append('\n');
            s.append("  Limits: ").append(i.limits()).append('\n');
            if (!i.waits().isEmpty()) {
                waits(s, i.waits());
            } else {
                shares(s, i.shares());
            }
        }
        s.append("\nNot supported by these inputs:\n");
        for (Unsupported u : r.unsupported()) {
            s.append("  ").append(u.id()).append("  ").append(u.title()).append(" (").append(u.source())
                    .append(")\n      needs: ").append(u.needs()).append('\n');
        }
        return s.toString();
    }

    /**
     * What the report read, as sentences for its header (text and HTML): the records read, the
     * referrals not decided, and the rule-set versions that made the decisions counted.
     */
    public static List<String> inputs(IndicatorReport r) {
        IndicatorReport.Inputs in = r.inputs();
        List<String> lines = new java.util.ArrayList<>();
        lines.add("Read: " + shown(in.decisions()) + " decisions, " + shown(in.errorLines()) + " not decided (error"
                + " lines, counted in no indicator); " + shown(in.waitingListEntries()) + " waiting-list entries ("
                + shown(in.rejectedEntries()) + " rejected, not counted; " + shown(in.linkedEntries())
                + " linked to a decision); every count under the disclosure control below");
        if (!in.madeBy().isEmpty()) {
            lines.add("Decisions made by: " + String.join("; ", in.madeBy().stream()
                    .map(m -> m.label() + ": " + shown(m.decisions()) + " decisions").toList()));
        }
        return lines;
    }

    /** A published count as shown: the number, or {@link #SUPPRESSED}. */
    public static String shown(Long value) {
        return value == null ? SUPPRESSED : value.toString();
    }

    private static void shares(StringBuilder s, List<Share> shares) {
        Map<String, List<Share>> byBreakdown = new LinkedHashMap<>();
        shares.forEach(x -> byBreakdown.computeIfAbsent(x.breakdown(), k -> new java.util.ArrayList<>()).add(x));
        for (Map.Entry<String, List<Share>> e : byBreakdown.entrySet()) {
            s.append("  By ").append(e.getKey()).append(":\n");
            s.append(String.format("    %-28s %-50s %8s %8s %6s%n", "group", "measure", "count", "of", "%"));
            for (Share x : e.getValue()) {
                s.append(String.format("    %-28s %-50s %8s %8s %6s%n", x.group(), x.measure(), shown(x.count()),
                        shown(x.denominator()), x.suppressed() ? SUPPRESSED : x.percent() == null ? "-" : x.percent().toString()));
            }
        }
    }

    private static void waits(StringBuilder s, List<Wait> waits) {
        s.append(String.format("    %-48s %-28s %-14s %9s %11s %8s%n", "breakdown", "group", "category", "completed",
                "median days", "p90 days"));
        for (Wait w : waits) {
            s.append(String.format("    %-48s %-28s %-14s %9s %11s %8s%n", w.breakdown(), w.group(), w.category(),
                    shown(w.completed()), w.completed() != null && w.completed() == 0 ? "-" : shown(w.medianDays()),
                    w.completed() != null && w.completed() == 0 ? "-" : shown(w.p90Days())));
        }
    }
}
