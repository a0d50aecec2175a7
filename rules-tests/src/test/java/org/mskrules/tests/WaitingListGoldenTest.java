package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mskrules.core.io.Json;
import org.mskrules.core.Violation;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.waitinglist.BandCount;
import org.mskrules.msk.waitinglist.EntryFormat;
import org.mskrules.msk.waitinglist.EntryReview;
import org.mskrules.msk.waitinglist.MilestoneCheck;
import org.mskrules.msk.waitinglist.RecoveryPlanReason;
import org.mskrules.msk.waitinglist.RejectedEntry;
import org.mskrules.msk.waitinglist.ReviewNote;
import org.mskrules.msk.waitinglist.ReviewSummary;
import org.mskrules.msk.waitinglist.ValidationReason;
import org.mskrules.msk.waitinglist.WaitingListEntry;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * Runs every waiting-list golden case in {@code golden/waiting-list/} (format:
 * {@link WaitingListGoldenCase}), one dynamic test per file. Each expectation a case states is
 * asserted, softly, so that one run shows every difference; per-entry results of in-memory lists
 * are also checked against the entry's membership of the review's lists.
 */
class WaitingListGoldenTest {
    static final String FOLDER = "golden/waiting-list";
    /** Service profile paths in cases are relative to the repository root; tests run in rules-tests. */
    static final Path REPOSITORY_ROOT = Path.of("..");
    private static final ObjectMapper JSON = Json.newMapper();
    private static final Map<String, WaitingListRules> RULES = new ConcurrentHashMap<>();

