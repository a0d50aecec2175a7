package org.mskrules.msk.waitinglist;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mskrules.core.Trace;

/**
 * The review of a whole waiting list on one date: the accounting, counts by reporting band and
 * category, the longest waits, whether a recovery plan is required and why, the milestones in force
 * (and the next ones) with the patients who breach them, the patients over threshold, the validation
 * cohort, the outcome of validation contacts, and every rejected entry with its problems. It holds
 * the entries of concern, not the whole list, so a list of any length can be reviewed. Immutable.
 *
 * @param asOf               the evaluation date
 * @param summary            entries in, reviewed, rejected, waiting, seen
 * @param bandCounts         waiting patients by reporting band and category, shortest wait first
 * @param longestWaits       the waiting patients with the longest waits, longest first
 * @param recoveryPlan       whether a recovery plan is required, with the reasons
 * @param milestones         a check of each milestone in force, then of each next milestone
 * @param overThreshold      waiting patients over their category's threshold, longest wait first
 * @param validationCohort   waiting patients due to be contacted to validate the list, longest first
 * @param validationOutcomes waiting patients with a recorded validation contact and its outcome,
 *                           patients who may be removed first
 * @param rejected           every rejected entry, in input order
 * @param policy             the bands, thresholds, milestones and schedule applied
 * @param parameters         the local parameter values used
 * @param trace              the rule-set version, its content hash, and every rule that fired for
 *                           the list (each validation outcome names its own rules)
 */
public record WaitingListReview(
        LocalDate asOf,
        ReviewSummary summary,
        List<BandCount> bandCounts,
        List<EntryReview> longestWaits,
        RecoveryPlan recoveryPlan,
        List<MilestoneCheck> milestones,
        List<EntryReview> overThreshold,
        List<EntryReview> validationCohort,
        List<EntryReview> validationOutcomes,
        List<RejectedEntry> rejected,
        WaitingListPolicy policy,
        Map<String, Integer> parameters,
        Trace trace) {

    public WaitingListReview {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(recoveryPlan, "recoveryPlan");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(trace, "trace");
        bandCounts = List.copyOf(bandCounts);
        longestWaits = List.copyOf(longestWaits);
        milestones = List.copyOf(milestones);
        overThreshold = List.copyOf(overThreshold);
        validationCohort = List.copyOf(validationCohort);
        validationOutcomes = List.copyOf(validationOutcomes);
        rejected = List.copyOf(rejected);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
