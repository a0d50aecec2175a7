package org.mskrules.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mskrules.governance.ImpactReport;
import org.mskrules.governance.indicators.IndicatorReport;
import org.mskrules.governance.indicators.IndicatorReport.Indicator;
import org.mskrules.governance.indicators.IndicatorReport.Share;
import org.mskrules.governance.indicators.IndicatorReport.Unsupported;
import org.mskrules.governance.indicators.IndicatorReport.Wait;
import org.mskrules.governance.indicators.IndicatorText;
import org.mskrules.msk.waitinglist.BandCount;
import org.mskrules.msk.waitinglist.EntryReview;
import org.mskrules.msk.waitinglist.MilestoneCheck;
import org.mskrules.msk.waitinglist.MilestoneStatus;
import org.mskrules.msk.waitinglist.RecoveryPlanReason;
import org.mskrules.msk.waitinglist.RejectedEntry;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.reports.Html.Cell;

/**
 * One self-contained HTML page per report, for people who read tables and charts: the waiting-list
 * review (bands by priority, milestones met or not with the breaching patients, the recovery-plan
 * reasons), the indicators (tables and bar charts by group, suppression marked) and the impact of a
 * rule change (transition matrices as heat maps, the rules that fire differently). No script, no
 * external resource: the style sheet is inline and charts are inline SVG drawn by XChart (Batik). Headings,
 * table captions and header cells, a text alternative for every chart, and a word or symbol beside
 * every colour; printable. Stateless and thread-safe.
 */
public final class HtmlReports {
    /** How many breaching patients, cohort entries and rejected lines a page lists at most. */
    public static final int MAX_LISTED = 200;

    private HtmlReports() {
    }

