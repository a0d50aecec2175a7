package org.mskrules.governance.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.Json;
import org.mskrules.governance.indicators.IndicatorReport.Share;
import org.mskrules.governance.indicators.IndicatorReport.Wait;
import org.mskrules.msk.AgeBand;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.EthnicCategory;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ReferralJson;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.Sex;
import org.mskrules.msk.waitinglist.WaitingListEntry;

/** The indicators on small hand-made inputs whose every figure is worked out in the test. */
class IndicatorsTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);
    final Indicators indicators = Indicators.builder().build();

    static DecisionRecord decision(String id, String ageBand, String sex, String ethnicCode, String escalation,
            String route, String destination, String category) {
        String group = ethnicCode == null ? null : EthnicCategory.fromCode(ethnicCode).group();
        List<DecisionRecord.Flag> flags = "NONE".equals(escalation) ? List.of()
                : List.of(new DecisionRecord.Flag("CAUDA_EQUINA_SYNDROME", escalation));
        return new DecisionRecord(id, ageBand, sex, group, ethnicCode, LocalDate.of(2026, 11, 1), escalation, flags, route,
                destination, category);
    }

    static Share share(IndicatorReport r, String id, String breakdown, String group, String measure) {
        return r.indicator(id).shares().stream()
                .filter(s -> s.breakdown().equals(breakdown) && s.group().equals(group) && s.measure().equals(measure))
                .findFirst().orElseThrow(() -> new AssertionError(id + " " + breakdown + " " + group + " " + measure));
    }

    static Wait waitOf(IndicatorReport r, String breakdown, String group, String category) {
        return r.indicator("I3").waits().stream()
                .filter(w -> w.breakdown().equals(breakdown) && w.group().equals(group) && w.category().equals(category))
                .findFirst().orElseThrow();
    }

    @Test
    void disclosureSuppressesOneToSevenAndRoundsTheRestToFive() {
        Disclosure d = Disclosure.NHS_DIGITAL;
        assertThat(d.publish(0)).isZero();
        for (int n = 1; n <= 7; n++) {
            assertThat(d.publish(n)).as("count " + n).isNull();
        }
        assertThat(d.publish(8)).isEqualTo(10);
        assertThat(d.publish(12)).isEqualTo(10);
        assertThat(d.publish(13)).isEqualTo(15);
        assertThat(d.percent(8, 20)).as("10 of 20").isEqualTo(50);
        assertThat(d.percent(3, 20)).as("numerator suppressed").isNull();
        assertThat(d.percent(0, 5)).as("denominator suppressed").isNull();
        assertThat(d.percent(0, 20)).isZero();
        assertThat(Disclosure.NONE.publish(3)).isEqualTo(3);
    }

    @Test
    void sharesAreCountedPerGroupAndSmallGroupsAreSuppressed() {
        List<DecisionRecord> log = new ArrayList<>();
        // 12 women aged 45-54, White British: 9 routine secondary care, 3 self-management.
        for (int i = 0; i < 12; i++) {
            log.add(decision("F" + i, "45-54", "FEMALE", "A", "NONE", i < 9 ? "SECONDARY_CARE" : "SUPPORTED_SELF_MANAGEMENT",
                    null, "NON_PRIORITY"));
        }
        // 5 men, ethnic category not given: 2 emergencies on the red-flag pathway, 3 to imaging.
        for (int i = 0; i < 5; i++) {
            log.add(decision("M" + i, "65-74", "MALE", null, i < 2 ? "EMERGENCY" : "NONE",
                    i < 2 ? "RED_FLAG_PATHWAY" : "COMMUNITY_MSK_TRIAGE", i < 2 ? "EMERGENCY_DEPARTMENT" : "DIRECT_ACCESS_IMAGING",
                    "NON_PRIORITY"));
        }
        IndicatorReport r = indicators.compute(log, 0, List.of(), 0, AS_OF);
        // All 17: any secondary care 11 -> 10, of 17 -> 15, 67 %.
        assertThat(share(r, "I4", "all", "all decisions", "any")).isEqualTo(
                new Share("all", "all decisions", "any", 10L, 15L, 67L));
        assertThat(share(r, "I4", "all", "all decisions", "routine").count()).as("9 -> 10").isEqualTo(10);
        assertThat(share(r, "I4", "all", "all decisions", "emergency").count()).as("2 suppressed").isNull();
        assertThat(share(r, "I4", "sex", "FEMALE", "routine")).isEqualTo(new Share("sex", "FEMALE", "routine", 10L, 10L, 100L));
        Share men = share(r, "I4", "sex", "MALE", "emergency");
        assertThat(men.suppressed()).as("a group of 5").isTrue();
        assertThat(men.percent()).isNull();
        assertThat(share(r, "I4", "sex", "INDETERMINATE", "any")).isEqualTo(new Share("sex", "INDETERMINATE", "any", 0L, 0L, null));
        assertThat(share(r, "I5", "ethnic group", "not given", "investigation").suppressed()).isTrue();
        assertThat(share(r, "I5", "all", "all decisions", "investigation").count()).as("3 suppressed").isNull();
        assertThat(share(r, "ROUTE", "ethnic group", "White", "SECONDARY_CARE")).isEqualTo(
                new Share("ethnic group", "White", "SECONDARY_CARE", 10L, 10L, 100L));
        assertThat(share(r, "I10", "all", "all decisions", "ethnic category stated (A to S)").count()).as("12 -> 10").isEqualTo(10);
        assertThat(share(r, "RF", "all", "all decisions", "any red flag, highest level EMERGENCY").count()).isNull();
        assertThat(share(r, "I4", "age band", "45-54", "urgent").count()).isZero();
    }

    @Test
    void withoutDisclosureControlEveryFigureIsExact() {
        List<DecisionRecord> log = List.of(
                decision("A", "45-54", "FEMALE", "H", "URGENT", "RED_FLAG_PATHWAY", "SUSPECTED_CANCER_PATHWAY", "PRIORITY"),
                decision("B", "45-54", "FEMALE", "H", "SOON", "RED_FLAG_PATHWAY", "PRIMARY_CARE_INVESTIGATIONS", "NON_PRIORITY"),
                decision("C", "45-54", "FEMALE", "H", "NONE", "SUPPORTED_SELF_MANAGEMENT", null, "NON_PRIORITY"));
        IndicatorReport r = Indicators.builder().disclosure(Disclosure.NONE).build().compute(log, 0, List.of(), 0, AS_OF);
        // A red flag sent to investigations is an investigation (I5), not a referral to secondary care (I4).
        assertThat(share(r, "I4", "all", "all decisions", "urgent")).isEqualTo(new Share("all", "all decisions", "urgent", 1L, 3L, 33L));
        assertThat(share(r, "I5", "ethnic group", "Asian or Asian British", "investigation").count()).isEqualTo(1);
        assertThat(share(r, "RF", "all", "all decisions", "CAUDA_EQUINA_SYNDROME SOON").count()).isEqualTo(1);
        assertThat(share(r, "RF", "all", "all decisions", "any red flag, highest level URGENT").count()).isEqualTo(1);
    }

    @Test
    void completedWaitsHaveMedianAndNinetiethPercentileByNearestRankAndFewerThanEightAreSuppressed() {
        List<WaitingListEntry> entries = new ArrayList<>();
        LocalDate received = LocalDate.of(2026, 9, 1);
        int[] priorityDays = {3, 5, 8, 10, 12, 14, 20, 30, 40, 60};
        for (int i = 0; i < priorityDays.length; i++) {
            entries.add(new WaitingListEntry("P" + i, PriorityCategory.PRIORITY, received, received.plusDays(priorityDays[i]),
                    null, AgeBand.AGE_45_54, Sex.FEMALE, EthnicCategory.WHITE_BRITISH));
        }
        for (int i = 0; i < 3; i++) {
            entries.add(new WaitingListEntry("N" + i, PriorityCategory.NON_PRIORITY, received, received.plusDays(50), null));
        }
        entries.add(WaitingListEntry.of("STILL-WAITING", PriorityCategory.PRIORITY, received));
        entries.add(new WaitingListEntry("BOOKED", PriorityCategory.PRIORITY, received, AS_OF.plusDays(1), null));
        IndicatorReport r = indicators.compute(List.of(), 0, entries, 0, AS_OF);
        // 10 values: median = 5th (12), p90 = 9th (40); count 10 published as 10.
        assertThat(waitOf(r, "all", "all completed waits", "PRIORITY")).isEqualTo(
                new Wait("all", "all completed waits", "PRIORITY", 10L, 12L, 40L));
        assertThat(waitOf(r, "all", "all completed waits", "NON_PRIORITY").suppressed()).as("3 waits").isTrue();
        assertThat(waitOf(r, "all", "all completed waits", "NON_PRIORITY").medianDays()).isNull();
        assertThat(waitOf(r, "ethnic group", "White", "PRIORITY").medianDays()).isEqualTo(12);
        assertThat(waitOf(r, "sex", "not given", "NON_PRIORITY").completed()).isNull();
        assertThat(r.inputs().waitingListEntries()).isEqualTo(15);
    }

    @Test
    void waitsLinkedToADecisionAreReportedByItsUrgencyFromTheReferralDate() {
        List<DecisionRecord> log = new ArrayList<>();
        List<WaitingListEntry> entries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            log.add(decision("L" + i, "45-54", "FEMALE", null, "NONE", "COMMUNITY_MSK_THERAPY", null, "PRIORITY"));
            // Referral date 1 November; received 5 November; seen 10 + i November: 9 + i days from the referral date.
            entries.add(new WaitingListEntry("L" + i, PriorityCategory.PRIORITY, LocalDate.of(2026, 11, 5),
                    LocalDate.of(2026, 11, 10 + i), null));
        }
        IndicatorReport r = indicators.compute(log, 0, entries, 0, AS_OF);
        Wait linked = waitOf(r, "urgency (linked decisions, from referral date)", "all linked waits", "PRIORITY");
        // Days 9..16: median = 4th (12), p90 = 8th (16).
        assertThat(linked).isEqualTo(new Wait(linked.breakdown(), linked.group(), "PRIORITY", 10L, 12L, 16L));
        assertThat(r.inputs().linkedEntries()).isEqualTo(8);
        // Grouping of an entry without its own fields comes from the linked decision.
        assertThat(waitOf(r, "age band", "45-54", "PRIORITY").completed()).isEqualTo(10);
    }

    @Test
    void theDecisionLogCountsErrorLinesAndRefusesALogWithAnyBadLineNamingEach() {
        String good = "{\"line\":1,\"decision\":{\"escalation\":\"NONE\",\"redFlags\":[],\"priority\":{\"category\":"
                + "\"NON_PRIORITY\"},\"route\":{\"route\":\"COMMUNITY_MSK_THERAPY\"},\"grouping\":{\"ageBand\":\"18-24\","
                + "\"sex\":\"MALE\",\"referralDate\":\"2026-11-01\",\"ethnicCategory\":\"N\"}}}";
        String error = "{\"line\":2,\"error\":{\"violations\":[]}}";
        DecisionLog.Read read = DecisionLog.read(bytes(good + "\n" + error + "\n\n"), "log");
        assertThat(read.decisions()).hasSize(1);
        assertThat(read.decisions().get(0).ethnicGroup()).isEqualTo("Black or Black British");
        assertThat(read.errorLines()).isEqualTo(1);
        assertThatThrownBy(() -> DecisionLog.read(bytes(good + "\nnot json\n{\"route\":{}}\n"), "log"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(v -> v.message())
                        .containsExactly("log line 2 is not JSON", "log line 3 is not an assessment: it needs escalation,"
                                + " redFlags, priority.category and route.route"));
    }

    @Test
    void theExampleReferralsGiveADecisionLogTheIndicatorsRead(@TempDir Path dir) throws Exception {
        MskRules rules = MskRules.builder().ruleSetVersion("1.0.0").build();
        LocalDate asOf = LocalDate.of(2026, 11, 23);
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (String json : Files.readAllLines(Path.of("../examples/indicator-referrals.jsonl"))) {
            n++;
            Referral referral = ReferralJson.read(json, asOf);
            Assessment a = rules.assess(referral, asOf, ServiceProfile.NATIONAL);
            lines.add("{\"line\":" + n + ",\"decision\":" + Json.writer().writeValueAsString(a) + "}");
        }
        Path log = dir.resolve("decisions.jsonl");
        Files.write(log, lines);
        IndicatorReport r = Indicators.builder().disclosure(Disclosure.NONE).build().compute(log, List.of(), asOf);
        assertThat(r.inputs().decisions()).isEqualTo(n);
        long routes = r.indicator("ROUTE").shares().stream().filter(s -> s.breakdown().equals("all"))
                .mapToLong(Share::count).sum();
        assertThat(routes).as("every decision has one route").isEqualTo(n);
        assertThat(share(r, "I10", "all", "all decisions", "age band recorded").count()).isEqualTo(n);
        String text = IndicatorText.of(r);
        assertThat(text).contains("I3", "I4", "I5", "I10", "needs: PROM scores")
                .contains("Disclosure control: no count suppressed, counts rounded to the nearest 1;")
                .doesNotContain("counts 1 to 0");
        assertThat(IndicatorText.of(Indicators.builder().disclosure(Disclosure.NHS_DIGITAL).build().compute(log, List.of(), asOf)))
                .contains("Disclosure control: counts 1 to 7 shown as *, other counts rounded to the nearest 5;");
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
