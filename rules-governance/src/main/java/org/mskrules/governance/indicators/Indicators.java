package org.mskrules.governance.indicators;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.mskrules.governance.indicators.IndicatorReport.Indicator;
import org.mskrules.governance.indicators.IndicatorReport.Share;
import org.mskrules.governance.indicators.IndicatorReport.Unsupported;
import org.mskrules.governance.indicators.IndicatorReport.Wait;
import org.mskrules.msk.AgeBand;
import org.mskrules.msk.EthnicCategory;
import org.mskrules.msk.Sex;
import org.mskrules.msk.waitinglist.WaitingListEntry;
import org.mskrules.msk.waitinglist.WaitingListSnapshot;

/**
 * Computes the measurable indicators of the national MSK principles (seed 001 lines 140-154) from a
 * decision log (JSON Lines of assessments, as {@code msk-rules assess} writes them) and waiting-list
 * snapshots: wait to first appointment for completed waits (I3), the share referred to secondary care
 * by urgency (I4), the share referred for investigation (I5), red-flag escalations by condition and
 * level, the share routed to each route, and the completeness of age, sex and ethnicity (I10); every
 * share and wait broken down by age band, sex and ethnic group, under {@link Disclosure} control. The
 * indicators read only the echoed grouping fields and the decision; no rule runs. Immutable and
 * thread-safe once built; see {@code docs/indicators.md}.
 */
public final class Indicators {
    static final String SEED_001 = "NHS England, Restoring primary and community MSK services: principles (2020)";
    static final String ALL = "all";
    static final String ALL_DECISIONS = "all decisions";
    static final String NOT_GIVEN = "not given";
    static final List<String> BREAKDOWNS = List.of(ALL, "age band", "sex", "ethnic group");
    static final Set<String> INVESTIGATION = Set.of("DIRECT_ACCESS_IMAGING", "PRIMARY_CARE_INVESTIGATIONS");
    /** The four routes the issue names first (charts draw the first four), then the others. */
    static final List<String> ROUTES = List.of("SUPPORTED_SELF_MANAGEMENT", "FIRST_CONTACT_PRACTITIONER",
            "COMMUNITY_MSK_TRIAGE", "COMMUNITY_MSK_THERAPY", "SECONDARY_CARE", "ADVICE_AND_GUIDANCE", "RED_FLAG_PATHWAY");
    static final List<String> URGENCIES = List.of("EMERGENCY", "URGENT", "SOON", "PRIORITY", "ROUTINE");

    private final Disclosure disclosure;