    /** The waiting-list review as a page titled {@code title}. */
    public static String waitingList(WaitingListReview r, String title) {
        Html h = new Html().start(title);
        h.p("meta", "As of " + r.asOf() + ". Rule set " + r.trace().ruleSetId() + " " + r.trace().version()
                + " (" + r.trace().contentHash() + "), service profile " + r.policy().serviceProfile() + ".");
        var s = r.summary();
        h.table("What was read", "Entries", "Number")
                .row("Entries read", Cell.of(s.entriesIn(), "n", "summary", "entriesIn"))
                .row("Reviewed", Cell.of(s.reviewed(), "n", "summary", "reviewed"))
                .row("Rejected (not counted anywhere else)", Cell.of(s.rejected(), "n", "summary", "rejected"))
                .row("Waiting", Cell.of(s.waiting(), "n", "summary", "waiting"))
                .row("Seen (clock stopped)", Cell.of(s.seen(), "n", "summary", "seen"))
                .end();
        if (s.rejected() > 0) {
            h.p("warning", s.rejected() + " entries were rejected: the counts below leave them out, so no milestone can be"
                    + " called met until they are corrected.");
        }

        h.h2("Waiting patients by SitRep band and priority", "bands");
        Html.Table t = h.table("Waiting patients by weeks-waited band", "Band", "Priority", "Non-priority", "All");
        List<String> labels = new ArrayList<>();
        List<Long> priority = new ArrayList<>();
        List<Long> nonPriority = new ArrayList<>();
        for (BandCount b : r.bandCounts()) {
            t.row(b.label(), Cell.of(b.priority(), "n", "band", b.band(), "category", "PRIORITY"),
                    Cell.of(b.nonPriority(), "n", "band", b.band(), "category", "NON_PRIORITY"),
                    Cell.of(b.total(), "n", "band", b.band(), "category", "ALL"));
            labels.add(b.band());
            priority.add(b.priority());
            nonPriority.add(b.nonPriority());
        }
        t.end();
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put("Priority", priority);
        series.put("Non-priority", nonPriority);
        h.figure(Charts.bars("bands-chart", "Waiting patients by band", "Weeks waited", "Patients", labels, series, true,
                "Stacked bar chart of waiting patients in each weeks-waited band, priority and non-priority; the table"
                        + " above gives the same numbers."), "Waiting patients by band, stacked by priority.");

        h.h2("Recovery plan", "recovery-plan");
        h.p("Status: " + r.recoveryPlan().status());
        Html.Table reasons = h.table("Why", "Rule", "Reason");
        for (RecoveryPlanReason reason : r.recoveryPlan().reasons()) {
            reasons.row(reason.ruleId(), reason.text());
        }
        reasons.end();
        if (!r.recoveryPlan().actions().isEmpty()) {
            h.h3("What the plan should include");
            h.list(r.recoveryPlan().actions());
        }

        h.h2("Milestones", "milestones");
        Html.Table m = h.table("Milestones in force and upcoming", "Milestone", "Due", "Longest wait allowed (weeks)",
                "Checked", "Status", "Patients breaching");
        for (MilestoneCheck c : r.milestones()) {
            m.row(c.milestone().ruleId() + " " + c.milestone().description(), c.milestone().due().toString(),
                    c.milestone().maxWeeks(), c.inForce() ? "in force" : "upcoming",
                    Cell.of(status(c.status()), css(c.status()), "milestone", c.milestone().ruleId()),
                    Cell.of(c.breachingCount(), "n", "breaching", c.milestone().ruleId()));
        }
        m.end();
        for (MilestoneCheck c : r.milestones()) {
            if (c.breaching().isEmpty()) {
                continue;
            }
            h.h3("Breaching " + c.milestone().ruleId() + " (" + c.breachingCount() + ", longest wait first"
                    + (c.breaching().size() < c.breachingCount() ? "; the first " + c.breaching().size() + " listed" : "")
                    + ")");
            entries(h, "Patients breaching " + c.milestone().ruleId(), c.breaching());
        }

        h.h2("Validation cohort", "validation");
        var schedule = r.policy().validationSchedule();
        String points = schedule.pointWeeks().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        h.p(r.validationCohort().size() + " waiting patients are due to be asked whether they still wish to be seen"
                + " (longest wait first): " + (schedule.everyPatient()
                ? "every waiting patient not validated in the previous " + schedule.lookbackWeeks() + " weeks ("
                        + schedule.everyPatientRuleId() + ", national), and always those who have reached a validation"
                        + " point of " + points + " weeks (" + schedule.ruleId() + ", local)."
                : "those who have reached a validation point of " + points + " weeks unless validated in the "
                        + schedule.lookbackWeeks() + " weeks before it (" + schedule.ruleId() + ", local).")
                + " The last column says which point each has reached, or that it is due as every patient is.");
        Html.Table cohort = h.table("Due for validation", "Entry", "Category", "Received", "Days waited", "Band",
                "Validation point reached");
        List<EntryReview> due = r.validationCohort();
        for (EntryReview e : due.subList(0, Math.min(MAX_LISTED, due.size()))) {
            cohort.row(e.entryId(), e.category().name(), e.received().toString(), e.daysWaited(), e.band(),
                    Cell.of(e.validationPointWeeks() == null
                            ? "none: due as every waiting patient (" + schedule.everyPatientRuleId() + ")"
                            : e.validationPointWeeks() + " weeks (" + schedule.ruleId() + ")", null, "point", e.entryId()));
        }
        cohort.end();

        if (!r.rejected().isEmpty()) {
            h.h2("Rejected entries", "rejected");
            Html.Table rej = h.table("Rejected entries, to correct and review again", "Line", "Entry", "Problems");
            for (RejectedEntry e : r.rejected().subList(0, Math.min(MAX_LISTED, r.rejected().size()))) {
                rej.row(e.line(), e.entryId() == null ? "(no id)" : e.entryId(),
                        String.join("; ", e.violations().stream().map(v -> v.path() + " " + v.code() + ": " + v.message())
                                .toList()));
            }
            rej.end();
        }
        return h.end();
    }

    private static void entries(Html h, String caption, List<EntryReview> list) {
        Html.Table t = h.table(caption, "Entry", "Category", "Received", "Days waited", "Band");
        for (EntryReview e : list.subList(0, Math.min(MAX_LISTED, list.size()))) {
            t.row(e.entryId(), e.category().name(), e.received().toString(), e.daysWaited(), e.band());
        }
        t.end();
    }

