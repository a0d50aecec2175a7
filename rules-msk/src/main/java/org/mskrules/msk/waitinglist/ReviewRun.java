package org.mskrules.msk.waitinglist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.mskrules.core.Violation;
import org.mskrules.msk.PriorityCategory;

/**
 * One review in progress: classifies each entry against the policy as it arrives and keeps only the
 * counts and the entries of concern (over threshold, breaching a milestone, due for validation, with
 * a validation outcome, among the longest waits, rejected). Not thread-safe; one per review.
 */
final class ReviewRun {
    /** Longest wait first; ties by id, so that the order never depends on the order of input. */
    static final Comparator<EntryReview> LONGEST_FIRST = Comparator.comparingLong(EntryReview::daysWaited).reversed()
            .thenComparing(EntryReview::entryId);

    private final WaitingListPolicy policy;
    private final LocalDate asOf;
    private final int longestWaits;
    private final ValidationOutcomes outcomes;
    private final List<Milestone> milestones;
    private final Map<String, Integer> bandIndex = new HashMap<>();
    /** Interned milestone-breach lists, so that a million entries share a handful of lists. */
    private final Map<List<String>, List<String>> breachLists = new HashMap<>();

    /** Entry id to the line it first appeared on: duplicates are found in one pass. */
    private final Map<String, Long> firstLine = new HashMap<>();
    private final long[][] bandCounts;
    private final long[] overThresholdCounts = new long[PriorityCategory.values().length];
    private final long[] milestoneCounts;
    private final List<List<EntryReview>> milestoneBreaching = new ArrayList<>();
    private final List<EntryReview> overThreshold = new ArrayList<>();
    private final List<EntryReview> validationCohort = new ArrayList<>();
    private final List<EntryReview> withOutcome = new ArrayList<>();
    private final List<RejectedEntry> rejected = new ArrayList<>();
    /** The longest waits so far, shortest of them at the head, so that it can be evicted. */
    private final PriorityQueue<EntryReview> longest = new PriorityQueue<>(LONGEST_FIRST.reversed());
    private final List<EntryReview> pendingReviews = new ArrayList<>();
    private final List<WaitingListEntry> pendingEntries = new ArrayList<>();

    private long entriesIn;
    private long waiting;
    private long seen;

    ReviewRun(WaitingListPolicy policy, LocalDate asOf, int longestWaits, ValidationOutcomes outcomes) {
        this.policy = policy;
        this.asOf = asOf;
        this.longestWaits = longestWaits;
        this.outcomes = outcomes;
        List<WaitBand> bands = policy.bands();
        for (int i = 0; i < bands.size(); i++) {
            bandIndex.put(bands.get(i).code(), i);
        }
        this.bandCounts = new long[bands.size()][PriorityCategory.values().length];
        this.milestones = new ArrayList<>(policy.milestonesInForce());
        this.milestones.addAll(policy.upcomingMilestones());
        this.milestoneCounts = new long[milestones.size()];
        milestones.forEach(m -> milestoneBreaching.add(new ArrayList<>()));
    }

    /** Takes one entry as read; rejects it with every problem, or classifies it. */
    void offer(ParsedEntry parsed) {
        entriesIn++;
        WaitingListEntry entry = parsed.entry();
        List<Violation> problems = new ArrayList<>(parsed.problems());
        problems.addAll(EntryChecks.check(entry, asOf, parsed.unreadable()));
        String id = entry.entryId();
        if (id != null && !id.isBlank()) {
            Long first = firstLine.putIfAbsent(id, parsed.line());
            if (first != null) {
                problems.add(new Violation("/entryId", "DUPLICATE_ENTRY_ID", "entry id [" + id
                        + "] is already on line " + first + "; an id may appear once in a list"));
            }
        }
        if (!problems.isEmpty()) {
            // The id as read may hold control characters; the rejection names it printably.
            rejected.add(new RejectedEntry(parsed.line(), id == null ? null : EntryChecks.printable(id), problems));
            return;
        }
        EntryReview review = classify(parsed.line(), entry);
        if (review.waiting() && entry.validation() != null) {
            pendingReviews.add(review);
            pendingEntries.add(entry);
            if (pendingEntries.size() >= ValidationOutcomes.BATCH) {
                flush();
            }
        } else {
            record(review);
        }
    }