    private Indicators(Builder b) {
        this.disclosure = b.disclosure;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The indicators of the decisions in {@code decisionLog} (may be {@code null}: no decision log) and
     * of the completed waits in {@code snapshots} read as of {@code asOf} (may be empty). An entry id
     * in more than one snapshot is taken from the last snapshot that has it.
     *
     * @throws org.mskrules.core.InvalidInputException naming every problem of the log, or if a file
     *                                                 cannot be read
     */
    public IndicatorReport compute(Path decisionLog, List<Path> snapshots, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        DecisionLog.Read log = decisionLog == null ? new DecisionLog.Read(List.of(), 0) : DecisionLog.read(decisionLog);
        Map<String, WaitingListEntry> entries = new LinkedHashMap<>();
        List<IndicatorReport.RejectedLine> rejected = new ArrayList<>();
        for (Path file : snapshots) {
            WaitingListSnapshot s = WaitingListSnapshot.read(file, asOf);
            s.rejected().forEach(r -> rejected.add(new IndicatorReport.RejectedLine(file.toString(), r.line(), r.entryId(),
                    r.violations())));
            for (WaitingListEntry e : s.entries()) {
                entries.remove(e.entryId());
                entries.put(e.entryId(), e);
            }
        }
        return compute(log.decisions(), log.errorLines(), List.copyOf(entries.values()), rejected, asOf);
    }

    IndicatorReport compute(List<DecisionRecord> decisions, int errorLines, List<WaitingListEntry> entries,
            List<IndicatorReport.RejectedLine> rejectedEntries, LocalDate asOf) {
        Map<String, DecisionRecord> byId = new LinkedHashMap<>();
        for (DecisionRecord d : decisions) {
            if (d.referralId() != null) {
                byId.put(d.referralId(), d);
            }
        }
        List<Completed> completed = new ArrayList<>();
        int linked = 0;
        for (WaitingListEntry e : entries) {
            DecisionRecord d = byId.get(e.entryId());
            if (d != null) {
                linked++;
            }
            if (e.firstContact() != null && !e.firstContact().isAfter(asOf)) {
                completed.add(new Completed(e, d));
            }
        }
        List<Indicator> indicators = new ArrayList<>();
        indicators.add(i3(completed));
        indicators.add(share("I4", "Referred to secondary care, by urgency",
                "Decisions whose route is the red-flag pathway to a destination that is not an investigation (by the"
                        + " highest red-flag level: EMERGENCY is emergency, URGENT and SOON are urgent), or SECONDARY_CARE"
                        + " (routine), out of all decisions in the group.",
                SEED_001 + ", seed 001 line 147",
                "A decision to refer, not a referral made or accepted; no audit of conversion to procedural intervention"
                        + " or of appropriateness (needs secondary-care outcomes). ADVICE_AND_GUIDANCE is not a referral.",
                decisions, Map.of(
                        "emergency", d -> redFlagSecondary(d) && "EMERGENCY".equals(d.escalation()),
                        "urgent", d -> redFlagSecondary(d) && ("URGENT".equals(d.escalation()) || "SOON".equals(d.escalation())),
                        "routine", d -> "SECONDARY_CARE".equals(d.route()),
                        "any", d -> redFlagSecondary(d) || "SECONDARY_CARE".equals(d.route())),
                List.of("emergency", "urgent", "routine", "any")));
        indicators.add(share("I5", "Referred for further investigation",
                "Decisions whose route destination is DIRECT_ACCESS_IMAGING or PRIMARY_CARE_INVESTIGATIONS, out of all"
                        + " decisions in the group.",
                SEED_001 + ", seed 001 line 148",
                "Only investigations the rules direct (imaging and primary-care investigations on the route); tests a"
                        + " clinician orders outside the decision are not in the log. No appropriateness audit.",
                decisions, Map.of("investigation", d -> d.destination() != null && INVESTIGATION.contains(d.destination())),
                List.of("investigation")));
        indicators.add(redFlags(decisions));
        Map<String, Predicate<DecisionRecord>> routes = new LinkedHashMap<>();
        for (String r : ROUTES) {
            routes.put(r, d -> r.equals(d.route()));
        }
        indicators.add(share("ROUTE", "Routed to each route (self-management, FCP, triage, therapy and the others)",
                "Decisions whose route is each Route, out of all decisions in the group; the routes add up to all"
                        + " decisions.",
                "Local indicator, not in the national list of measurable indicators (seed 001 lines 140-154); the"
                        + " routes are those " + SEED_001 + " describes: FCPs (seed 001 lines 102, 108), supported"
                        + " self-management (line 104; PR2022, seed 004 line 58), MSK triage (line 111), physiotherapy"
                        + " and other professions (line 113)",
                "The route decided, not the care received; a clinician may override a decision.",
                decisions, routes, ROUTES));
        indicators.add(i10(decisions));
        List<IndicatorReport.RuleSetUsed> madeBy = madeBy(decisions);
        Map<String, Integer> perReferral = new LinkedHashMap<>();
        decisions.stream().filter(d -> d.referralId() != null).forEach(d -> perReferral.merge(d.referralId(), 1, Integer::sum));
        int repeated = (int) perReferral.values().stream().filter(c -> c > 1).count();
        // Every count a reader sees goes through the same control as the cells (see IndicatorReport.Inputs).
        List<String> warnings = new ArrayList<>();
        if (madeBy.size() > 1) {
            warnings.add("the decisions were made by " + madeBy.size() + " different rule-set versions or contents ("
                    + String.join("; ", madeBy.stream().map(IndicatorReport.RuleSetUsed::label).toList())
                    + "): the figures mix their behaviour");
        }
        if (repeated > 0) {
            warnings.add("referral ids with more than one decision (for example one at each pathway stage): "
                    + IndicatorText.shown(disclosure.publish(repeated)) + "; each decision is counted, so such a"
                    + " referral counts more than once");
        }
        if (errorLines > 0) {
            warnings.add("lines of the log that are errors (referrals not decided), counted in no indicator: "
                    + IndicatorText.shown(disclosure.publish(errorLines)));
        }
        if (!rejectedEntries.isEmpty()) {
            warnings.add("waiting-list entries rejected and counted in no indicator: "
                    + String.join("; ", rejectedEntries.stream().map(r -> r.snapshot() + " line " + r.line()
                            + (r.entryId() == null ? "" : " [" + r.entryId() + "]")).toList()));
        }
        return new IndicatorReport(asOf, disclosure,
                new IndicatorReport.Inputs(disclosure.publish(decisions.size()), disclosure.publish(errorLines),
                        disclosure.publish(entries.size()), disclosure.publish(rejectedEntries.size()),
                        disclosure.publish(linked), madeBy, disclosure.publish(repeated), warnings, rejectedEntries),
                indicators, unsupported());
    }

    /** The versions that made the decisions, most decisions first, then by id, version and hash. */
    private List<IndicatorReport.RuleSetUsed> madeBy(List<DecisionRecord> decisions) {
        Map<DecisionRecord.MadeBy, Integer> count = new LinkedHashMap<>();
        decisions.stream().filter(d -> d.madeBy() != null).forEach(d -> count.merge(d.madeBy(), 1, Integer::sum));
        return count.entrySet().stream()
                .sorted(Map.Entry.<DecisionRecord.MadeBy, Integer>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().ruleSetId() + " " + e.getKey().version() + " " + e.getKey().contentHash()))
                .map(e -> new IndicatorReport.RuleSetUsed(e.getKey().ruleSetId(), e.getKey().version(),
                        e.getKey().contentHash(), disclosure.publish(e.getValue())))
                .toList();
    }

