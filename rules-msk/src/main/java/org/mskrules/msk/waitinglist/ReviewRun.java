package org.mskrules.msk.waitinglist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
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
    static final Comparator<EntryReview> LONGEST_FIRST = ReviewRun::longestFirst;

    /**
     * {@link #LONGEST_FIRST} written out rather than composed from key extractors: the kept lists of
     * a million-entry review (hundreds of thousands of entries) are sorted with it.
     */
    private static int longestFirst(EntryReview a, EntryReview b) {
        int byDays = Long.compare(b.daysWaited(), a.daysWaited());
        return byDays != 0 ? byDays : a.entryId().compareTo(b.entryId());
    }

    private final WaitingListPolicy policy;
    private final LocalDate asOf;
    private final int longestWaits;
    private final ValidationOutcomes outcomes;
    private final List<Milestone> milestones;
    private final Map<String, Integer> bandIndex = new HashMap<>();
    /**
     * The milestone-breach list for each set of milestones breached (a bit per milestone checked),
     * built once, so that a million entries share a handful of lists. At most one milestone per
     * scope is in force and one next, so there are at most 2^4 sets.
     */
    private final List<List<String>> breachLists = new ArrayList<>();

    /**
     * Every id seen, with what is needed to take its entry back out if a later line repeats it: every
     * line of a duplicated id is rejected, whatever the order, so that no copy is trusted over
     * another. About 50 bytes an entry; the one structure that grows with the whole list.
     */
    private final Map<String, Seen> seenIds = new HashMap<>();
    /** Ids found on more than one line; their entries are dropped from the kept lists at the end. */
    private final Set<String> duplicated = new HashSet<>();
    private boolean retracted;
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
    private final List<Seen> pendingSeen = new ArrayList<>();
    /** Every review recorded, in the order recorded, when the caller wants each line's outcome; else null. */
    private List<EntryReview> everyReview;

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
        for (int mask = 0; mask < 1 << milestones.size(); mask++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < milestones.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    ids.add(milestones.get(i).ruleId());
                }
            }
            breachLists.add(List.copyOf(ids));
        }
    }

    /** Takes one entry as read; rejects it with every problem, or classifies it. */
    void offer(ParsedEntry parsed) {
        entriesIn++;
        WaitingListEntry entry = parsed.entry();
        List<Violation> problems = new ArrayList<>(parsed.problems());
        problems.addAll(EntryChecks.check(entry, asOf, parsed.unreadable()));
        String id = entry.entryId();
        boolean hasId = id != null && !id.isBlank();
        // One map operation per entry: claim the id, or find the line that already has it.
        Seen mine = new Seen(parsed.line(), Seen.PENDING);
        Seen first = hasId ? seenIds.putIfAbsent(id, mine) : null;
        if (hasId) {
            if (first != null) {
                problems.add(new Violation("/entryId", "DUPLICATE_ENTRY_ID", "entry id [" + EntryChecks.printable(id)
                        + "] is also on line " + first.line + "; every line of a duplicated id is rejected"));
                duplicate(id, first, parsed.line());
            }
        }
        if (!problems.isEmpty()) {
            // The id as read may hold control characters; the rejection names it printably.
            rejected.add(new RejectedEntry(parsed.line(), id == null ? null : EntryChecks.printable(id), problems));
            if (hasId && first == null) {
                mine.state = Seen.REJECTED;
                mine.rejectedIndex = rejected.size() - 1;
            }
            return;
        }
        EntryReview review = classify(parsed.line(), entry);
        if (review.waiting() && entry.validation() != null) {
            pendingReviews.add(review);
            pendingEntries.add(entry);
            pendingSeen.add(mine);
            if (pendingEntries.size() >= ValidationOutcomes.BATCH) {
                flush();
            }
        } else {
            record(review, mine);
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
            int mask = 0;
            for (int i = 0; i < milestones.size(); i++) {
                if (milestones.get(i).breachedBy(entry.category(), days)) {
                    mask |= 1 << i;
                }
            }
            breaches = breachLists.get(mask);
            ValidationSchedule schedule = policy.validationSchedule();
            int reached = schedule.pointReached(days);
            point = reached < 0 ? null : reached;
            due = schedule.isDue(entry.received(), days, entry.validation());
        }
        return new EntryReview(line, entry.entryId(), entry.category(), entry.received(), entry.firstContact(),
                isSeen ? EntryStatus.SEEN : EntryStatus.WAITING, days, policy.bandOf(days).code(),
                threshold.exceededBy(days), threshold.appliedDays(), breaches, due, point, null);
    }

    /** A later line repeats {@code id}: the first line is rejected too, and its counts taken back. */
    private void duplicate(String id, Seen first, long line) {
        if (first.state == Seen.REVIEWED) {
            retract(first);
            retracted = true;
        }
        Violation duplicate = new Violation("/entryId", "DUPLICATE_ENTRY_ID", "entry id ["
                + EntryChecks.printable(id) + "] is also on line " + line + "; every line of a duplicated id is rejected");
        if (first.state == Seen.REVIEWED || first.state == Seen.PENDING) {
            rejected.add(new RejectedEntry(first.line, EntryChecks.printable(id), List.of(duplicate)));
        } else if (first.state == Seen.REJECTED) {
            // Already rejected for its own problems: it names the duplication too, whatever the order.
            RejectedEntry earlier = rejected.get(first.rejectedIndex);
            List<Violation> all = new ArrayList<>(earlier.violations());
            all.add(duplicate);
            rejected.set(first.rejectedIndex, new RejectedEntry(earlier.line(), earlier.entryId(), all));
        }
        first.state = Seen.DUPLICATED;
        duplicated.add(id);
    }

    private void retract(Seen s) {
        if (!s.waiting) {
            seen--;
            return;
        }
        waiting--;
        int category = s.category.ordinal();
        bandCounts[s.band][category]--;
        if (s.over) {
            overThresholdCounts[category]--;
        }
        for (int i = 0; i < milestones.size(); i++) {
            if (milestones.get(i).breachedBy(s.category, s.days)) {
                milestoneCounts[i]--;
            }
        }
    }

    private void record(EntryReview r, Seen s) {
        if (s.state == Seen.DUPLICATED) {
            // Repeated while its validation outcome was pending: already rejected, never counted.
            return;
        }
        if (everyReview != null) {
            everyReview.add(r);
        }
        int band = bandIndex.get(r.band());
        s.reviewed(r, band);
        if (!r.waiting()) {
            seen++;
            return;
        }
        waiting++;
        int category = r.category().ordinal();
        bandCounts[band][category]++;
        if (r.overThreshold()) {
            overThresholdCounts[category]++;
            overThreshold.add(r);
        }
        for (int i = 0; i < milestones.size(); i++) {
            if (milestones.get(i).breachedBy(r.category(), r.daysWaited())) {
                milestoneCounts[i]++;
                milestoneBreaching.get(i).add(r);
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
        Set<String> dueAgain = new HashSet<>();
        pendingReviews.stream().filter(EntryReview::validationDue).forEach(r -> dueAgain.add(r.entryId()));
        Map<String, ValidationOutcome> byId = outcomes.decide(pendingEntries, dueAgain, asOf);
        for (int i = 0; i < pendingReviews.size(); i++) {
            EntryReview r = pendingReviews.get(i);
            record(r.withValidationOutcome(byId.get(r.entryId())), pendingSeen.get(i));
        }
        pendingReviews.clear();
        pendingEntries.clear();
        pendingSeen.clear();
    }

    /**
     * Keeps every entry's review, not only those of concern, for {@link #outcomes}: memory then grows
     * with the whole list (one {@link EntryReview} per entry). Call before the first {@link #offer}.
     */
    void keepEveryReview() {
        everyReview = new ArrayList<>();
    }

    /**
     * What became of each entry, in line order; after {@link #finish}, and only if
     * {@link #keepEveryReview} was called. A review recorded before a later line repeated its id is
     * left out: that line is among the rejected.
     *
     * @throws IllegalStateException if the outcomes do not account for every entry
     */
    List<EntryOutcome> outcomes() {
        if (everyReview == null) {
            throw new IllegalStateException("every review was not kept");
        }
        List<EntryOutcome> all = new ArrayList<>(everyReview.size() + rejected.size());
        for (EntryReview r : everyReview) {
            if (!duplicated.contains(r.entryId())) {
                all.add(EntryOutcome.reviewed(r));
            }
        }
        for (RejectedEntry r : rejected) {
            all.add(EntryOutcome.rejected(r));
        }
        all.sort(Comparator.comparingLong(EntryOutcome::line));
        if (all.size() != entriesIn) {
            throw new IllegalStateException("entries lost: " + entriesIn + " in, " + all.size() + " outcomes");
        }
        return all;
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
        if (!duplicated.isEmpty()) {
            overThreshold.removeIf(r -> duplicated.contains(r.entryId()));
            validationCohort.removeIf(r -> duplicated.contains(r.entryId()));
            withOutcome.removeIf(r -> duplicated.contains(r.entryId()));
            milestoneBreaching.forEach(list -> list.removeIf(r -> duplicated.contains(r.entryId())));
        }
        Map<Milestone, List<EntryReview>> breaching = new LinkedHashMap<>();
        Map<Milestone, Long> breachingCounts = new LinkedHashMap<>();
        for (int i = 0; i < milestones.size(); i++) {
            List<EntryReview> list = milestoneBreaching.get(i);
            list.sort(LONGEST_FIRST);
            breaching.put(milestones.get(i), list);
            breachingCounts.put(milestones.get(i), milestoneCounts[i]);
        }
        List<EntryReview> longestList = retracted ? longestAfterRetraction() : new ArrayList<>(longest);
        longestList.sort(LONGEST_FIRST);
        overThreshold.sort(LONGEST_FIRST);
        validationCohort.sort(LONGEST_FIRST);
        withOutcome.sort(Comparator.comparing((EntryReview r) -> r.validationOutcome().decision()).thenComparing(LONGEST_FIRST));
        rejected.sort(Comparator.comparingLong(RejectedEntry::line));
        return new Result(summary, counts, longestList, overThreshold, validationCohort, withOutcome, rejected,
                breaching, breachingCounts, overThresholdCounts[PriorityCategory.PRIORITY.ordinal()],
                overThresholdCounts[PriorityCategory.NON_PRIORITY.ordinal()]);
    }

    /**
     * The longest waits when a reviewed entry was taken back: the bounded heap may have dropped an
     * entry that now belongs in it, so the ranking is redone from every id seen, and an entry not
     * kept anywhere is rebuilt. It cannot be due for validation or have an outcome, or it would be in
     * those lists.
     */
    private List<EntryReview> longestAfterRetraction() {
        if (longestWaits == 0) {
            return new ArrayList<>(); // sorted by the caller
        }
        Comparator<Map.Entry<String, Seen>> longestFirst = Comparator
                .comparingLong((Map.Entry<String, Seen> e) -> e.getValue().days).reversed()
                .thenComparing(Map.Entry::getKey);
        PriorityQueue<Map.Entry<String, Seen>> top = new PriorityQueue<>(longestFirst.reversed());
        for (Map.Entry<String, Seen> e : seenIds.entrySet()) {
            if (e.getValue().state == Seen.REVIEWED && e.getValue().waiting) {
                top.add(e);
                if (top.size() > longestWaits) {
                    top.poll();
                }
            }
        }
        Map<String, EntryReview> kept = new HashMap<>();
        for (List<EntryReview> list : List.of(new ArrayList<>(longest), overThreshold, validationCohort, withOutcome)) {
            list.forEach(r -> kept.put(r.entryId(), r));
        }
        List<EntryReview> result = new ArrayList<>();
        for (Map.Entry<String, Seen> e : top) {
            EntryReview r = kept.get(e.getKey());
            if (r == null) {
                Seen s = e.getValue();
                EntryReview rebuilt = classify(s.line, new WaitingListEntry(e.getKey(), s.category,
                        asOf.minusDays(s.days), s.firstContact, null));
                r = new EntryReview(rebuilt.line(), rebuilt.entryId(), rebuilt.category(), rebuilt.received(),
                        rebuilt.firstContact(), rebuilt.status(), rebuilt.daysWaited(), rebuilt.band(),
                        rebuilt.overThreshold(), rebuilt.thresholdDays(), rebuilt.milestoneBreaches(), false,
                        rebuilt.validationPointWeeks(), null);
            }
            result.add(r);
        }
        return result;
    }

    /** What the run remembers of one id. */
    private static final class Seen {
        static final byte PENDING = 0;
        static final byte REVIEWED = 1;
        static final byte REJECTED = 2;
        static final byte DUPLICATED = 3;

        final long line;
        byte state;
        /** Where its rejection is in the rejected list, when it was rejected on its own account. */
        int rejectedIndex = -1;
        boolean waiting;
        boolean over;
        byte band;
        PriorityCategory category;
        int days;
        LocalDate firstContact;

        Seen(long line, byte state) {
            this.line = line;
            this.state = state;
        }

        void reviewed(EntryReview r, int bandIndex) {
            state = REVIEWED;
            waiting = r.waiting();
            over = r.overThreshold();
            band = (byte) bandIndex;
            category = r.category();
            days = (int) r.daysWaited();
            firstContact = r.firstContact();
        }
    }

    /** What a finished run holds, before the list-level rules decide on it. */
    record Result(ReviewSummary summary, List<BandCount> bandCounts, List<EntryReview> longestWaits,
            List<EntryReview> overThreshold, List<EntryReview> validationCohort, List<EntryReview> validationOutcomes,
            List<RejectedEntry> rejected, Map<Milestone, List<EntryReview>> milestoneBreaching,
            Map<Milestone, Long> milestoneBreachingCounts, long priorityOverThreshold, long nonPriorityOverThreshold) {
    }
}