    private static String status(MilestoneStatus s) {
        return switch (s) {
            case MET -> "\u2713 Met";
            case NOT_MET -> "\u2717 Not met";
            case UNDETERMINED -> "? Undetermined";
        };
    }

    private static String css(MilestoneStatus s) {
        return switch (s) {
            case MET -> "met";
            case NOT_MET -> "notmet";
            case UNDETERMINED -> "undetermined";
        };
    }

    /** The indicators as a page titled {@code title}. */
    public static String indicators(IndicatorReport r, String title) {
        Html h = new Html().start(title);
        h.p("meta", "As of " + r.asOf() + ".");
        for (String line : IndicatorText.inputs(r)) {
            h.p("meta", line + ".");
        }
        for (String w : r.inputs().warnings()) {
            h.p("warning", "Warning: " + w + ".");
        }
        h.p("Disclosure control: " + (r.disclosure().suppressBelow() > 1 ? "counts from 1 to "
                + (r.disclosure().suppressBelow() - 1) + " are suppressed and shown as " + IndicatorText.SUPPRESSED
                + " (\u201csuppressed\u201d), other counts are" : "no count is suppressed; counts are") + " rounded to the nearest "
                + r.disclosure().roundTo() + ", and percentages are computed from the rounded counts. Source: "
                + org.mskrules.governance.indicators.Disclosure.SOURCE);
        int chart = 0;
        for (Indicator i : r.indicators()) {
            h.h2(i.id() + " " + i.title(), i.id());
            h.p("Definition: " + i.definition());
            h.p("meta", "Source: " + i.source() + ". Limits: " + i.limits());
            if (!i.waits().isEmpty()) {
                Html.Table t = h.table(i.id() + ": completed waits", "Breakdown and group", "Category", "Completed",
                        "Median days", "90th percentile days");
                for (Wait w : i.waits()) {
                    String key = i.id() + "|" + w.breakdown() + "|" + w.group() + "|" + w.category() + "|";
                    boolean none = w.completed() != null && w.completed() == 0;
                    t.row(w.breakdown() + ": " + w.group(), w.category(), shown(w.completed(), i.id(), key + "completed"),
                            none ? Cell.of("\u2013", "n", "cell", key + "median") : shown(w.medianDays(), i.id(), key + "median"),
                            none ? Cell.of("\u2013", "n", "cell", key + "p90") : shown(w.p90Days(), i.id(), key + "p90"));
                }
                t.end();
                continue;
            }
            Map<String, List<Share>> byBreakdown = new LinkedHashMap<>();
            i.shares().forEach(s -> byBreakdown.computeIfAbsent(s.breakdown(), k -> new ArrayList<>()).add(s));
            for (Map.Entry<String, List<Share>> e : byBreakdown.entrySet()) {
                Html.Table t = h.table(i.id() + " by " + e.getKey(), "Group", "Measure", "Count", "Of", "Per cent");
                for (Share s : e.getValue()) {
                    String key = i.id() + "|" + s.breakdown() + "|" + s.group() + "|" + s.measure() + "|";
                    t.row(s.group(), s.measure(), shown(s.count(), i.id(), key + "count"),
                            shown(s.denominator(), i.id(), key + "of"),
                            s.suppressed() ? shown(null, i.id(), key + "percent")
                                    : s.percent() == null ? Cell.of("\u2013", "n", "cell", key + "percent")
                                    : shown(s.percent(), i.id(), key + "percent"));
                }
                t.end();
            }
            // One chart per indicator: the share of each measure in each group of the breakdown rows. A suppressed
            // figure has no bar and is marked *; a group with no records has no bars and says so in its label.
            List<Share> all = i.shares().stream().filter(s -> !s.breakdown().equals("all")).toList();
            List<String> groups = all.stream().map(s -> s.breakdown() + ": " + s.group()).distinct().toList();
            List<String> measures = i.shares().stream().map(Share::measure).distinct().limit(4).toList();
            Map<String, List<? extends Number>> series = new LinkedHashMap<>();
            Map<String, List<String>> marks = new LinkedHashMap<>();
            List<String> suppressed = new ArrayList<>();
            List<String> empty = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (String g : groups) {
                List<Share> inGroup = all.stream().filter(s -> (s.breakdown() + ": " + s.group()).equals(g)).toList();
                boolean none = inGroup.stream().allMatch(s -> s.denominator() != null && s.denominator() == 0);
                labels.add(none ? g + " (no records)" : g);
                if (none) {
                    empty.add(g);
                }
            }
            for (String measure : measures) {
                List<Number> values = new ArrayList<>();
                List<String> m = new ArrayList<>();
                for (String g : groups) {
                    Share x = all.stream().filter(s -> (s.breakdown() + ": " + s.group()).equals(g) && s.measure().equals(measure))
                            .findFirst().orElse(null);
                    boolean withheld = x != null && x.suppressed();
                    values.add(x == null || withheld ? null : x.percent());
                    m.add(withheld ? IndicatorText.SUPPRESSED : null);
                    if (withheld) {
                        suppressed.add(g + " " + measure);
                    }
                }
                series.put(measure, values);
                marks.put(measure, m);
            }
            chart++;
            String alternative = "Bar chart of the per cent of each group for " + String.join(", ", measures) + ". "
                    + (suppressed.isEmpty() ? "No figure is suppressed. "
                    : "Suppressed, no bar drawn, marked " + IndicatorText.SUPPRESSED + ": " + String.join("; ", suppressed) + ". ")
                    + (empty.isEmpty() ? "" : "No records, no bars: " + String.join("; ", empty) + ". ")
                    + "The tables above give every number.";
            h.figure(Charts.bars("indicator-chart-" + chart, i.id() + ": per cent of each group", "Group", "Per cent",
                    labels, series, marks, false, alternative),
                    i.id() + ": per cent by group; in each group the bars are, left to right, "
                            + String.join(", ", measures) + ". " + IndicatorText.SUPPRESSED + " marks a suppressed figure (no bar drawn);"
                            + " a group with no records is labelled so and has no bars."
                            + (measures.size() < i.shares().stream().map(Share::measure).distinct().count()
                            ? " The first four measures are drawn." : ""));
        }
        h.h2("Indicators these inputs cannot support", "unsupported");
        Html.Table t = h.table("Not computed, with the input each would need", "Indicator", "Source", "Needs");
        for (Unsupported u : r.unsupported()) {
            t.row(u.id() + " " + u.title(), u.source(), u.needs());
        }
        t.end();
        return h.end();
    }