    private static boolean redFlagSecondary(DecisionRecord d) {
        return "RED_FLAG_PATHWAY".equals(d.route()) && (d.destination() == null || !INVESTIGATION.contains(d.destination()));
    }

    /** A completed wait and the decision linked to it, if any. */
    private record Completed(WaitingListEntry entry, DecisionRecord decision) {
        long daysFromReceipt() {
            return ChronoUnit.DAYS.between(entry.received(), entry.firstContact());
        }

        String group(String breakdown) {
            return switch (breakdown) {
                case ALL -> "all completed waits";
                case "age band" -> entry.ageBand() != null ? entry.ageBand().label()
                        : decision != null && decision.ageBand() != null ? decision.ageBand() : NOT_GIVEN;
                case "sex" -> entry.sex() != null ? entry.sex().name()
                        : decision != null && decision.sex() != null ? decision.sex() : NOT_GIVEN;
                case "ethnic group" -> entry.ethnicCategory() != null ? entry.ethnicCategory().group()
                        : decision != null && decision.ethnicGroup() != null ? decision.ethnicGroup() : NOT_GIVEN;
                default -> throw new IllegalArgumentException(breakdown);
            };
        }
    }

    private Indicator i3(List<Completed> completed) {
        List<Wait> waits = new ArrayList<>();
        for (String breakdown : BREAKDOWNS) {
            for (String group : groups(breakdown, ALL.equals(breakdown) ? "all completed waits" : null)) {
                for (String category : List.of("PRIORITY", "NON_PRIORITY")) {
                    long[] days = completed.stream().filter(c -> group.equals(c.group(breakdown)))
                            .filter(c -> c.entry().category().name().equals(category))
                            .mapToLong(Completed::daysFromReceipt).sorted().toArray();
                    waits.add(wait(breakdown, group, category, days));
                }
            }
        }
        // By urgency: only waits linked to a decision, measured from the referral date (the patient sought advice).
        for (String urgency : URGENCIES) {
            long[] days = completed.stream().filter(c -> c.decision() != null && c.decision().referralDate() != null)
                    .filter(c -> urgency.equals(c.decision().urgency()))
                    .mapToLong(c -> ChronoUnit.DAYS.between(c.decision().referralDate(), c.entry().firstContact()))
                    .filter(d -> d >= 0).sorted().toArray();
            waits.add(wait("urgency (linked decisions, from referral date)", "all linked waits", urgency, days));
        }
        return new Indicator("I3", "Wait to first appointment (completed waits)",
                "For each waiting-list entry with a first contact on or before the as-of date: days from the date the"
                        + " service received the referral to the first contact, by priority category; median and 90th"
                        + " percentile by nearest rank. By urgency: entries whose id is a decision's referral id, days"
                        + " from the decision's referral date (when the patient sought advice) to the first contact,"
                        + " by the decision's red-flag level, else its priority category.",
                SEED_001 + ", seed 001 line 146",
                "The clock starts at receipt by the service, not at the first presentation to primary care (only"
                        + " linked entries are measured from the referral date). Patients still waiting are in the"
                        + " SitRep extract and the waiting-list review, not here. A snapshot holds only the patients"
                        + " on the list when it was taken: a wait completed and removed before it is missed.",
                List.of(), waits);
    }