    static List<WaitingListGoldenCase> cases() {
        try {
            Path dir = Path.of(Objects.requireNonNull(WaitingListGoldenTest.class.getClassLoader().getResource(FOLDER),
                    FOLDER).toURI());
            List<WaitingListGoldenCase> cases = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    WaitingListGoldenCase c;
                    try {
                        c = JSON.readValue(file.toFile(), WaitingListGoldenCase.class);
                    } catch (IOException e) {
                        throw new IllegalStateException("golden case [" + file.getFileName() + "] cannot be read: "
                                + e.getMessage(), e);
                    }
                    String fileName = file.getFileName().toString().replace(".json", "");
                    if (!fileName.equals(c.name())) {
                        throw new IllegalStateException("golden case [" + file + "] has name [" + c.name() + "]");
                    }
                    cases.add(c);
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static WaitingListRules rules(WaitingListGoldenCase c) {
        String key = c.ruleSetVersion() + "|" + c.parameters() + "|" + c.profile();
        return RULES.computeIfAbsent(key, k -> builder(c).build());
    }

    /** A builder with the case's version (if it names one), parameter overrides and service profile. */
    static WaitingListRules.Builder builder(WaitingListGoldenCase c) {
        WaitingListRules.Builder b = WaitingListRules.builder();
        if (c.ruleSetVersion() != null) {
            b.ruleSetVersion(c.ruleSetVersion());
        }
        if (c.parameters() != null) {
            b.parameters(c.parameters());
        }
        if (c.profile() != null) {
            b.serviceProfile(profile(c.profile()));
        }
        return b;
    }

    static ServiceProfile profile(JsonNode profile) {
        if (profile.isTextual()) {
            return ServiceProfile.read(REPOSITORY_ROOT.resolve(profile.asText()));
        }
        if (profile.isObject()) {
            return ServiceProfile.read(new ByteArrayInputStream(profile.toString().getBytes(StandardCharsets.UTF_8)));
        }
        throw new IllegalArgumentException("profile must be a JSON object or a path, not " + profile);
    }

    /** Checks that a case is well formed: one form of list, and the expectations every case states. */
    static void checkShape(WaitingListGoldenCase c) {
        long forms = Stream.of(c.entries(), c.csv(), c.jsonl()).filter(Objects::nonNull).count();
        assertThat(forms).as("%s gives exactly one of entries, csv, jsonl", c.name()).isEqualTo(1);
        assertThat(c.description()).as("%s has a description", c.name()).isNotBlank();
        assertThat(c.asOf()).as("%s has asOf", c.name()).isNotNull();
        assertThat(c.expected()).as("%s has expectations", c.name()).isNotNull();
        assertThat(c.expected().summary()).as("%s states the summary", c.name()).isNotNull();
        assertThat(c.expected().recoveryPlan()).as("%s states the recovery plan", c.name()).isNotNull();
        assertThat(c.expected().recoveryPlan().status()).as("%s states the recovery-plan status", c.name()).isNotNull();
        assertThat(c.expected().recoveryPlan().reasons()).as("%s states the recovery-plan reasons", c.name()).isNotNull();
        if (c.expected().entries() != null && c.entries() == null) {
            // File cases: per-entry results are found in the review's lists, which hold waiting entries only.
            c.expected().entries().values().forEach(e -> assertThat(e.status())
                    .as("%s: per-entry expectations of a file case are for waiting entries", c.name())
                    .isNotEqualTo(org.mskrules.msk.waitinglist.EntryStatus.SEEN));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyWaitingListGoldenCaseGivesTheReviewTheGuidanceExpects() {
        List<WaitingListGoldenCase> cases = cases();
        assertThat(cases).as("waiting-list golden cases").isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            checkShape(c);
            check(c, rules(c), true).assertAll();
        }));
    }

    /**
     * The case's expectations of the review {@code rules} makes, collected rather than thrown. With
     * {@code checkTrace} false the trace expectation ({@code firedRules}) is left out, as a
     * rule-mutation run needs: a rule that only shows in the trace carries no load.
     */
    static SoftAssertions check(WaitingListGoldenCase c, WaitingListRules rules, boolean checkTrace) {
        try {
            return checkOrThrow(c, rules, checkTrace);
        } catch (RuntimeException | IOException e) {
            SoftAssertions soft = new SoftAssertions();
            soft.fail(c.name() + ": the review failed: " + e);
            return soft;
        }
    }

    /** The case's in-memory entries, or {@code null} if it gives its list as CSV or JSON Lines. */
    static List<WaitingListEntry> entries(WaitingListGoldenCase c) throws IOException {
        if (c.entries() == null) {
            return null;
        }
        List<WaitingListEntry> entries = new ArrayList<>();
        for (JsonNode node : c.entries()) {
            entries.add(JSON.treeToValue(node, WaitingListEntry.class));
        }
        return entries;
    }

    /** The review {@code rules} make of the case's list, in whichever form the case gives it. */
    static WaitingListReview review(WaitingListGoldenCase c, WaitingListRules rules) throws IOException {
        List<WaitingListEntry> entries = entries(c);
        if (entries != null) {
            return rules.review(entries, c.asOf());
        }
        boolean csv = c.csv() != null;
        String text = String.join("\n", csv ? c.csv() : c.jsonl()) + "\n";
        return rules.review(new StringReader(text), csv ? EntryFormat.CSV : EntryFormat.JSON_LINES, c.asOf());
    }

    private static SoftAssertions checkOrThrow(WaitingListGoldenCase c, WaitingListRules rules, boolean checkTrace)
            throws IOException {
        List<WaitingListEntry> entries = entries(c);
        WaitingListReview review = review(c, rules);
        WaitingListGoldenCase.Expected e = c.expected();
        String n = c.name();
        SoftAssertions soft = new SoftAssertions();

        summary(soft, n, review.summary(), e.summary());
        soft.assertThat(review.rejected()).as("%s: rejected entries against the summary", n)
                .hasSize((int) review.summary().rejected());

        soft.assertThat(review.recoveryPlan().status()).as("%s: recovery-plan status", n).isEqualTo(e.recoveryPlan().status());
        soft.assertThat(review.recoveryPlan().reasons()).extracting(RecoveryPlanReason::ruleId)
                .as("%s: recovery-plan reasons", n).containsExactlyInAnyOrderElementsOf(e.recoveryPlan().reasons());
        if (e.recoveryPlan().entries() != null) {
            e.recoveryPlan().entries().forEach((ruleId, count) -> soft.assertThat(review.recoveryPlan().reasons())
                    .filteredOn(r -> r.ruleId().equals(ruleId)).extracting(RecoveryPlanReason::entries)
                    .as("%s: entries counted by %s", n, ruleId).containsExactly(count));
        }
        Map<String, Long> local = new java.util.TreeMap<>();
        review.recoveryPlan().localStandard().forEach(b -> local.put(b.ruleId(), b.entries()));
        soft.assertThat(local).as("%s: waits reported over the local standard (none unless the case states them)", n)
                .isEqualTo(e.recoveryPlan().localStandard() == null ? Map.of() : e.recoveryPlan().localStandard());
        soft.assertThat(review.recoveryPlan().actions().isEmpty()).as("%s: recovery-plan actions only when required", n)
                .isEqualTo(!review.recoveryPlan().required());

        if (e.thresholdDays() != null) {
            e.thresholdDays().forEach((category, days) -> soft.assertThat(review.policy().threshold(category).appliedDays())
                    .as("%s: applied %s threshold", n, category).isEqualTo(days));
        }
        if (e.bandCounts() != null) {
            bandCounts(soft, n, review.bandCounts(), e.bandCounts());
        }
        if (e.milestonesChecked() != null) {
            soft.assertThat(review.milestones()).extracting(m -> m.milestone().ruleId())
                    .as("%s: milestones checked", n).containsExactlyInAnyOrderElementsOf(e.milestonesChecked());
        }
        if (e.milestones() != null) {
            e.milestones().forEach((id, m) -> milestone(soft, n, review, id, m));
        }
        for (MilestoneCheck m : review.milestones()) {
            soft.assertThat(m.breachingCount()).as("%s: breaching count of %s", n, m.milestone().ruleId())
                    .isEqualTo(m.breaching().size());
        }
        if (e.overThreshold() != null) {
            soft.assertThat(ids(review.overThreshold())).as("%s: over threshold", n).containsExactlyElementsOf(e.overThreshold());
        }
        if (e.validationCohort() != null) {
            soft.assertThat(ids(review.validationCohort())).as("%s: validation cohort", n)
                    .containsExactlyElementsOf(e.validationCohort());
        }
        if (e.validationOutcomes() != null) {
            soft.assertThat(ids(review.validationOutcomes())).as("%s: validation outcomes", n)
                    .containsExactlyElementsOf(e.validationOutcomes());
        }
        if (e.rejected() != null) {
            rejected(soft, n, review.rejected(), e.rejected());
        }
        if (e.notes() != null) {
            soft.assertThat(review.policy().notes()).extracting(ReviewNote::ruleId).as("%s: review notes", n)
                    .containsExactlyInAnyOrderElementsOf(e.notes());
        }
        if (checkTrace && e.firedRules() != null) {
            soft.assertThat(review.trace().firedRuleIds()).as("%s: rules fired", n).containsAll(e.firedRules());
        }
        if (e.entries() != null) {
            for (Map.Entry<String, WaitingListGoldenCase.EntryExpected> x : e.entries().entrySet()) {
                EntryReview r;
                if (entries != null) {
                    r = entryOnItsOwn(soft, n, rules, c, review, entries, x.getKey());
                } else {
                    r = entryFromLists(review, x.getKey()).orElse(null);
                    soft.assertThat(r).as("%s: waiting entry %s in one of the review's lists", n, x.getKey()).isNotNull();
                }
                if (r != null) {
                    entry(soft, n, r, x.getValue());
                }
            }
        }
        return soft;
    }

    private static void summary(SoftAssertions soft, String n, ReviewSummary s, WaitingListGoldenCase.Summary e) {
        expect(soft, n + ": summary.entriesIn", s.entriesIn(), e.entriesIn());
        expect(soft, n + ": summary.reviewed", s.reviewed(), e.reviewed());
        expect(soft, n + ": summary.rejected", s.rejected(), e.rejected());
        expect(soft, n + ": summary.waiting", s.waiting(), e.waiting());
        expect(soft, n + ": summary.seen", s.seen(), e.seen());
        expect(soft, n + ": summary.blankLines", s.blankLines(), e.blankLines());
    }

    private static void expect(SoftAssertions soft, String what, Object actual, Object expected) {
        if (expected != null) {
            soft.assertThat(actual).as(what).isEqualTo(expected);
        }
    }

    private static void bandCounts(SoftAssertions soft, String n, List<BandCount> actual, Map<String, List<Long>> expected) {
        soft.assertThat(actual).extracting(BandCount::band).as("%s: bands named in the case exist", n)
                .containsAll(expected.keySet());
        for (BandCount b : actual) {
            List<Long> want = expected.getOrDefault(b.band(), List.of(0L, 0L));
            soft.assertThat(want).as("%s: band %s counts are [priority, nonPriority]", n, b.band()).hasSize(2);
            if (want.size() == 2) {
                soft.assertThat(List.of(b.priority(), b.nonPriority())).as("%s: band %s [priority, nonPriority]", n, b.band())
                        .containsExactly(want.get(0), want.get(1));
            }
        }
    }

    private static void milestone(SoftAssertions soft, String n, WaitingListReview review, String id,
            WaitingListGoldenCase.MilestoneExpected e) {
        Optional<MilestoneCheck> found = review.milestones().stream().filter(m -> m.milestone().ruleId().equals(id)).findFirst();
        soft.assertThat(found).as("%s: milestone %s checked", n, id).isPresent();
        if (found.isEmpty()) {
            return;
        }
        MilestoneCheck m = found.get();
        expect(soft, n + ": " + id + " in force", m.inForce(), e.inForce());
        expect(soft, n + ": " + id + " status", m.status(), e.status());
        if (e.breaching() != null) {
            soft.assertThat(ids(m.breaching())).as("%s: entries breaching %s", n, id).containsExactlyElementsOf(e.breaching());
        }
    }

    private static void rejected(SoftAssertions soft, String n, List<RejectedEntry> actual,
            List<WaitingListGoldenCase.RejectedExpected> expected) {
        soft.assertThat(actual).extracting(RejectedEntry::line).as("%s: rejected lines", n)
                .containsExactlyElementsOf(expected.stream().map(WaitingListGoldenCase.RejectedExpected::line).toList());
        for (WaitingListGoldenCase.RejectedExpected x : expected) {
            Optional<RejectedEntry> r = actual.stream().filter(a -> a.line() == x.line()).findFirst();
            if (r.isEmpty()) {
                continue;
            }
            soft.assertThat(r.get().codes()).as("%s: codes of rejected line %s", n, x.line())
                    .containsExactlyInAnyOrderElementsOf(x.codes());
            if (x.paths() != null) {
                soft.assertThat(r.get().violations()).extracting(Violation::path).as("%s: paths of rejected line %s", n, x.line())
                        .containsExactlyInAnyOrderElementsOf(x.paths());
            }
            expect(soft, n + ": entry id of rejected line " + x.line(), r.get().entryId(), x.entryId());
        }
    }

    /**
     * Reviews the entry with {@code id} on its own and checks that result against the list review:
     * it must appear in exactly the lists its result puts it in, with the same result and its
     * position as its line.
     */
    private static EntryReview entryOnItsOwn(SoftAssertions soft, String n, WaitingListRules rules, WaitingListGoldenCase c,
            WaitingListReview review, List<WaitingListEntry> entries, String id) {
        int position = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (id.equals(entries.get(i).entryId())) {
                position = i + 1;
                break;
            }
        }
        soft.assertThat(position).as("%s: entry %s is in the case's list", n, id).isPositive();
        if (position < 0) {
            return null;
        }
        EntryReview r = rules.reviewEntry(entries.get(position - 1), c.asOf());
        Map<String, List<EntryReview>> lists = new LinkedHashMap<>();
        lists.put("longestWaits", review.longestWaits());
        lists.put("overThreshold", review.overThreshold());
        lists.put("validationCohort", review.validationCohort());
        lists.put("validationOutcomes", review.validationOutcomes());
        for (MilestoneCheck m : review.milestones()) {
            lists.put("breaching " + m.milestone().ruleId(), m.breaching());
        }
        Map<String, Boolean> belongs = new LinkedHashMap<>();
        belongs.put("overThreshold", r.waiting() && r.overThreshold());
        belongs.put("validationCohort", r.waiting() && r.validationDue());
        belongs.put("validationOutcomes", r.waiting() && r.validationOutcome() != null);
        for (MilestoneCheck m : review.milestones()) {
            belongs.put("breaching " + m.milestone().ruleId(), r.waiting() && r.milestoneBreaches().contains(m.milestone().ruleId()));
        }
        for (Map.Entry<String, List<EntryReview>> list : lists.entrySet()) {
            List<EntryReview> found = list.getValue().stream().filter(x -> x.entryId().equals(id)).toList();
            Boolean must = belongs.get(list.getKey());
            if (must != null) {
                soft.assertThat(!found.isEmpty()).as("%s: entry %s in %s", n, id, list.getKey()).isEqualTo(must);
            }
            if (!r.waiting()) {
                soft.assertThat(found).as("%s: seen entry %s in %s", n, id, list.getKey()).isEmpty();
            }
            for (EntryReview x : found) {
                soft.assertThat(x.line()).as("%s: line of %s in %s", n, id, list.getKey()).isEqualTo(position);
                soft.assertThat(withoutLine(x)).as("%s: %s in %s as reviewed on its own", n, id, list.getKey())
                        .isEqualTo(withoutLine(r));
            }
        }
        return r;
    }