    /** A published figure; {@code key} (indicator|breakdown|group|measure|field) names the cell for tests. */
    private static Object shown(Long value, String indicator, String key) {
        return value == null
                ? Cell.of(IndicatorText.SUPPRESSED + " suppressed", "suppressed n", "suppressed", indicator, "cell", key)
                : Cell.of(value, "n", "cell", key);
    }

    /**
     * A title saying what changed, for example {@code What the change from 1.0.0 to 1.1.0 does}, or, when
     * the versions are the same, with the parameters that differ: {@code What the change from 1.1.0 to
     * 1.1.0 with highPainScore=6 does}.
     */
    public static String impactTitle(ImpactReport r) {
        List<String> changed = new ArrayList<>();
        if (r.a().version().equals(r.b().version())) {
            java.util.Set<String> names = new java.util.TreeSet<>(r.a().parameters().keySet());
            names.addAll(r.b().parameters().keySet());
            for (String name : names) {
                if (!java.util.Objects.equals(r.a().parameters().get(name), r.b().parameters().get(name))) {
                    changed.add(name + "=" + r.b().parameters().get(name));
                }
            }
        }
        return "What the change from " + r.a().version() + " to " + r.b().version()
                + (changed.isEmpty() ? "" : " with " + String.join(", ", changed)) + " does";
    }

    /** The impact of a rule change as a page titled {@code title}. */
    public static String impact(ImpactReport r, String title) {
        return impact(r, title, Map.of());
    }

