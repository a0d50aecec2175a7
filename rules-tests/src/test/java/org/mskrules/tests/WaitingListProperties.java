package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.waitinglist.Answer;
import org.mskrules.msk.waitinglist.BandCount;
import org.mskrules.msk.waitinglist.EntryFormat;
import org.mskrules.msk.waitinglist.EntryOutcome;
import org.mskrules.msk.waitinglist.EntryReview;
import org.mskrules.msk.waitinglist.EntryStatus;
import org.mskrules.msk.waitinglist.MilestoneCheck;
import org.mskrules.msk.waitinglist.MilestoneStatus;
import org.mskrules.msk.waitinglist.RecoveryPlanReason;
import org.mskrules.msk.waitinglist.RecoveryPlanStatus;
import org.mskrules.msk.waitinglist.RejectedEntry;
import org.mskrules.msk.waitinglist.ReviewNote;
import org.mskrules.msk.waitinglist.ValidationDecision;
import org.mskrules.msk.waitinglist.ValidationReason;
import org.mskrules.msk.waitinglist.ValidationRecord;
import org.mskrules.msk.waitinglist.WaitingListEntry;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;
import org.mskrules.tests.SyntheticWaitingLists.Sample;
import org.quicktheories.core.Gen;

/**
 * Invariants of the waiting-list review (msk-waiting-list 1.0.0, national service profile) over
 * synthetic lists ({@link SyntheticWaitingLists}): waits never shrink with time; a recovery plan is
 * required exactly when a waiting patient is over the national threshold; every entry is accounted
 * for; the review does not depend on the order of the list; bands, milestone breaches, thresholds
 * and the validation schedule agree with the specification written out here ({@link Spec}),
 * independently of the library; nobody is removable without the four answers removal needs; and a
 * list read from CSV or JSON Lines is reviewed as the same list in memory. Fixed seed, so that a
 * failure reproduces; one shared {@link WaitingListRules}.
 */
class WaitingListProperties {
    static final int EXAMPLES = 200;
    static final long SEED = 20_231_231L;
    /** Few: a list of 200 entries takes a while to shrink, and a failure names its seed. */
    static final int SHRINK_CYCLES = 20;

    static WaitingListRules rules;

    @BeforeAll
    static void load() {
        rules = WaitingListRules.builder().build();
    }

    // ------------------------------------------------------------------------------------ (a)

