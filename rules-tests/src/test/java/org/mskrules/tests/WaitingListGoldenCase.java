package org.mskrules.tests;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.waitinglist.EntryStatus;
import org.mskrules.msk.waitinglist.MilestoneStatus;
import org.mskrules.msk.waitinglist.RecoveryPlanStatus;

/**
 * One golden case of the waiting-list review ({@code golden/waiting-list/*.json}): a list, the date,
 * version, parameters and service profile to review it with, and what the review must say, worked
 * out by hand from the guidance (NHS England PR2022, clinical reference rule set 4), never copied
 * from the library's output. Read with the strict shared mapper, so a misspelt or unknown field in a
 * case fails the run rather than being silently ignored.
 *
 * <p>The list is given in exactly one of three forms:
 * <ul>
 *   <li>{@code entries}: in-memory entries, each in the JSON Lines shape ({@code entryId},
 *       {@code category}, {@code received}, {@code firstContact}, {@code validation} with
 *       {@code validatedOn}, {@code wishesToBeSeen}, {@code hasCapacity}, {@code understandsDecision},
 *       {@code communicationNeedsMet}), reviewed with {@code review(List, asOf)}; an entry's line is
 *       its position from 1;</li>
 *   <li>{@code csv}: the lines of a CSV file (header first; {@code ""} is a blank line), reviewed
 *       with {@code review(Reader, CSV, asOf)};</li>
 *   <li>{@code jsonl}: the lines of a JSON Lines file, reviewed with
 *       {@code review(Reader, JSON_LINES, asOf)}.</li>
 * </ul>
 *
 * <p>Every case states at least {@code expected.summary} and {@code expected.recoveryPlan}; any
 * other expectation is asserted only when the case states it. Lists of entry ids named "in order"
 * are compared in the review's order (longest wait first, ties by id); "as a set" in any order.
 *
 * @param name           file name without extension
 * @param description    the clinical point in one sentence
 * @param rationale      how the expectations follow from the guidance (not asserted)
 * @param asOf           the evaluation date
 * @param ruleSetVersion rule-set version; the newest if null
 * @param profile        the service profile: a JSON object in the {@code ServiceProfile} JSON form,
 *                       or a string path relative to the repository root (e.g.
 *                       {@code examples/service-profile-east-lancashire.json}); national if null
 * @param parameters     local parameter overrides (e.g. {@code validationFirstWeeks}); defaults if null
 * @param entries        the list as in-memory entries
 * @param csv            the list as CSV lines
 * @param jsonl          the list as JSON Lines lines
 * @param expected       what the review must say
 */
record WaitingListGoldenCase(
        String name,
        String description,
        String rationale,
        LocalDate asOf,
        String ruleSetVersion,
        JsonNode profile,
        Map<String, Integer> parameters,
        List<JsonNode> entries,
        List<String> csv,
        List<String> jsonl,
        Expected expected) {

    /**
     * @param summary            the accounting (required); only the counts stated are asserted
     * @param recoveryPlan       the recovery-plan decision (required)
     * @param thresholdDays      the applied threshold of each category stated
     * @param entries            per-entry expectations by entry id. For in-memory lists each is checked
     *                           on {@code reviewEntry(entry, asOf)} with the same rules, and that result
     *                           is checked against the entry's membership of the review's lists; for
     *                           files the entry is found in the review's lists (it must be waiting and
     *                           in at least one of them)
     * @param bandCounts         band code to {@code [priority, nonPriority]} waiting counts for the
     *                           non-empty bands; every band not named must count zero
     * @param milestones         milestone id to its check
     * @param milestonesChecked  exactly the ids of the milestones checked (in force and next), as a set
     * @param overThreshold      ids of the review's over-threshold list, in order
     * @param validationCohort   ids of the review's validation cohort, in order
     * @param validationOutcomes ids of the review's entries with a validation outcome, in order (may be
     *                           removed first, then longest wait first)
     * @param rejected           every rejected entry, in line order
     * @param notes              exactly the rule ids of the policy's review notes, as a set
     * @param firedRules         rule ids that must appear in {@code review.trace()}
     */
    record Expected(
            Summary summary,
            RecoveryPlanExpected recoveryPlan,
            Map<PriorityCategory, Integer> thresholdDays,
            Map<String, EntryExpected> entries,
            Map<String, List<Long>> bandCounts,
            Map<String, MilestoneExpected> milestones,
            List<String> milestonesChecked,
            List<String> overThreshold,
            List<String> validationCohort,
            List<String> validationOutcomes,
            List<RejectedExpected> rejected,
            List<String> notes,
            List<String> firedRules) {
    }

    /** The counts of {@code review.summary()}; each is asserted only when stated. */
    record Summary(Long entriesIn, Long reviewed, Long rejected, Long waiting, Long seen, Long blankLines) {
    }

    /**
     * @param status  the decision
     * @param reasons exactly the rule ids of its reasons, as a set
     * @param entries for some reasons, how many entries each counts (over threshold, or rejected)
     * @param localStandard exactly the rule ids reporting waits over the service's stricter local
     *                standard, each with the waiting patients it counts; none if not stated
     */
    record RecoveryPlanExpected(RecoveryPlanStatus status, List<String> reasons, Map<String, Long> entries,
            Map<String, Long> localStandard) {
    }

    /**
     * @param inForce   whether the milestone is in force ({@code false}: the next one of its scope)
     * @param status    met, not met or undetermined
     * @param breaching ids of the breaching waiting entries, in order
     */
    record MilestoneExpected(Boolean inForce, MilestoneStatus status, List<String> breaching) {
    }

    /**
     * Expectations on one entry's review; each asserted only when stated. For
     * {@code validationPointWeeks} and {@code validationDecision} an explicit JSON {@code null}
     * asserts that there is none (no point reached; no validation outcome).
     *
     * @param status               waiting or seen
     * @param daysWaited           days waited (to the first contact once seen)
     * @param band                 the reporting band code, e.g. {@code 12-18w}
     * @param overThreshold        whether the wait is longer than the applied threshold
     * @param thresholdDays        the threshold applied to the entry
     * @param validationDue        whether the entry is due for validation
     * @param validationPointWeeks the latest validation point reached, in weeks, or {@code null}
     * @param validationDecision   {@code MAY_BE_REMOVED}, {@code STAYS}, or {@code null} for no outcome
     * @param validationReasons    exactly the rule ids of the outcome's reasons, as a set
     * @param milestoneBreaches    exactly the ids of the milestones the entry breaches, as a set
     */
    record EntryExpected(
            EntryStatus status,
            Long daysWaited,
            String band,
            Boolean overThreshold,
            Integer thresholdDays,
            Boolean validationDue,
            JsonNode validationPointWeeks,
            JsonNode validationDecision,
            List<String> validationReasons,
            List<String> milestoneBreaches) {
    }

    /**
     * @param line    the physical line (CSV header is line 1), or the position from 1 in a list
     * @param entryId the id read from the entry, if the case asserts it
     * @param codes   exactly the violation codes, in any order
     * @param paths   exactly the violation paths, in any order, if the case asserts them
     */
    record RejectedExpected(Long line, String entryId, List<String> codes, List<String> paths) {
    }
}