    private Wait wait(String breakdown, String group, String category, long[] days) {
        int n = days.length;
        Long count = disclosure.publish(n);
        boolean stats = n > 0 && !disclosure.suppressed(n);
        return new Wait(breakdown, group, category, count, stats ? rank(days, 0.5) : null, stats ? rank(days, 0.9) : null);
    }

    /** The nearest-rank percentile of sorted values. */
    static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    private Indicator share(String id, String title, String definition, String source, String limits,
            List<DecisionRecord> decisions, Map<String, Predicate<DecisionRecord>> measures, List<String> order) {
        List<Share> shares = new ArrayList<>();
        for (String breakdown : BREAKDOWNS) {
            for (String group : groups(breakdown, ALL_DECISIONS)) {
                List<DecisionRecord> in = decisions.stream().filter(d -> group.equals(group(d, breakdown))).toList();
                for (String measure : order) {
                    long count = in.stream().filter(measures.get(measure)).count();
                    shares.add(new Share(breakdown, group, measure, disclosure.publish(count),
                            disclosure.publish(in.size()), disclosure.percent(count, in.size())));
                }
            }
        }
        return new Indicator(id, title, definition, source, limits, shares, List.of());
    }

    private Indicator redFlags(List<DecisionRecord> decisions) {
        Map<String, Predicate<DecisionRecord>> measures = new LinkedHashMap<>();
        for (String level : List.of("EMERGENCY", "URGENT", "SOON")) {
            measures.put("any red flag, highest level " + level, d -> level.equals(d.escalation()));
        }
        decisions.stream().flatMap(d -> d.redFlags().stream()).map(f -> f.condition() + " " + f.level()).distinct()
                .sorted().forEach(m -> measures.put(m, d -> d.redFlags().stream()
                        .anyMatch(f -> m.equals(f.condition() + " " + f.level()))));
        return share("RF", "Red-flag escalations by condition and level",
                "Decisions with a red flag at each highest level, and decisions with a red flag of each condition at"
                        + " each level (a decision counts once per condition and level), out of all decisions in the"
                        + " group.",
                SEED_001 + ", seed 001 line 147 (emergency and urgent referral); GIRFT and NICE red-flag pathways as"
                        + " cited by each rule (docs/rules)",
                "A red flag the rules found on the recorded findings; a finding not recorded is not a red flag found"
                        + " (open screens are reported on each decision, not counted here).",
                decisions, measures, List.copyOf(measures.keySet()));
    }