    @Test
    void aLaterEvaluationDateNeverShortensAWaitNorLowersItsBandOrThresholdStatus() {
        // A third of the steps are 0 to 3 days, so that band edges are crossed by a day.
        Gen<Integer> small = integers().between(0, 3);
        Gen<Integer> large = integers().between(0, 400);
        Gen<Integer> steps = in -> SyntheticWaitingLists.Draw.of(in).percent(33) ? small.generate(in) : large.generate(in);
        qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES).withFixedSeed(SEED).forAll(SyntheticWaitingLists.entries(), steps)
                .checkAssert((dated, k) -> {
                    EntryReview before = rules.reviewEntry(dated.entry(), dated.asOf());
                    EntryReview after = rules.reviewEntry(dated.entry(), dated.asOf().plusDays(k));
                    assertThat(after.daysWaited()).as("days waited on %s and %d days later", dated.asOf(), k)
                            .isBetween(before.daysWaited(), before.daysWaited() + k);
                    assertThat(Spec.bandOrder(after.band())).as("band %s, then %s", before.band(), after.band())
                            .isGreaterThanOrEqualTo(Spec.bandOrder(before.band()));
                    if (before.overThreshold()) {
                        assertThat(after.overThreshold()).as("over threshold %d days later", k).isTrue();
                    }
                    if (before.status() == EntryStatus.SEEN) {
                        assertThat(after.status()).isEqualTo(EntryStatus.SEEN);
                        assertThat(after.daysWaited()).as("a stopped clock").isEqualTo(before.daysWaited());
                    }
                    if (k == 0) {
                        assertThat(after).isEqualTo(before);
                    }
                });
    }

    // ------------------------------------------------------------------------------------ (b)

    @Test
    void aRecoveryPlanIsRequiredExactlyWhenAWaitingPatientIsOverTheNationalThreshold() {
        Map<RecoveryPlanStatus, Integer> seen = new EnumMap<>(RecoveryPlanStatus.class);
        qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES).withFixedSeed(SEED).forAll(SyntheticWaitingLists.mixedLists()).checkAssert(s -> {
            WaitingListReview review = rules.review(s.entries(), s.asOf());
            Set<Integer> rejected = Spec.rejectedPositions(s.entries(), s.asOf());
            long priorityOver = 0;
            long nonPriorityOver = 0;
            for (int i = 0; i < s.entries().size(); i++) {
                WaitingListEntry e = s.entries().get(i);
                if (rejected.contains(i + 1) || Spec.seen(e, s.asOf())) {
                    continue;
                }
                // National thresholds: priority over 14 days, non-priority over 84.
                long days = s.asOf().toEpochDay() - e.received().toEpochDay();
                if (e.category() == PriorityCategory.PRIORITY && days > 14) {
                    priorityOver++;
                } else if (e.category() == PriorityCategory.NON_PRIORITY && days > 84) {
                    nonPriorityOver++;
                }
            }
            boolean required = priorityOver + nonPriorityOver > 0;
            // An empty list is undetermined too: nothing shows it is within its thresholds.
            boolean empty = s.entries().isEmpty();
            RecoveryPlanStatus expected = required ? RecoveryPlanStatus.REQUIRED
                    : rejected.isEmpty() && !empty ? RecoveryPlanStatus.NOT_REQUIRED : RecoveryPlanStatus.UNDETERMINED;
            seen.merge(expected, 1, Integer::sum);
            assertThat(review.recoveryPlan().required()).as("recovery plan required").isEqualTo(required);
            assertThat(review.recoveryPlan().status()).isEqualTo(expected);
            Map<String, Long> reasons = new TreeMap<>();
            for (RecoveryPlanReason r : review.recoveryPlan().reasons()) {
                reasons.put(r.ruleId(), r.entries());
                assertThat(r.status()).isEqualTo(expected);
            }
            Map<String, Long> expectedReasons = new TreeMap<>();
            if (priorityOver > 0) {
                expectedReasons.put("WL-RP-001", priorityOver);
            }
            if (nonPriorityOver > 0) {
                expectedReasons.put("WL-RP-002", nonPriorityOver);
            }
            if (!required) {
                expectedReasons.put(empty ? "WL-RP-005" : rejected.isEmpty() ? "WL-RP-004" : "WL-RP-003",
                        (long) rejected.size());
            }
            assertThat(reasons).isEqualTo(expectedReasons);
            assertThat(review.recoveryPlan().actions().isEmpty()).isEqualTo(!required);
        });
        // Otherwise the property could pass by never meeting one side of the equivalence.
        assertThat(seen).as("recovery-plan statuses met").containsKeys(RecoveryPlanStatus.values());
    }

    // ------------------------------------------------------------------------------------ (c)

    @Test
    void everyEntryIsReviewedOrRejectedAndEveryReviewedEntryIsWaitingOrSeen() {
        qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES).withFixedSeed(SEED).forAll(SyntheticWaitingLists.listsWithProblems()).checkAssert(s -> {
            WaitingListReview review = rules.review(s.entries(), s.asOf());
            Map<Integer, Set<String>> expectedRejections = Spec.rejections(s.entries(), s.asOf());
            long waiting = 0;
            long seen = 0;
            for (int i = 0; i < s.entries().size(); i++) {
                if (!expectedRejections.containsKey(i + 1)) {
                    if (Spec.seen(s.entries().get(i), s.asOf())) {
                        seen++;
                    } else {
                        waiting++;
                    }
                }
            }
            var summary = review.summary();
            assertThat(summary.entriesIn()).isEqualTo(s.entries().size());
            assertThat(summary.entriesIn()).isEqualTo(summary.reviewed() + summary.rejected());
            assertThat(summary.reviewed()).isEqualTo(summary.waiting() + summary.seen());
            assertThat(summary.rejected()).isEqualTo(expectedRejections.size()).isEqualTo(review.rejected().size());
            assertThat(summary.waiting()).isEqualTo(waiting);
            assertThat(summary.seen()).isEqualTo(seen);
            assertThat(summary.blankLines()).isZero();
            assertThat(summary.complete()).isEqualTo(expectedRejections.isEmpty());
            assertThat(review.bandCounts().stream().mapToLong(BandCount::total).sum()).as("band counts")
                    .isEqualTo(summary.waiting());
            assertThat(review.bandCounts().stream().mapToLong(b -> b.priority() + b.nonPriority()).sum())
                    .isEqualTo(summary.waiting());
            Map<Integer, Set<String>> actual = new TreeMap<>();
            for (RejectedEntry r : review.rejected()) {
                Set<String> problems = new TreeSet<>();
                r.violations().forEach(v -> problems.add(v.path() + " " + v.code()));
                assertThat(actual.put((int) r.line(), problems)).as("two rejections on line %d", r.line()).isNull();
                assertThat(r.entryId()).isEqualTo(s.entries().get((int) r.line() - 1).entryId());
            }
            assertThat(actual).isEqualTo(new TreeMap<>(expectedRejections));
            assertThat(review.rejected()).extracting(RejectedEntry::line).isSorted();
        });
    }

    // ------------------------------------------------------------------------------------ (d)

    record Shuffled(Sample original, List<WaitingListEntry> shuffled) {
    }

    @Test
    void theReviewOfAListDoesNotDependOnTheOrderOfItsEntries() {
        // Duplicate ids included: every copy is rejected, so no order can make one copy count.
        Gen<Sample> lists = SyntheticWaitingLists.listsWithProblems(true);
        Gen<Sample> valid = SyntheticWaitingLists.lists();
        Gen<Shuffled> shuffled = in -> {
            Sample s = SyntheticWaitingLists.Draw.of(in).percent(50) ? lists.generate(in) : valid.generate(in);
            return new Shuffled(s, SyntheticWaitingLists.shuffle(in, s.entries()));
        };
        qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES).withFixedSeed(SEED).forAll(shuffled).checkAssert(p -> {
            WaitingListReview a = rules.review(p.original().entries(), p.original().asOf());
            WaitingListReview b = rules.review(p.shuffled(), p.original().asOf());
            assertThat(View.unordered(b)).isEqualTo(View.unordered(a));
        });
    }

    /**
     * A review with its line numbers taken away (or shifted by {@code lineOffset} for the rejected),
     * for comparing reviews of the same entries in a different order or format.
     */
    record View(LocalDate asOf, long entriesIn, long reviewed, long rejected, long waiting, long seen,
            List<BandCount> bandCounts, Object recoveryPlan, List<MilestoneCheck> milestones,
            List<EntryReview> overThreshold, List<EntryReview> validationCohort, List<EntryReview> validationOutcomes,
            List<EntryReview> longestWaits, List<String> rejectedEntries, List<ReviewNote> notes) {

        /** Without lines: rejected entries by id and problems, sorted. */
        static View unordered(WaitingListReview r) {
            return of(r, null);
        }

        /** Rejected entries by line plus {@code lineOffset}, id and problems, in order. */
        static View withLines(WaitingListReview r, int lineOffset) {
            return of(r, lineOffset);
        }

        private static View of(WaitingListReview r, Integer lineOffset) {
            List<String> rejected = new ArrayList<>();
            for (RejectedEntry e : r.rejected()) {
                List<String> problems = e.violations().stream().map(v -> v.path() + " " + v.code()).toList();
                rejected.add((lineOffset == null ? "" : "line " + (e.line() + lineOffset) + " ") + e.entryId() + " "
                        + problems);
            }
            if (lineOffset == null) {
                rejected.sort(Comparator.naturalOrder());
            }
            List<MilestoneCheck> milestones = r.milestones().stream()
                    .map(m -> new MilestoneCheck(m.milestone(), m.inForce(), m.status(), m.ruleId(), m.breachingCount(),
                            noLines(m.breaching())))
                    .toList();
            return new View(r.asOf(), r.summary().entriesIn(), r.summary().reviewed(), r.summary().rejected(),
                    r.summary().waiting(), r.summary().seen(), r.bandCounts(), r.recoveryPlan(), milestones,
                    noLines(r.overThreshold()), noLines(r.validationCohort()), noLines(r.validationOutcomes()),
                    noLines(r.longestWaits()), rejected, r.policy().notes());
        }
    }

    static List<EntryReview> noLines(List<EntryReview> reviews) {
        return reviews.stream().map(WaitingListProperties::noLine).toList();
    }

    static EntryReview noLine(EntryReview r) {
        return new EntryReview(0, r.entryId(), r.category(), r.received(), r.firstContact(), r.status(), r.daysWaited(),
                r.band(), r.overThreshold(), r.thresholdDays(), r.milestoneBreaches(), r.validationDue(),
                r.validationPointWeeks(), r.validationOutcome());
    }

    // ------------------------------------------------------------------------------------ (e)

    @Test
    void bandsMilestoneBreachesThresholdsAndTheValidationScheduleAgreeWithTheSpecification() {
        qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES).withFixedSeed(SEED)
                .forAll(SyntheticWaitingLists.mixedLists(), integers().between(0, Integer.MAX_VALUE - 1))
                .checkAssert((s, pick) -> {
                    LocalDate asOf = s.asOf();
                    WaitingListReview review = rules.review(s.entries(), asOf);
                    Set<Integer> rejected = Spec.rejectedPositions(s.entries(), asOf);
                    Map<String, Integer> positions = new HashMap<>();
                    List<WaitingListEntry> waiting = new ArrayList<>();
                    for (int i = 0; i < s.entries().size(); i++) {
                        WaitingListEntry e = s.entries().get(i);
                        if (!rejected.contains(i + 1)) {
                            positions.put(e.entryId(), i + 1);
                            if (!Spec.seen(e, asOf)) {
                                waiting.add(e);
                            }
                        }
                    }

                    // Band counts: every waiting entry in the band of its days, by category.
                    Map<String, long[]> bands = new LinkedHashMap<>();
                    Spec.BANDS.forEach(b -> bands.put(b.code(), new long[2]));
                    for (WaitingListEntry e : waiting) {
                        bands.get(Spec.band(Spec.days(e, asOf)))[e.category() == PriorityCategory.PRIORITY ? 0 : 1]++;
                    }
                    assertThat(review.bandCounts()).extracting(BandCount::band).containsExactlyElementsOf(bands.keySet());
                    for (BandCount c : review.bandCounts()) {
                        assertThat(new long[] {c.priority(), c.nonPriority()}).as("band %s, priority and not", c.band())
                                .containsExactly(bands.get(c.band()));
                    }

                    // Milestones checked on the date, and who breaches each.
                    Map<String, Boolean> checked = Spec.milestonesChecked(asOf);
                    Map<String, Boolean> actualChecked = new TreeMap<>();
                    review.milestones().forEach(m -> actualChecked.put(m.milestone().ruleId(), m.inForce()));
                    assertThat(actualChecked).as("milestones checked on %s", asOf).isEqualTo(checked);
                    for (MilestoneCheck check : review.milestones()) {
                        Spec.Milestone m = Spec.milestone(check.milestone().ruleId());
                        assertThat(check.milestone().due()).isEqualTo(m.due());
                        assertThat(check.milestone().maxWeeks()).isEqualTo(m.maxWeeks());
                        List<String> breaching = waiting.stream().filter(e -> m.breachedBy(e, asOf))
                                .sorted(Spec.longestFirst(asOf)).map(WaitingListEntry::entryId).toList();
                        assertThat(check.breaching()).extracting(EntryReview::entryId).as("breaching %s", m.id())
                                .containsExactlyElementsOf(breaching);
                        assertThat(check.breachingCount()).isEqualTo(breaching.size());
                        boolean empty = s.entries().isEmpty();
                        MilestoneStatus status = !breaching.isEmpty() ? MilestoneStatus.NOT_MET
                                : rejected.isEmpty() && !empty ? MilestoneStatus.MET : MilestoneStatus.UNDETERMINED;
                        assertThat(check.status()).as("status of %s", m.id()).isEqualTo(status);
                        assertThat(check.ruleId()).isEqualTo(switch (status) {
                            case MET -> "WL-MC-001";
                            case NOT_MET -> "WL-MC-002";
                            case UNDETERMINED -> empty ? "WL-MC-004" : "WL-MC-003";
                        });
                    }
                    assertThat(review.policy().notes()).extracting(ReviewNote::ruleId).as("notes on %s", asOf)
                            .isEqualTo(asOf.isAfter(LocalDate.of(2024, 3, 31)) ? List.of("WL-MS-103") : List.of());

                    // Over threshold, the validation cohort and the longest waits, in order.
                    assertThat(review.overThreshold()).extracting(EntryReview::entryId).containsExactlyElementsOf(
                            waiting.stream().filter(e -> Spec.days(e, asOf) > Spec.threshold(e.category()))
                                    .sorted(Spec.longestFirst(asOf)).map(WaitingListEntry::entryId).toList());
                    assertThat(review.validationCohort()).extracting(EntryReview::entryId).containsExactlyElementsOf(
                            waiting.stream().filter(e -> Spec.validationDue(e, asOf))
                                    .sorted(Spec.longestFirst(asOf)).map(WaitingListEntry::entryId).toList());
                    assertThat(review.longestWaits()).extracting(EntryReview::entryId).containsExactlyElementsOf(
                            waiting.stream().sorted(Spec.longestFirst(asOf)).limit(WaitingListRules.DEFAULT_LONGEST_WAITS)
                                    .map(WaitingListEntry::entryId).toList());

                    // Every entry review the list holds, field by field.
                    Map<String, WaitingListEntry> byId = new HashMap<>();
                    s.entries().forEach(e -> byId.putIfAbsent(e.entryId(), e));
                    List<EntryReview> held = new ArrayList<>(review.overThreshold());
                    held.addAll(review.validationCohort());
                    held.addAll(review.validationOutcomes());
                    held.addAll(review.longestWaits());
                    review.milestones().forEach(m -> held.addAll(m.breaching()));
                    for (EntryReview r : held) {
                        Spec.assertReview(r, byId.get(r.entryId()), positions.get(r.entryId()), asOf);
                    }

                    // And a few entries reviewed on their own, seen ones included.
                    List<WaitingListEntry> valid = s.entries().stream()
                            .filter(e -> positions.get(e.entryId()) != null && byId.get(e.entryId()) == e).toList();
                    for (int i = 0; i < Math.min(3, valid.size()); i++) {
                        WaitingListEntry e = valid.get((int) ((pick + 7919L * i) % valid.size()));
                        Spec.assertReview(rules.reviewEntry(e, asOf), e, 1, asOf);
                    }
                });
    }

    // ------------------------------------------------------------------------------------ (f)

    @Test
    void aPatientMayBeRemovedOnlyWhenNoLongerWishingToBeSeenWithCapacityUnderstandingAndCommunicationNeedsMet() {
        Map<ValidationDecision, Integer> decisions = new EnumMap<>(ValidationDecision.class);
        qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES).withFixedSeed(SEED).forAll(SyntheticWaitingLists.mixedLists()).checkAssert(s -> {
            WaitingListReview review = rules.review(s.entries(), s.asOf());
            Set<Integer> rejected = Spec.rejectedPositions(s.entries(), s.asOf());
            Map<String, WaitingListEntry> withRecord = new HashMap<>();
            for (int i = 0; i < s.entries().size(); i++) {
                WaitingListEntry e = s.entries().get(i);
                if (!rejected.contains(i + 1) && !Spec.seen(e, s.asOf()) && e.validation() != null) {
                    withRecord.put(e.entryId(), e);
                }
            }
            assertThat(review.validationOutcomes()).extracting(EntryReview::entryId)
                    .containsExactlyInAnyOrderElementsOf(withRecord.keySet());
            boolean stayed = false;
            for (EntryReview r : review.validationOutcomes()) {
                WaitingListEntry entry = withRecord.get(r.entryId());
                ValidationRecord v = entry.validation();
                ValidationDecision decision = r.validationOutcome().decision();
                decisions.merge(decision, 1, Integer::sum);
                if (decision == ValidationDecision.MAY_BE_REMOVED) {
                    assertThat(v.wishesToBeSeen()).as("%s may be removed", r.entryId()).isEqualTo(Answer.NO);
                    assertThat(List.of(v.hasCapacity(), v.understandsDecision(), v.communicationNeedsMet()))
                            .as("%s may be removed", r.entryId()).containsOnly(Answer.YES);
                    // WaitingListReview documents validationOutcomes as "patients who may be removed first".
                    assertThat(stayed).as("patients who may be removed come first").isFalse();
                } else {
                    stayed = true;
                }
                assertThat(decision).as("decision for %s", v).isEqualTo(Spec.decision(entry, s.asOf()));
                assertThat(r.validationOutcome().reasons()).extracting(ValidationReason::ruleId).as("reasons for %s", v)
                        .containsExactlyElementsOf(Spec.reasons(entry, s.asOf()));
            }
        });
        assertThat(decisions).as("validation decisions met").containsKeys(ValidationDecision.values());
    }

    // ------------------------------------------------------------------------------------ (g)

    record Formats(Sample sample, List<String> columns, boolean omitNotRecorded) {
    }

    @Test
    void aListReadFromCsvOrJsonLinesIsReviewedAsTheSameListInMemory() {
        Gen<Sample> lists = SyntheticWaitingLists.mixedLists();
        Gen<Formats> formats = in -> new Formats(lists.generate(in),
                SyntheticWaitingLists.shuffle(in, SyntheticWaitingLists.CSV_COLUMNS),
                SyntheticWaitingLists.Draw.of(in).percent(50));
        qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES).withFixedSeed(SEED).forAll(formats).checkAssert(f -> {
            Sample s = f.sample();
            String csv = SyntheticWaitingLists.toCsv(s.entries(), f.columns(), f.omitNotRecorded());
            String jsonLines = SyntheticWaitingLists.toJsonLines(s.entries(), f.omitNotRecorded());
            WaitingListReview memory = rules.review(s.entries(), s.asOf());
            WaitingListReview fromCsv = rules.review(new StringReader(csv), EntryFormat.CSV, s.asOf());
            WaitingListReview fromJson = rules.review(new StringReader(jsonLines), EntryFormat.JSON_LINES, s.asOf());
            // The CSV header is line 1, so entry i is on line i + 1; JSON Lines entry i is on line i.
            View expected = View.withLines(memory, 1);
            assertThat(View.withLines(fromCsv, 0)).as("CSV:\n%s", csv).isEqualTo(expected);
            assertThat(View.withLines(fromJson, 1)).as("JSON Lines:\n%s", jsonLines).isEqualTo(expected);
            assertThat(List.of(fromCsv.summary().blankLines(), fromJson.summary().blankLines())).containsOnly(0L);
            // Entry reviews carry their lines: the CSV ones one further down.
            assertThat(fromCsv.longestWaits()).extracting(EntryReview::line).containsExactlyElementsOf(
                    memory.longestWaits().stream().map(r -> r.line() + 1).toList());
            assertThat(fromJson.longestWaits()).extracting(EntryReview::line).containsExactlyElementsOf(
                    memory.longestWaits().stream().map(EntryReview::line).toList());
        });
    }

    // ------------------------------------------------------------------------------------ (h)

    @Test
    void eachLinesOutcomeAccountsForEveryEntryAndAgreesWithTheReview() {
        Gen<Sample> withProblems = SyntheticWaitingLists.listsWithProblems(true);
        Gen<Sample> mixed = SyntheticWaitingLists.mixedLists();
        Gen<Formats> formats = in -> new Formats(SyntheticWaitingLists.Draw.of(in).percent(50)
                ? withProblems.generate(in) : mixed.generate(in), SyntheticWaitingLists.CSV_COLUMNS,
                SyntheticWaitingLists.Draw.of(in).percent(50));
        qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES).withFixedSeed(SEED).forAll(formats).checkAssert(f -> {
            Sample s = f.sample();
            boolean csv = f.omitNotRecorded();
            String text = csv ? SyntheticWaitingLists.toCsv(s.entries()) : SyntheticWaitingLists.toJsonLines(s.entries());
            EntryFormat format = csv ? EntryFormat.CSV : EntryFormat.JSON_LINES;
            int offset = csv ? 1 : 0;
            List<EntryOutcome> outcomes = new ArrayList<>();
            WaitingListReview review = rules.review(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    format, s.asOf(), outcomes::add);

            // One outcome per entry, in line order, and the same review as without outcomes.
            assertThat(outcomes).hasSize(s.entries().size());
            assertThat((long) outcomes.size()).isEqualTo(review.summary().entriesIn());
            assertThat(outcomes).extracting(EntryOutcome::line).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, s.entries().size()).map(l -> l + offset).boxed().toList());
            assertThat(View.withLines(review, 0)).isEqualTo(View.withLines(
                    rules.review(new StringReader(text), format, s.asOf()), 0));
            // The rejected outcomes are exactly the review's rejected list; the rest are reviewed.
            assertThat(outcomes.stream().filter(o -> !o.wasReviewed()).map(EntryOutcome::rejected).toList())
                    .isEqualTo(review.rejected());
            assertThat(outcomes.stream().filter(EntryOutcome::wasReviewed).count()).isEqualTo(review.summary().reviewed());
            // Every entry the review keeps is the outcome of its line.
            Map<Long, EntryReview> byLine = new HashMap<>();
            outcomes.stream().filter(EntryOutcome::wasReviewed).forEach(o -> byLine.put(o.line(), o.review()));
            for (List<EntryReview> kept : List.of(review.overThreshold(), review.longestWaits(),
                    review.validationCohort(), review.validationOutcomes())) {
                kept.forEach(r -> assertThat(byLine.get(r.line())).isEqualTo(r));
            }
            // A reviewed line is reviewed as the entry on its own would be (a few per list: each is an evaluation).
            outcomes.stream().filter(EntryOutcome::wasReviewed).limit(3).forEach(o -> {
                EntryReview alone = rules.reviewEntry(s.entries().get((int) (o.line() - offset - 1)), s.asOf());
                assertThat(noLine(o.review())).isEqualTo(noLine(alone));
            });
        });
    }

    // ------------------------------------------------------------------------------------ coverage

    @Test
    void theSyntheticListsReachEveryBandMilestoneStatusAndBoundary() {
        Set<String> bands = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        Set<Long> waits = new HashSet<>();
        Set<Answer> answers = new HashSet<>();
        Set<EntryStatus> entryStatuses = new HashSet<>();
        qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES).withFixedSeed(SEED).forAll(SyntheticWaitingLists.mixedLists()).checkAssert(s -> {
            WaitingListReview review = rules.review(s.entries(), s.asOf());
            review.bandCounts().stream().filter(b -> b.total() > 0).forEach(b -> bands.add(b.band()));
            review.milestones().forEach(m -> statuses.add(m.inForce() + " " + m.status()));
            for (WaitingListEntry e : s.entries()) {
                if (e.received() != null && !e.received().isAfter(s.asOf())) {
                    waits.add(Spec.days(e, s.asOf()));
                    entryStatuses.add(Spec.seen(e, s.asOf()) ? EntryStatus.SEEN : EntryStatus.WAITING);
                }
                if (e.validation() != null) {
                    answers.addAll(List.of(e.validation().wishesToBeSeen(), e.validation().hasCapacity(),
                            e.validation().understandsDecision(), e.validation().communicationNeedsMet()));
                }
            }
        });
        assertThat(bands).containsExactlyInAnyOrderElementsOf(Spec.BANDS.stream().map(Spec.Band::code).toList());
        for (MilestoneStatus status : MilestoneStatus.values()) {
            assertThat(statuses).contains("true " + status);
        }
        for (int b : SyntheticWaitingLists.BOUNDARIES) {
            assertThat(waits).contains((long) b, b + 1L);
        }
        assertThat(answers).containsExactlyInAnyOrder(Answer.values());
        assertThat(entryStatuses).containsExactlyInAnyOrder(EntryStatus.values());
        // The plain-Java list for benchmarks is the same list every time.
        LocalDate asOf = LocalDate.of(2024, 1, 15);
        assertThat(SyntheticWaitingLists.list(42L, 500, asOf)).hasSize(500)
                .isEqualTo(SyntheticWaitingLists.list(42L, 500, asOf));
        assertThat(rules.review(SyntheticWaitingLists.list(42L, 500, asOf), asOf).summary().rejected()).isZero();
    }

    // ------------------------------------------------------------------------------------ the specification

    /**
     * The waiting-list semantics written out from the specification, independently of the library:
     * bands, national thresholds, the 2023/24 milestones, the validation schedule and outcomes, and
     * which in-memory entries are rejected and why.
     */
    static final class Spec {
        record Band(String code, long from, long to) {
        }

        /** The SitRep bands: "longer than N weeks" is more than 7N days; day 365 is over 52 weeks. */
        static final List<Band> BANDS = List.of(new Band("0-1w", 0, 7), new Band("1-2w", 8, 14),
                new Band("2-4w", 15, 28), new Band("4-12w", 29, 84), new Band("12-18w", 85, 126),
                new Band("18-52w", 127, 364), new Band("52w+", 365, Long.MAX_VALUE));

        record Milestone(String id, LocalDate due, boolean priorityOnly, int maxWeeks) {
            boolean breachedBy(WaitingListEntry e, LocalDate asOf) {
                return (!priorityOnly || e.category() == PriorityCategory.PRIORITY) && !seen(e, asOf)
                        && days(e, asOf) > 7L * maxWeeks;
            }
        }

        static final List<Milestone> MILESTONES = List.of(
                new Milestone("WL-MS-001", LocalDate.of(2023, 6, 30), false, 52),
                new Milestone("WL-MS-002", LocalDate.of(2023, 9, 30), true, 2),
                new Milestone("WL-MS-003", LocalDate.of(2023, 12, 31), false, 24),
                new Milestone("WL-MS-004", LocalDate.of(2024, 3, 31), false, 12));

        private Spec() {
        }

        static String band(long days) {
            return BANDS.stream().filter(b -> days >= b.from() && days <= b.to()).findFirst().orElseThrow().code();
        }

        static int bandOrder(String code) {
            for (int i = 0; i < BANDS.size(); i++) {
                if (BANDS.get(i).code().equals(code)) {
                    return i;
                }
            }
            throw new AssertionError("no band " + code);
        }

        static boolean seen(WaitingListEntry e, LocalDate asOf) {
            return e.firstContact() != null && !e.firstContact().isAfter(asOf);
        }

        static long days(WaitingListEntry e, LocalDate asOf) {
            LocalDate end = seen(e, asOf) ? e.firstContact() : asOf;
            return end.toEpochDay() - e.received().toEpochDay();
        }

        /** National thresholds: a wait longer than this is over. */
        static int threshold(PriorityCategory category) {
            return category == PriorityCategory.PRIORITY ? 14 : 84;
        }

        static Milestone milestone(String id) {
            return MILESTONES.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow(
                    () -> new AssertionError("no milestone " + id));
        }

        /**
         * The milestones checked on {@code asOf}, id to whether in force: for each scope, the latest
         * fallen due on or before it (in force) and the earliest due after it (next).
         */
        static Map<String, Boolean> milestonesChecked(LocalDate asOf) {
            Map<String, Boolean> checked = new TreeMap<>();
            for (boolean priorityOnly : new boolean[] {false, true}) {
                List<Milestone> scope = MILESTONES.stream().filter(m -> m.priorityOnly() == priorityOnly).toList();
                scope.stream().filter(m -> !m.due().isAfter(asOf)).max(Comparator.comparing(Milestone::due))
                        .ifPresent(m -> checked.put(m.id(), true));
                scope.stream().filter(m -> m.due().isAfter(asOf)).min(Comparator.comparing(Milestone::due))
                        .ifPresent(m -> checked.put(m.id(), false));
            }
            return checked;
        }

        /** Longest wait first, ties by id. */
        static Comparator<WaitingListEntry> longestFirst(LocalDate asOf) {
            return Comparator.comparingLong((WaitingListEntry e) -> -days(e, asOf)).thenComparing(WaitingListEntry::entryId);
        }

        /** The latest validation point (12, 26, 52 weeks) a waiting entry has reached, or null. */
        static Integer validationPoint(WaitingListEntry e, LocalDate asOf) {
            if (seen(e, asOf)) {
                return null;
            }
            long days = days(e, asOf);
            return days >= 364 ? Integer.valueOf(52) : days >= 182 ? Integer.valueOf(26) : days >= 84 ? Integer.valueOf(12) : null;
        }

        /**
         * Due at a point reached unless validated on or after received + point days - 84 days; a
         * contact that did not record whether the patient still wishes to be seen validates nothing.
         */
        static boolean validationDue(WaitingListEntry e, LocalDate asOf) {
            if (validationDueAtPoint(e, asOf)) {
                return true;
            }
            if (!everyPatient() || seen(e, asOf)) {
                return false;
            }
            ValidationRecord v = e.validation();
            return v == null || v.wishesToBeSeen() == Answer.NOT_RECORDED || v.validatedOn().isBefore(asOf.minusDays(84));
        }

        /**
         * From msk-waiting-list 1.1.0 every waiting patient is due unless validated in the 12 weeks before
         * the evaluation date (PR2022: ask all patients; WL-VAL-002); 1.0.0 has the points only.
         */
        static boolean everyPatient() {
            return rules != null && !"1.0.0".equals(rules.version());
        }

        /** Due at a point (the local schedule, WL-VAL-001), as {@link #validationDue} in 1.0.0. */
        static boolean validationDueAtPoint(WaitingListEntry e, LocalDate asOf) {
            Integer point = validationPoint(e, asOf);
            if (point == null) {
                return false;
            }
            LocalDate covers = e.received().plusDays(7L * point - 84);
            ValidationRecord v = e.validation();
            return v == null || v.wishesToBeSeen() == Answer.NOT_RECORDED || v.validatedOn().isBefore(covers);
        }

        /** Removal needs NO, three YESes, and an answer the schedule still counts (not due again). */
        static ValidationDecision decision(WaitingListEntry e, LocalDate asOf) {
            ValidationRecord v = e.validation();
            return v.wishesToBeSeen() == Answer.NO && v.hasCapacity() == Answer.YES
                    && v.understandsDecision() == Answer.YES && v.communicationNeedsMet() == Answer.YES
                    && !validationDue(e, asOf)
                    ? ValidationDecision.MAY_BE_REMOVED : ValidationDecision.STAYS;
        }

        static List<String> reasons(WaitingListEntry e, LocalDate asOf) {
            ValidationRecord v = e.validation();
            Answer wish = v.wishesToBeSeen() == null ? Answer.NOT_RECORDED : v.wishesToBeSeen();
            return switch (wish) {
                case YES -> List.of("WL-VO-001");
                case NOT_RECORDED -> List.of("WL-VO-006");
                case NO -> {
                    List<String> r = new ArrayList<>();
                    if (decision(e, asOf) == ValidationDecision.MAY_BE_REMOVED) {
                        r.add("WL-VO-002");
                    }
                    if (v.hasCapacity() != Answer.YES) {
                        r.add("WL-VO-003");
                    }
                    if (v.understandsDecision() != Answer.YES) {
                        r.add("WL-VO-004");
                    }
                    if (v.communicationNeedsMet() != Answer.YES) {
                        r.add("WL-VO-005");
                    }
                    if (validationDue(e, asOf)) {
                        r.add("WL-VO-007");
                    }
                    yield r;
                }
            };
        }

        /** Positions (from 1) of the entries of an in-memory list that are rejected, with their problems. */
        static Map<Integer, Set<String>> rejections(List<WaitingListEntry> entries, LocalDate asOf) {
            Map<Integer, Set<String>> rejected = new TreeMap<>();
            Map<String, Integer> copies = new HashMap<>();
            entries.stream().map(WaitingListEntry::entryId).filter(id -> id != null && !id.isBlank())
                    .forEach(id -> copies.merge(id, 1, Integer::sum));
            for (int i = 0; i < entries.size(); i++) {
                Set<String> p = problems(entries.get(i), asOf);
                String id = entries.get(i).entryId();
                // Every line of a duplicated id is rejected, each naming the duplication.
                if (id != null && !id.isBlank() && copies.get(id) > 1) {
                    p.add("/entryId DUPLICATE_ENTRY_ID");
                }
                if (!p.isEmpty()) {
                    rejected.put(i + 1, p);
                }
            }
            return rejected;
        }

        static Set<Integer> rejectedPositions(List<WaitingListEntry> entries, LocalDate asOf) {
            return rejections(entries, asOf).keySet();
        }

        /** The problems of one entry on its own, as "path CODE". */
        static Set<String> problems(WaitingListEntry e, LocalDate asOf) {
            Set<String> p = new TreeSet<>();
            String id = e.entryId();
            if (id == null || id.isBlank()) {
                p.add("/entryId REQUIRED");
            } else if (id.length() > 100) {
                p.add("/entryId INVALID_LENGTH");
            } else if (id.chars().anyMatch(Character::isISOControl) || !id.strip().equals(id)) {
                p.add("/entryId INVALID");
            }
            if (e.category() == null) {
                p.add("/category REQUIRED");
            }
            if (e.received() == null) {
                p.add("/received REQUIRED");
            } else if (e.received().isAfter(asOf)) {
                p.add("/received AFTER_AS_OF");
            } else if (asOf.toEpochDay() - e.received().toEpochDay() > 3652) {
                p.add("/received OUT_OF_RANGE");
            }
            if (e.firstContact() != null && e.received() != null && e.firstContact().isBefore(e.received())) {
                p.add("/firstContact BEFORE_RECEIVED");
            }
            if (e.validation() != null) {
                LocalDate on = e.validation().validatedOn();
                if (on == null) {
                    p.add("/validation/validatedOn REQUIRED");
                } else if (on.isAfter(asOf)) {
                    p.add("/validation/validatedOn AFTER_AS_OF");
                } else if (e.received() != null && on.isBefore(e.received())) {
                    p.add("/validation/validatedOn BEFORE_RECEIVED");
                }
            }
            return p;
        }

        /**
         * Checks every field of {@code r}, the review of {@code e} on {@code line}, against the
         * specification. Milestone breaches are those of the milestones checked on {@code asOf}.
         */
        static void assertReview(EntryReview r, WaitingListEntry e, Integer line, LocalDate asOf) {
            assertThat(e).as("entry %s", r.entryId()).isNotNull();
            String what = "review of " + e + " on " + asOf;
            long days = days(e, asOf);
            boolean seen = seen(e, asOf);
            assertThat(r.line()).as(what).isEqualTo(line.longValue());
            assertThat(r.entryId()).as(what).isEqualTo(e.entryId());
            assertThat(r.category()).as(what).isEqualTo(e.category());
            assertThat(r.received()).as(what).isEqualTo(e.received());
            assertThat(r.firstContact()).as(what).isEqualTo(e.firstContact());
            assertThat(r.status()).as(what).isEqualTo(seen ? EntryStatus.SEEN : EntryStatus.WAITING);
            assertThat(r.daysWaited()).as(what).isEqualTo(days);
            assertThat(r.band()).as(what).isEqualTo(band(days));
            assertThat(r.thresholdDays()).as(what).isEqualTo(threshold(e.category()));
            assertThat(r.overThreshold()).as(what).isEqualTo(days > threshold(e.category()));
            List<String> breaches = seen ? List.of() : milestonesChecked(asOf).keySet().stream()
                    .filter(id -> milestone(id).breachedBy(e, asOf)).toList();
            assertThat(r.milestoneBreaches()).as(what).containsExactlyInAnyOrderElementsOf(breaches);
            assertThat(r.validationDue()).as(what).isEqualTo(validationDue(e, asOf));
            assertThat(r.validationPointWeeks()).as(what).isEqualTo(validationPoint(e, asOf));
            if (seen || e.validation() == null) {
                assertThat(r.validationOutcome()).as(what).isNull();
            } else {
                assertThat(r.validationOutcome()).as(what).isNotNull();
                assertThat(r.validationOutcome().decision()).as(what).isEqualTo(decision(e, asOf));
                assertThat(r.validationOutcome().reasons()).extracting(ValidationReason::ruleId).as(what)
                        .containsExactlyElementsOf(reasons(e, asOf));
            }
        }
    }
}