    /**
     * The impact of a rule change as a page titled {@code title}, stating what was compared: both sides'
     * versions, statuses, content hashes and parameters, and the population (each part's kind, size, seed,
     * generator, as-of date, pathway stage and location); {@code given} (option to value, in order) adds how
     * it was run, such as the parameter overrides and the service profile.
     */
    public static String impact(ImpactReport r, String title, Map<String, String> given) {
        Html h = new Html().start(title);
        h.p("meta", "From " + r.a().ruleSetId() + " " + r.a().version() + " (" + r.a().contentHash() + ") to "
                + r.b().ruleSetId() + " " + r.b().version() + " (" + r.b().contentHash() + ").");
        h.h2("What was compared", "compared");
        Html.Table sides = h.table("The two sides", "", "A (from)", "B (to)")
                .row("Rule set", r.a().ruleSetId(), r.b().ruleSetId())
                .row("Version", Cell.of(r.a().version(), null, "side", "A-version"),
                        Cell.of(r.b().version(), null, "side", "B-version"))
                .row("Status", String.valueOf(r.a().status()), String.valueOf(r.b().status()))
                .row("Content hash", Cell.of(r.a().contentHash(), null, "side", "A-hash"),
                        Cell.of(r.b().contentHash(), null, "side", "B-hash"));
        java.util.Set<String> names = new java.util.TreeSet<>(r.a().parameters().keySet());
        names.addAll(r.b().parameters().keySet());
        List<String> same = new ArrayList<>();
        for (String name : names) {
            Integer va = r.a().parameters().get(name);
            Integer vb = r.b().parameters().get(name);
            if (java.util.Objects.equals(va, vb)) {
                same.add(name + " " + va);
            } else {
                sides.row("Parameter " + name + " (differs)", Cell.of(String.valueOf(va), "n", "parameter-a", name),
                        Cell.of(String.valueOf(vb), "n", "parameter-b", name));
            }
        }
        sides.end();
        if (!same.isEmpty()) {
            h.p("Parameters the same on both sides: " + String.join(", ", same) + ".");
        }
        Html.Table population = h.table("Population", "Part", "Cases", "Seed", "Generator", "As of", "Pathway stage",
                "Location");
        int part = 0;
        for (org.mskrules.governance.PopulationSource s : r.population()) {
            part++;
            population.row(s.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    Cell.of(s.cases(), "n", "population", part + "-cases"),
                    s.seed() == null ? "\u2013" : Cell.of(s.seed(), "n", "population", part + "-seed"),
                    s.kind() == org.mskrules.governance.PopulationSource.Kind.SYNTHETIC
                            ? "Population.synthetic (rules-governance)" : "\u2013",
                    s.asOf() == null ? "each case's own" : Cell.of(s.asOf(), null, "population", part + "-asOf"),
                    s.stage() == null ? "each case's own" : s.stage().name(),
                    s.location() == null ? "\u2013" : Cell.of(s.location(), null, "population", part + "-location"));
        }
        population.end();
        if (r.casesWithOwnParameters() > 0) {
            h.p(r.casesWithOwnParameters() + " cases set parameters of their own, applied on top of each side's.");
        }
        if (!given.isEmpty()) {
            Html.Table run = h.table("As run", "Option", "Value");
            given.forEach((option, value) -> run.row(option, Cell.of(value, null, "given", option)));
            run.end();
        }
        h.table("Cases", "Cases", "Number")
                .row("Cases", Cell.of(r.cases(), "n", "impact", "cases"))
                .row("Compared", Cell.of(r.compared(), "n", "impact", "compared"))
                .row("Decision changed", Cell.of(r.changed(), "n", "impact", "changed"))
                .row("Same decision, different rules fired", Cell.of(r.firingOnly(), "n", "impact", "firingOnly"))
                .row("Errors", Cell.of(r.errored(), "n", "impact", "errored"))
                .end();
        h.h2("Routes: from " + r.a().version() + " (rows) to " + r.b().version() + " (columns)", "routes");
        matrix(h, "route", r.route());
        h.h2("Escalations: from " + r.a().version() + " (rows) to " + r.b().version() + " (columns)", "escalations");
        matrix(h, "escalation", r.escalation());
        h.h2("Rules that fire differently", "rules");
        List<ImpactReport.RuleFiring> different = r.rules().stream().filter(ImpactReport.RuleFiring::firesDifferently).toList();
        Html.Table t = h.table("Rules that fire in some case on one side only", "Rule", "Presence", "Fired in A",
                "Fired in B", "Only in A", "Only in B");
        for (ImpactReport.RuleFiring f : different) {
            t.row(f.ruleId(), Cell.of(f.presence().name(), null, "rule", f.ruleId(), "field", "presence"),
                    Cell.of(f.firedInA(), "n", "rule", f.ruleId(), "field", "firedInA"),
                    Cell.of(f.firedInB(), "n", "rule", f.ruleId(), "field", "firedInB"),
                    Cell.of(f.onlyInA(), "n", "rule", f.ruleId(), "field", "onlyInA"),
                    Cell.of(f.onlyInB(), "n", "rule", f.ruleId(), "field", "onlyInB"));
        }
        t.end();
        if (!different.isEmpty()) {
            List<ImpactReport.RuleFiring> top = different.stream().limit(30).toList();
            Map<String, List<? extends Number>> series = new LinkedHashMap<>();
            series.put("Only in " + r.a().version(), top.stream().map(ImpactReport.RuleFiring::onlyInA).toList());
            series.put("Only in " + r.b().version(), top.stream().map(ImpactReport.RuleFiring::onlyInB).toList());
            h.figure(Charts.bars("rules-chart", "Cases where a rule fires on one side only", "Rule", "Cases",
                    top.stream().map(ImpactReport.RuleFiring::ruleId).toList(), series, false,
                    "Bar chart of the cases in which each rule fires only in one version; the table above gives the"
                            + " same numbers."), "Rules firing on one side only (the first 30).");
        }
        return h.end();
    }

