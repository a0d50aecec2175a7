package org.mskrules.governance.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
                destination, category, null, new DecisionRecord.MadeBy("msk-referral", "1.0.0", "sha256:" + "0".repeat(64)));
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
    void aThresholdThatLetsACountAbove0RoundTo0IsRefused() {
        // Rounding to 5 (halves up): 1 and 2 round to 0, 3 to 5; so counts 1 and 2 must be suppressed.
        assertThatThrownBy(() -> new Disclosure(1, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be at least 3");
        assertThatThrownBy(() -> new Disclosure(2, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Disclosure(3, 5).publish(3)).isEqualTo(5L);
        assertThat(new Disclosure(3, 5).publish(2)).isNull();
        // Rounding to 4: 1 rounds to 0, 2 (a half) up to 4.
        assertThatThrownBy(() -> new Disclosure(1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Disclosure(2, 4).publish(2)).isEqualTo(4L);
        // Rounding to 2: 1 is a half and rounds up to 2; nothing needs suppressing.
        assertThat(new Disclosure(1, 2).publish(1)).isEqualTo(2L);
        assertThat(Disclosure.minimumSuppressBelow(5)).isEqualTo(3);
        assertThat(Disclosure.minimumSuppressBelow(1)).isEqualTo(1);
    }

    @Test
    void theHeadersTotalsAreRoundedSoASuppressedCellCannotBeRecoveredBySubtraction() {
        // The reviewer's case: 8 self-management decisions with no ethnic category, 1 cauda equina
        // emergency of ethnic category M (Black or Black British). 9 decisions in all.
        List<DecisionRecord> log = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            log.add(decision("S" + i, "45-54", "FEMALE", null, "NONE", "SUPPORTED_SELF_MANAGEMENT", null, "NON_PRIORITY"));
        }
        log.add(decision("E", "45-54", "FEMALE", "M", "EMERGENCY", "RED_FLAG_PATHWAY", "EMERGENCY_DEPARTMENT", "NON_PRIORITY"));
        IndicatorReport r = indicators.compute(log, 0, List.of(), List.of(), AS_OF);
        // Black: 1, suppressed. Not given: 8 -> 10. Total 9 -> 10, not 9: 10 - 10 = 0 is not the cell.
        assertThat(share(r, "ROUTE", "ethnic group", "Black or Black British", "RED_FLAG_PATHWAY").denominator()).isNull();
        assertThat(share(r, "ROUTE", "ethnic group", "not given", "SUPPORTED_SELF_MANAGEMENT").denominator()).isEqualTo(10L);
        assertThat(r.inputs().decisions()).isEqualTo(10L);
        assertThat(r.inputs().madeBy()).singleElement().satisfies(m -> assertThat(m.decisions()).isEqualTo(10L));
        assertThat(r.inputs().waitingListEntries()).isEqualTo(0L);
        String header = String.join("\n", IndicatorText.inputs(r));
        assertThat(header).contains("Read: 10 decisions, 0 not decided").contains(": 10 decisions").doesNotContain("9");
        // Two error lines: suppressed in the header and in the warning.
        IndicatorReport errors = indicators.compute(log, 2, List.of(), List.of(), AS_OF);
        assertThat(errors.inputs().errorLines()).isNull();
        assertThat(String.join("\n", IndicatorText.inputs(errors))).contains(", * not decided");
        assertThat(errors.inputs().warnings()).contains(
                "lines of the log that are errors (referrals not decided), counted in no indicator: *");
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
        IndicatorReport r = indicators.compute(log, 0, List.of(), List.of(), AS_OF);
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
        IndicatorReport r = Indicators.builder().disclosure(Disclosure.NONE).build().compute(log, 0, List.of(), List.of(), AS_OF);
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
        IndicatorReport r = indicators.compute(List.of(), 0, entries, List.of(), AS_OF);
        // 10 values: median = 5th (12), p90 = 9th (40); count 10 published as 10.
        assertThat(waitOf(r, "all", "all completed waits", "PRIORITY")).isEqualTo(
                new Wait("all", "all completed waits", "PRIORITY", 10L, 12L, 40L));
        assertThat(waitOf(r, "all", "all completed waits", "NON_PRIORITY").suppressed()).as("3 waits").isTrue();
        assertThat(waitOf(r, "all", "all completed waits", "NON_PRIORITY").medianDays()).isNull();
        assertThat(waitOf(r, "ethnic group", "White", "PRIORITY").medianDays()).isEqualTo(12);
        assertThat(waitOf(r, "sex", "not given", "NON_PRIORITY").completed()).isNull();
        assertThat(r.inputs().waitingListEntries()).isEqualTo(15L);
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
        IndicatorReport r = indicators.compute(log, 0, entries, List.of(), AS_OF);
        Wait linked = waitOf(r, "urgency (linked decisions, from referral date)", "all linked waits", "PRIORITY");
        // Days 9..16: median = 4th (12), p90 = 8th (16).
        assertThat(linked).isEqualTo(new Wait(linked.breakdown(), linked.group(), "PRIORITY", 10L, 12L, 16L));
        assertThat(r.inputs().linkedEntries()).as("8 linked, rounded to 10 in the header as in a cell").isEqualTo(10L);
        // Grouping of an entry without its own fields comes from the linked decision.
        assertThat(waitOf(r, "age band", "45-54", "PRIORITY").completed()).isEqualTo(10);
    }

    /** The decision on the first example referral by {@code version}, as a line of assess output. */
    static ObjectNode decisionLine(int line, String version) throws Exception {
        LocalDate asOf = LocalDate.of(2026, 11, 23);
        String json = Files.readAllLines(Path.of("../examples/indicator-referrals.jsonl")).get(0);
        Assessment a = MskRules.builder().ruleSetVersion(version).build()
                .assess(ReferralJson.read(json, asOf), asOf, ServiceProfile.NATIONAL);
        ObjectNode node = Json.newMapper().createObjectNode();
        node.put("line", line);
        node.set("decision", Json.newMapper().valueToTree(a));
        return node;
    }

    static final String ERROR_LINE = "{\"line\":2,\"error\":{\"violations\":[{\"path\":\"/ageYears\","
            + "\"code\":\"REQUIRED\",\"message\":\"missing\"}]}}";

    @Test
    void theDecisionLogCountsErrorLinesAndRefusesALogWithAnyBadLineNamingEach() throws Exception {
        String good = decisionLine(1, "1.0.0").toString();
        DecisionLog.Read read = DecisionLog.read(bytes(good + "\n" + ERROR_LINE + "\n\n"), "log");
        assertThat(read.decisions()).hasSize(1);
        // The first example referral gives ethnic category A: White.
        assertThat(read.decisions().get(0).ethnicGroup()).isEqualTo("White");
        assertThat(read.decisions().get(0).madeBy().version()).isEqualTo("1.0.0");
        assertThat(read.errorLines()).isEqualTo(1);
        assertThatThrownBy(() -> DecisionLog.read(bytes(good + "\nnot json\n{\"route\":{}}\n"), "log"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .allMatch(v -> v.message().startsWith("log line 2 is not JSON") || v.message().startsWith("log line 3: "))
                        .extracting(v -> v.path() + " " + v.code())
                        .contains(" MALFORMED_JSON", "/escalation REQUIRED", "/route/route REQUIRED", "/trace REQUIRED"));
    }

    @Test
    void everyValueAnIndicatorReadsIsCheckedAndEveryProblemOfALineIsNamedWithItsPointer() throws Exception {
        ObjectNode bad = decisionLine(3, "1.0.0");
        ObjectNode d = (ObjectNode) bad.get("decision");
        d.put("escalation", "BANANA");
        ((ObjectNode) d.get("route")).put("route", "NOWHERE");
        ((ObjectNode) d.get("grouping")).put("ageBand", "200+");
        ((ObjectNode) d.get("grouping")).put("sex", "F");
        ((ObjectNode) d.get("grouping")).put("ethnicCategory", "Q");
        ((ObjectNode) d.get("grouping")).put("referralDate", "2026-02-30");
        ((ObjectNode) d.get("priority")).put("category", "SOONISH");
        ((ObjectNode) d.get("redFlags").get(0)).put("condition", "GOUT").put("level", "PURPLE");
        ((ObjectNode) d.get("trace")).put("version", "one");
        d.put("pathwayStage", "NOWHERE");
        String log = decisionLine(1, "1.0.0") + "\n" + ERROR_LINE + "\n" + bad + "\n";
        assertThatThrownBy(() -> DecisionLog.read(bytes(log), "log"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    List<org.mskrules.core.Violation> v = ((InvalidInputException) e).violations();
                    // Ten values changed by hand above, each named at its own pointer, on line 3.
                    assertThat(v).allMatch(x -> x.message().startsWith("log line 3: "));
                    assertThat(v).extracting(org.mskrules.core.Violation::path).contains("/decision/escalation",
                            "/decision/route/route", "/decision/grouping/ageBand", "/decision/grouping/sex",
                            "/decision/grouping/ethnicCategory", "/decision/grouping/referralDate",
                            "/decision/priority/category", "/decision/redFlags/0/condition",
                            "/decision/redFlags/0/level", "/decision/trace/version", "/decision/pathwayStage");
                });
        ObjectNode emptyFlag = decisionLine(1, "1.0.0");
        ((com.fasterxml.jackson.databind.node.ArrayNode) emptyFlag.get("decision").get("redFlags")).set(0,
                Json.newMapper().createObjectNode());
        assertThatThrownBy(() -> DecisionLog.read(bytes(emptyFlag.toString()), "log"))
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .extracting(x -> x.path() + " " + x.code())
                        .contains("/decision/redFlags/0/condition REQUIRED", "/decision/redFlags/0/level REQUIRED"));
    }

    @Test
    void theReportSaysWhichVersionsMadeTheDecisionsAndWarnsOfMixedVersionsRepeatsAndErrors(@TempDir Path dir)
            throws Exception {
        // Two decisions on IND-0001 by 1.0.0, one by 1.1.0, one error line.
        Path log = dir.resolve("mixed.jsonl");
        Files.writeString(log, decisionLine(1, "1.0.0") + "\n" + ERROR_LINE + "\n" + decisionLine(3, "1.1.0") + "\n"
                + decisionLine(4, "1.0.0") + "\n");
        IndicatorReport r = Indicators.builder().disclosure(Disclosure.NONE).build().compute(log, List.of(), AS_OF);
        assertThat(r.inputs().decisions()).isEqualTo(3L);
        assertThat(r.inputs().errorLines()).isEqualTo(1L);
        assertThat(r.inputs().madeBy()).extracting(m -> m.version() + " " + m.decisions())
                .containsExactly("1.0.0 2", "1.1.0 1");
        assertThat(r.inputs().madeBy()).allMatch(m -> m.ruleSetId().equals("msk-referral")
                && m.contentHash().matches("sha256:[0-9a-f]{64}"));
        assertThat(r.inputs().referralsDecidedMoreThanOnce()).isEqualTo(1L);
        assertThat(r.inputs().warnings()).hasSize(3);
        assertThat(r.inputs().warnings().get(0)).startsWith("the decisions were made by 2 different rule-set versions");
        assertThat(r.inputs().warnings().get(1)).startsWith("referral ids with more than one decision (for example one at each pathway stage): 1;");
        assertThat(r.inputs().warnings().get(2)).isEqualTo("lines of the log that are errors (referrals not decided), counted in no indicator: 1");
        String text = IndicatorText.of(r);
        assertThat(text).contains("Read: 3 decisions, 1 not decided", "WARNING: the decisions were made by 2",
                "msk-referral 1.0.0 (sha256:", ": 2 decisions; msk-referral 1.1.0");

        Path one = dir.resolve("one.jsonl");
        Files.writeString(one, decisionLine(1, "1.0.0") + "\n");
        IndicatorReport single = Indicators.builder().disclosure(Disclosure.NONE).build().compute(one, List.of(), AS_OF);
        assertThat(single.inputs().warnings()).isEmpty();
        assertThat(single.inputs().madeBy()).hasSize(1);
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
            lines.add("{\"line\":" + n + ",\"decision\":" + Json.writeValueAsString(a) + "}");
        }
        Path log = dir.resolve("decisions.jsonl");
        Files.write(log, lines);
        IndicatorReport r = Indicators.builder().disclosure(Disclosure.NONE).build().compute(log, List.of(), asOf);
        assertThat(r.inputs().decisions()).isEqualTo((long) n);
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
