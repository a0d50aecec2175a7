package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.waitinglist.Answer;
import org.mskrules.msk.waitinglist.EntryReview;
import org.mskrules.msk.waitinglist.ValidationRecord;
import org.mskrules.msk.waitinglist.WaitingListEntry;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * Validation of every patient (msk-waiting-list 1.1.0, issue 19; PR2022, seed 004 line 58): every
 * waiting patient is in the validation cohort unless a contact in the look-back before the evaluation
 * date recorded whether they still wish to be seen; patients due at a local point (12, 26, 52 weeks) are
 * always in it; the cohort is longest wait first. 1.0.0 is unchanged (only patients due at a point).
 * The property is written against its own specification and shown to fail for 1.0.0's cohort.
 */
class ValidationOfEveryPatientTest {
    static final LocalDate AS_OF = LocalDate.of(2023, 11, 20);
    static WaitingListRules v11;
    static WaitingListRules v10;

    @BeforeAll
    static void load() {
        v11 = WaitingListRules.builder().ruleSetVersion("1.1.0").build();
        v10 = WaitingListRules.builder().ruleSetVersion("1.0.0").build();
    }

    static ValidationRecord answered(LocalDate on, Answer wishes) {
        return new ValidationRecord(on, wishes, Answer.YES, Answer.YES, Answer.YES);
    }

    static List<WaitingListEntry> list() {
        return List.of(
                // 3 weeks, never contacted: due in 1.1.0 only (nobody under 12 weeks was ever due in 1.0.0).
                WaitingListEntry.of("NEW", PriorityCategory.NON_PRIORITY, AS_OF.minusWeeks(3)),
                // 20 weeks, validated 5 weeks ago: not due in either.
                WaitingListEntry.of("RECENT", PriorityCategory.NON_PRIORITY, AS_OF.minusWeeks(20))
                        .withValidation(answered(AS_OF.minusWeeks(5), Answer.YES)),
                // 40 weeks, validated at week 20 (20 weeks ago): covered for the 26-week point, so not due in
                // 1.0.0; outside the 12-week look-back of today, so due in 1.1.0.
                WaitingListEntry.of("STALE", PriorityCategory.NON_PRIORITY, AS_OF.minusWeeks(40))
                        .withValidation(answered(AS_OF.minusWeeks(20), Answer.YES)),
                // 8 weeks, contacted yesterday without asking the question: due in 1.1.0.
                WaitingListEntry.of("UNASKED", PriorityCategory.PRIORITY, AS_OF.minusWeeks(8))
                        .withValidation(answered(AS_OF.minusDays(1), Answer.NOT_RECORDED)),
                // 60 weeks, never contacted: due in both, first in both.
                WaitingListEntry.of("LONGEST", PriorityCategory.NON_PRIORITY, AS_OF.minusWeeks(60)),
                // Seen: never due.
                WaitingListEntry.of("SEEN", PriorityCategory.NON_PRIORITY, AS_OF.minusWeeks(30))
                        .withFirstContact(AS_OF.minusDays(2)),
                // Validated exactly 12 weeks ago: on the look-back date, so it counts; not due.
                WaitingListEntry.of("EDGE", PriorityCategory.NON_PRIORITY, AS_OF.minusWeeks(14))
                        .withValidation(answered(AS_OF.minusWeeks(12), Answer.YES)),
                // Validated 12 weeks and a day ago: due in 1.1.0 (14 weeks: past the 12-week point, covered for it).
                WaitingListEntry.of("EDGE+1", PriorityCategory.NON_PRIORITY, AS_OF.minusWeeks(14))
                        .withValidation(answered(AS_OF.minusWeeks(12).minusDays(1), Answer.YES)));
    }

    static List<String> cohort(WaitingListReview r) {
        return r.validationCohort().stream().map(EntryReview::entryId).toList();
    }

    @Test
    void everyWaitingPatientNotValidatedInTheLookBackIsInTheCohortLongestWaitFirst() {
        assertThat(cohort(v11.review(list(), AS_OF))).containsExactly("LONGEST", "STALE", "EDGE+1", "UNASKED", "NEW");
        assertThat(v11.review(list(), AS_OF).policy().validationSchedule().everyPatientRuleId()).isEqualTo("WL-VAL-002");
    }

    @Test
    void releasedVersionKeepsOnlyThePatientsDueAtAPoint() {
        assertThat(cohort(v10.review(list(), AS_OF))).containsExactly("LONGEST");
        assertThat(v10.review(list(), AS_OF).policy().validationSchedule().everyPatientRuleId()).isNull();
    }

    @Test
    void theLookBackIsTheLocalParameter() {
        WaitingListRules fourWeeks = WaitingListRules.builder().ruleSetVersion("1.1.0")
                .parameter("validationLookbackWeeks", 4).build();
        // RECENT (5 weeks ago) is now outside the look-back; EDGE, validated 12 weeks ago at week 2, is due.
        assertThat(cohort(fourWeeks.review(list(), AS_OF)))
                .containsExactly("LONGEST", "STALE", "RECENT", "EDGE", "EDGE+1", "UNASKED", "NEW");
    }

    @Test
    void theCohortAgreesWithTheSpecificationOnSyntheticLists() {
        cohortProperty((entries, asOf) -> v11.review(entries, asOf));
    }

    @Test
    void theReleasedCohortFailsTheEveryPatientSpecification() {
        assertThatThrownBy(() -> cohortProperty((entries, asOf) -> v10.review(entries, asOf)))
                .isInstanceOf(AssertionError.class);
    }

    static void cohortProperty(BiFunction<List<WaitingListEntry>, LocalDate, WaitingListReview> review) {
        qt().withExamples(100).withShrinkCycles(0).withFixedSeed(WaitingListProperties.SEED + 19)
                .forAll(SyntheticWaitingLists.mixedLists()).checkAssert(s -> {
                    LocalDate asOf = s.asOf();
                    Set<Integer> rejected = WaitingListProperties.Spec.rejectedPositions(s.entries(), asOf);
                    List<WaitingListEntry> due = new ArrayList<>();
                    for (int i = 0; i < s.entries().size(); i++) {
                        WaitingListEntry e = s.entries().get(i);
                        if (!rejected.contains(i + 1) && !WaitingListProperties.Spec.seen(e, asOf) && dueEveryPatient(e, asOf)) {
                            due.add(e);
                        }
                    }
                    assertThat(cohort(review.apply(s.entries(), asOf))).containsExactlyElementsOf(due.stream()
                            .sorted(WaitingListProperties.Spec.longestFirst(asOf)).map(WaitingListEntry::entryId).toList());
                });
    }

    /** The specification, written out: at a point, or no answered contact in the 12 weeks before the date. */
    static boolean dueEveryPatient(WaitingListEntry e, LocalDate asOf) {
        ValidationRecord v = e.validation();
        return WaitingListProperties.Spec.validationDueAtPoint(e, asOf) || v == null || v.wishesToBeSeen() == Answer.NOT_RECORDED
                || v.validatedOn().isBefore(asOf.minusDays(84));
    }
}