    private Indicator i10(List<DecisionRecord> decisions) {
        Map<String, Predicate<DecisionRecord>> measures = new LinkedHashMap<>();
        measures.put("age band recorded", d -> d.ageBand() != null);
        measures.put("sex recorded", d -> d.sex() != null && !Sex.NOT_RECORDED.name().equals(d.sex()));
        measures.put("ethnic category stated (A to S)", d -> d.ethnicCode() != null && !"Z".equals(d.ethnicCode())
                && !"99".equals(d.ethnicCode()));
        measures.put("ethnic category not stated (Z)", d -> "Z".equals(d.ethnicCode()));
        measures.put("ethnic category not known (99)", d -> "99".equals(d.ethnicCode()));
        measures.put("ethnic category not given", d -> d.ethnicCode() == null);
        return share("I10", "Collection of protected characteristics: age, sex and ethnicity",
                "Decisions whose grouping records each characteristic, out of all decisions in the group. Every other"
                        + " indicator is broken down by age band, sex and ethnic group (the NHS Data Dictionary's"
                        + " high-level groups of ETHNIC CATEGORY).",
                SEED_001 + ", seed 001 line 154; PR2022 (seed 004) lines 25-26 (demographics of patients who may"
                        + " need additional support)",
                "Age band, sex and ethnic category only; other protected characteristics (disability, religion,"
                        + " and so on) are not recorded. Ethnic category is self-stated and optional.",
                decisions, measures, List.copyOf(measures.keySet()));
    }

    /** The groups of a breakdown, every one listed (zeros too), {@link #NOT_GIVEN} last. */
    static List<String> groups(String breakdown, String all) {
        List<String> g = new ArrayList<>();
        switch (breakdown) {
            case ALL -> g.add(all);
            case "age band" -> Arrays.stream(AgeBand.values()).map(AgeBand::label).forEach(g::add);
            case "sex" -> Arrays.stream(Sex.values()).map(Sex::name).forEach(g::add);
            case "ethnic group" -> Arrays.stream(EthnicCategory.values()).map(EthnicCategory::group).distinct().forEach(g::add);
            default -> throw new IllegalArgumentException(breakdown);
        }
        if (!ALL.equals(breakdown)) {
            g.add(NOT_GIVEN);
        }
        return g;
    }

    static String group(DecisionRecord d, String breakdown) {
        Function<String, String> orNot = v -> v == null ? NOT_GIVEN : v;
        return switch (breakdown) {
            case ALL -> ALL_DECISIONS;
            case "age band" -> orNot.apply(d.ageBand());
            case "sex" -> orNot.apply(d.sex());
            case "ethnic group" -> orNot.apply(d.ethnicGroup());
            default -> throw new IllegalArgumentException(breakdown);
        };
    }

    static List<Unsupported> unsupported() {
        return List.of(
                new Unsupported("I1", "Patient outcomes, including functional capacity, quality of life, occupational"
                        + " status and other PROMs", "seed 001 line 144",
                        "PROM scores (for example MSK-HQ) at first contact and at discharge, per patient episode"),
                new Unsupported("I2", "Patient experience measures (PREMs), including involvement in a personalised"
                        + " care plan", "seed 001 line 145", "PREM survey responses linked to the episode"),
                new Unsupported("I6", "Percentage of patients prescribed medication for their MSK condition",
                        "seed 001 line 149", "prescribing records for the episode (the rules do not prescribe)"),
                new Unsupported("I7", "Percentage of patients discharged by secondary care at first consultation",
                        "seed 001 line 150", "secondary-care outpatient outcome of the first consultation"),
                new Unsupported("I8", "Percentage of patients re-entering an MSK service within 2 years of discharge"
                        + " for the same condition", "seed 001 line 152",
                        "a pseudonymised patient key stable across episodes, discharge dates and the condition;"
                                + " deliberately not in the decision record, which identifies nobody"),
                new Unsupported("I9", "Staff experience measures", "seed 001 line 153", "staff survey results"),
                new Unsupported("I4a", "Audit of conversion to procedural intervention and appropriateness of"
                        + " referral", "seed 001 lines 147-148", "secondary-care procedures and audit findings per referral"));
    }

    /** Configures {@link Indicators}; not thread-safe. */
    public static final class Builder {
        private Disclosure disclosure = Disclosure.NHS_DIGITAL;

        private Builder() {
        }

        /** The disclosure control (default {@link Disclosure#NHS_DIGITAL}). */
        public Builder disclosure(Disclosure disclosure) {
            this.disclosure = Objects.requireNonNull(disclosure, "disclosure");
            return this;
        }

        public Indicators build() {
            return new Indicators(this);
        }
    }
}