    /**
     * A transition matrix as a table heat map: each cell's number is shown, and the shade (darker for more
     * cases) is a second cue; cells off the diagonal (a changed decision) are also marked with a triangle.
     */
    private static <K extends Comparable<K>> void matrix(Html h, String what, Map<K, Map<K, Integer>> m) {
        List<K> keys = new ArrayList<>(new java.util.TreeSet<K>(m.keySet()));
        m.values().forEach(row -> row.keySet().forEach(k -> {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }));
        keys.sort(null);
        int max = m.values().stream().flatMap(row -> row.values().stream()).mapToInt(Integer::intValue).max().orElse(1);
        StringBuilder b = new StringBuilder("<table>\n<caption>").append(Html.esc(what))
                .append(": cases by decision before (rows) and after (columns); \u25B3 marks a change</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Before \\ after</th>");
        // Spaces, not underscores, so that long route names wrap and the table fits the page.
        keys.forEach(k -> b.append("<th scope=\"col\">").append(Html.esc(k.toString().replace('_', ' '))).append("</th>"));
        b.append("</tr></thead>\n<tbody>\n");
        for (K from : keys) {
            b.append("<tr><th scope=\"row\">").append(Html.esc(from.toString().replace('_', ' '))).append("</th>");
            for (K to : keys) {
                int n = m.getOrDefault(from, Map.of()).getOrDefault(to, 0);
                int shade = n == 0 ? 0 : 15 + (int) Math.round(70.0 * n / Math.max(1, max));
                String background = n == 0 ? "" : " style=\"background:hsl(212,100%," + (97 - shade * 0.4) + "%)\"";
                String mark = n > 0 && !from.equals(to) ? " \u25B3" : "";
                b.append("<td class=\"n\"").append(background).append(" data-").append(what).append("-from=\"")
                        .append(Html.esc(from)).append("\" data-").append(what).append("-to=\"").append(Html.esc(to))
                        .append("\">").append(n).append(mark).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        h.raw(b.toString());
    }
}