    /** A waiting entry of a file case, found in whichever of the review's lists holds it. */
    private static Optional<EntryReview> entryFromLists(WaitingListReview review, String id) {
        List<EntryReview> all = new ArrayList<>(review.validationOutcomes());
        all.addAll(review.longestWaits());
        all.addAll(review.overThreshold());
        all.addAll(review.validationCohort());
        review.milestones().forEach(m -> all.addAll(m.breaching()));
        return all.stream().filter(r -> r.entryId().equals(id)).findFirst();
    }

    private static EntryReview withoutLine(EntryReview r) {
        return new EntryReview(0, r.entryId(), r.category(), r.received(), r.firstContact(), r.status(), r.daysWaited(),
                r.band(), r.overThreshold(), r.thresholdDays(), r.milestoneBreaches(), r.validationDue(),
                r.validationPointWeeks(), r.validationOutcome());
    }

    private static void entry(SoftAssertions soft, String n, EntryReview r, WaitingListGoldenCase.EntryExpected e) {
        String at = n + ": entry " + r.entryId() + " ";
        expect(soft, at + "status", r.status(), e.status());
        expect(soft, at + "daysWaited", r.daysWaited(), e.daysWaited());
        expect(soft, at + "band", r.band(), e.band());
        expect(soft, at + "overThreshold", r.overThreshold(), e.overThreshold());
        expect(soft, at + "thresholdDays", r.thresholdDays(), e.thresholdDays());
        expect(soft, at + "validationDue", r.validationDue(), e.validationDue());
        if (e.validationPointWeeks() != null) {
            soft.assertThat(r.validationPointWeeks()).as(at + "validationPointWeeks")
                    .isEqualTo(e.validationPointWeeks().isNull() ? null : e.validationPointWeeks().intValue());
        }
        if (e.validationDecision() != null) {
            soft.assertThat(r.validationOutcome() == null ? null : r.validationOutcome().decision().name())
                    .as(at + "validation decision")
                    .isEqualTo(e.validationDecision().isNull() ? null : e.validationDecision().asText());
        }
        if (e.validationReasons() != null) {
            soft.assertThat(r.validationOutcome() == null ? List.<String>of()
                            : r.validationOutcome().reasons().stream().map(ValidationReason::ruleId).toList())
                    .as(at + "validation reasons").containsExactlyInAnyOrderElementsOf(e.validationReasons());
        }
        if (e.milestoneBreaches() != null) {
            soft.assertThat(r.milestoneBreaches()).as(at + "milestone breaches")
                    .containsExactlyInAnyOrderElementsOf(e.milestoneBreaches());
        }
    }

    private static List<String> ids(List<EntryReview> reviews) {
        return reviews.stream().map(EntryReview::entryId).toList();
    }

    @Test
    void everyCaseFileIsStrictlyReadAndStatesWhatEveryCaseMust() {
        // cases() fails on any unknown field; checkShape on a missing summary or recovery plan.
        cases().forEach(WaitingListGoldenTest::checkShape);
    }

    @Test
    void unknownExpectationFieldsAreRejected() {
        String bad = """
                {"name": "x", "description": "d", "asOf": "2023-11-20", "entries": [],
                 "expected": {"summary": {"entriesIn": 0}, "recoveryPlan": {"status": "NOT_REQUIRED", "reasons": []},
                              "entries": {"A": {"daysWaitd": 3}}}}""";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JSON.readValue(bad, WaitingListGoldenCase.class))
                .hasMessageContaining("daysWaitd");
    }

    @Test
    void everyCategoryHasAThresholdExpectationSomewhere() {
        assertThat(cases()).filteredOn(c -> c.expected().thresholdDays() != null)
                .flatExtracting(c -> c.expected().thresholdDays().keySet())
                .contains(PriorityCategory.PRIORITY, PriorityCategory.NON_PRIORITY);
    }
}