    /** The review of one valid entry, without its validation outcome. */
    EntryReview classify(long line, WaitingListEntry entry) {
        boolean isSeen = entry.firstContact() != null && !entry.firstContact().isAfter(asOf);
        LocalDate end = isSeen ? entry.firstContact() : asOf;
        long days = end.toEpochDay() - entry.received().toEpochDay();
        WaitThreshold threshold = policy.threshold(entry.category());
        List<String> breaches = List.of();
        boolean due = false;
        Integer point = null;
        if (!isSeen) {
            List<String> ids = new ArrayList<>(2);
            for (Milestone m : milestones) {
                if (m.breachedBy(entry.category(), days)) {
                    ids.add(m.ruleId());
                }
            }
            breaches = ids.isEmpty() ? List.of() : breachLists.computeIfAbsent(List.copyOf(ids), k -> k);
            ValidationSchedule schedule = policy.validationSchedule();
            int reached = schedule.pointReached(days);
            point = reached < 0 ? null : reached;
            due = schedule.isDue(entry.received(), days, entry.validation());
        }
        return new EntryReview(line, entry.entryId(), entry.category(), entry.received(), entry.firstContact(),
                isSeen ? EntryStatus.SEEN : EntryStatus.WAITING, days, policy.bandOf(days).code(),
                threshold.exceededBy(days), threshold.appliedDays(), breaches, due, point, null);
    }

    private void record(EntryReview r) {
        if (!r.waiting()) {
            seen++;
            return;
        }
        waiting++;
        int category = r.category().ordinal();
        bandCounts[bandIndex.get(r.band())][category]++;
        if (r.overThreshold()) {
            overThresholdCounts[category]++;
            overThreshold.add(r);
        }
        for (String id : r.milestoneBreaches()) {
            for (int i = 0; i < milestones.size(); i++) {
                if (milestones.get(i).ruleId().equals(id)) {
                    milestoneCounts[i]++;
                    milestoneBreaching.get(i).add(r);
                }
            }
        }
        if (r.validationDue()) {
            validationCohort.add(r);
        }
        if (r.validationOutcome() != null) {
            withOutcome.add(r);
        }
        if (longestWaits > 0) {
            if (longest.size() < longestWaits) {
                longest.add(r);
            } else if (LONGEST_FIRST.compare(r, longest.peek()) < 0) {
                longest.poll();
                longest.add(r);
            }
        }
    }

    private void flush() {
        if (pendingEntries.isEmpty()) {
            return;
        }
        Map<String, ValidationOutcome> byId = outcomes.decide(pendingEntries, asOf);
        for (EntryReview r : pendingReviews) {
            record(r.withValidationOutcome(byId.get(r.entryId())));
        }
        pendingReviews.clear();
        pendingEntries.clear();
    }

    /** Everything counted and kept, once every entry has been offered. */
    Result finish(long blankLines) {
        flush();
        long reviewed = waiting + seen;
        ReviewSummary summary = new ReviewSummary(entriesIn, reviewed, rejected.size(), waiting, seen, blankLines);
        List<BandCount> counts = new ArrayList<>();
        for (int i = 0; i < policy.bands().size(); i++) {
            WaitBand b = policy.bands().get(i);
            counts.add(new BandCount(b.code(), b.label(), bandCounts[i][PriorityCategory.PRIORITY.ordinal()],
                    bandCounts[i][PriorityCategory.NON_PRIORITY.ordinal()]));
        }
        Map<Milestone, List<EntryReview>> breaching = new LinkedHashMap<>();
        Map<Milestone, Long> breachingCounts = new LinkedHashMap<>();
        for (int i = 0; i < milestones.size(); i++) {
            List<EntryReview> list = milestoneBreaching.get(i);
            list.sort(LONGEST_FIRST);
            breaching.put(milestones.get(i), list);
            breachingCounts.put(milestones.get(i), milestoneCounts[i]);
        }
        List<EntryReview> longestList = new ArrayList<>(longest);
        longestList.sort(LONGEST_FIRST);
        overThreshold.sort(LONGEST_FIRST);
        validationCohort.sort(LONGEST_FIRST);
        withOutcome.sort(Comparator.comparing((EntryReview r) -> r.validationOutcome().decision()).thenComparing(LONGEST_FIRST));
        rejected.sort(Comparator.comparingLong(RejectedEntry::line));
        return new Result(summary, counts, longestList, overThreshold, validationCohort, withOutcome, rejected,
                breaching, breachingCounts, overThresholdCounts[PriorityCategory.PRIORITY.ordinal()],
                overThresholdCounts[PriorityCategory.NON_PRIORITY.ordinal()]);
    }

    /** What a finished run holds, before the list-level rules decide on it. */
    record Result(ReviewSummary summary, List<BandCount> bandCounts, List<EntryReview> longestWaits,
            List<EntryReview> overThreshold, List<EntryReview> validationCohort, List<EntryReview> validationOutcomes,
            List<RejectedEntry> rejected, Map<Milestone, List<EntryReview>> milestoneBreaching,
            Map<Milestone, Long> milestoneBreachingCounts, long priorityOverThreshold, long nonPriorityOverThreshold) {
    }
}
