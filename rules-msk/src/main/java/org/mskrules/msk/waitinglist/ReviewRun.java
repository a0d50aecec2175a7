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
import java.util.function.Consumer;
import org.mskrules.core.Violation;
import org.mskrules.msk.PriorityCategory;

/**
 * One review in progress: classifies each entry against the policy as it arrives and keeps only the
 * counts and the entries of concern (over threshold, breaching a milestone, due for validation, with
 * a validation outcome, among the longest waits, rejected). Not thread-safe; one per review.
 */
final class ReviewRun implements AutoCloseable {
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
     * Every id with its line and what is needed to take its entry back out if another line repeats
     * it (every line of a duplicated id is rejected, whatever the order, so that no copy is trusted
     * over another): an external sort, so that memory does not grow with the list. Duplicates are
     * found once the whole input is read.
     */
    private final IdLedger ledger;
    /** Ids found on more than one line; their entries are dropped from the kept lists at the end. */
    private final Set<String> duplicated = new HashSet<>();
    private final long[][] bandCounts;
    private final long[] overThresholdCounts = new long[PriorityCategory.values().length];
    private final long[] overLocalStandardCounts = new long[PriorityCategory.values().length];
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
    private final List<ReviewSpool.Slot> pendingSlots = new ArrayList<>();
    /** Every review, spooled to a temporary file in line order, when the caller wants each line's outcome; else null. */
    private ReviewSpool spool;

    private long entriesIn;
    private long waiting;
    private long seen;

    ReviewRun(WaitingListPolicy policy, LocalDate asOf, int longestWaits, ValidationOutcomes outcomes) {
        this.ledger = new IdLedger();
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
        if (!problems.isEmpty()) {
            // The id as read may hold control characters; the rejection names it printably.
            rejected.add(new RejectedEntry(parsed.line(), id == null ? null : EntryChecks.printable(id), problems));
            if (hasId) {
                ledger.add(id, parsed.line(), REJECTED, rejected.size() - 1);
            }
            return;
        }
        EntryReview review = classify(parsed.line(), entry);
        if (review.waiting() && entry.validation() != null) {
            pendingReviews.add(review);
            pendingEntries.add(entry);
            if (spool != null) {
                pendingSlots.add(spool.reserve());
            }
            if (pendingEntries.size() >= ValidationOutcomes.BATCH
                    || (spool != null && spool.buffered() >= ReviewSpool.MAX_BUFFERED)) {
                flush();
            }
        } else {
            record(review);
            if (spool != null) {
                spool.append(review);
            }
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
            due = schedule.isDue(entry.received(), days, entry.validation(), asOf);
        }
        return new EntryReview(line, entry.entryId(), entry.category(), entry.received(), entry.firstContact(),
                isSeen ? EntryStatus.SEEN : EntryStatus.WAITING, days, policy.bandOf(days).code(),
                threshold.exceededBy(days), threshold.appliedDays(), breaches, due, point, null);
    }

    /** How a reviewed line is packed into the ledger: state, waiting, over, category, band and days. */
    private static final long REJECTED = 0;
    private static final long REVIEWED = 1;

    private static long pack(EntryReview r, int band) {
        return REVIEWED | (r.waiting() ? 2 : 0) | (r.overThreshold() ? 4 : 0) | ((long) r.category().ordinal() << 3)
                | ((long) band << 8) | (r.daysWaited() << 32);
    }

    private void record(EntryReview r) {
        int band = bandIndex.get(r.band());
        ledger.add(r.entryId(), r.line(), pack(r, band),
                r.firstContact() == null ? Long.MIN_VALUE : r.firstContact().toEpochDay());
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
        if (policy.threshold(r.category()).exceedsLocalStandard(r.daysWaited())) {
            overLocalStandardCounts[category]++;
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

    /**
     * Every line of an id found on more than one: each is rejected (one already rejected names the
     * duplication too), and a reviewed one's counts are taken back. The first line names the second;
     * every later line names the first.
     */
    private void duplicate(List<IdLedger.Entry> lines) {
        String id = lines.get(0).id();
        duplicated.add(id);
        for (int k = 0; k < lines.size(); k++) {
            IdLedger.Entry e = lines.get(k);
            long other = lines.get(k == 0 ? 1 : 0).line();
            Violation v = new Violation("/entryId", "DUPLICATE_ENTRY_ID", "entry id [" + EntryChecks.printable(id)
                    + "] is also on line " + other + "; every line of a duplicated id is rejected");
            if ((e.info() & 1) == REJECTED) {
                int index = (int) e.extra();
                RejectedEntry earlier = rejected.get(index);
                List<Violation> all = new ArrayList<>(earlier.violations());
                all.add(v);
                rejected.set(index, new RejectedEntry(earlier.line(), earlier.entryId(), all));
            } else {
                retract(e.info());
                rejected.add(new RejectedEntry(e.line(), EntryChecks.printable(id), List.of(v)));
            }
        }
    }

    /** Takes back the counts of a reviewed line, from its packed state. */
    private void retract(long info) {
        if ((info & 2) == 0) {
            seen--;
            return;
        }
        waiting--;
        PriorityCategory category = PriorityCategory.values()[(int) (info >> 3 & 1)];
        int band = (int) (info >> 8 & 0xff);
        long days = info >> 32;
        bandCounts[band][category.ordinal()]--;
        if ((info & 4) != 0) {
            overThresholdCounts[category.ordinal()]--;
        }
        if (policy.threshold(category).exceedsLocalStandard(days)) {
            overLocalStandardCounts[category.ordinal()]--;
        }
        for (int i = 0; i < milestones.size(); i++) {
            if (milestones.get(i).breachedBy(category, days)) {
                milestoneCounts[i]--;
            }
        }
    }

    private void flush() {
        if (pendingEntries.isEmpty()) {
            return;
        }
        Set<String> dueAgain = new HashSet<>();
        pendingReviews.stream().filter(EntryReview::validationDue).forEach(r -> dueAgain.add(r.entryId()));
        // Two lines of one id in a batch share an outcome here; both are rejected as duplicates at the end.
        Map<String, ValidationOutcome> byId = outcomes.decide(pendingEntries, dueAgain, asOf);
        for (int i = 0; i < pendingReviews.size(); i++) {
            EntryReview r = pendingReviews.get(i).withValidationOutcome(byId.get(pendingReviews.get(i).entryId()));
            record(r);
            if (spool != null) {
                pendingSlots.get(i).fill(r);
            }
        }
        pendingReviews.clear();
        pendingEntries.clear();
        pendingSlots.clear();
        if (spool != null) {
            spool.drain();
        }
    }



    /**
     * Spools every entry's review, not only those of concern, to a temporary file in line order, for
     * {@link #outcomes}: memory still does not grow with the list. Call before the first {@link #offer}.
     */
    void keepEveryReview() {
        spool = new ReviewSpool();
    }

    /**
     * Gives {@code eachLine} what became of each entry, in line order; after {@link #finish}, and only
     * if {@link #keepEveryReview} was called. A review of a line whose id another line repeats is
     * replaced by that line's rejection.
     *
     * @throws IllegalStateException if the outcomes do not account for every entry
     */
    void outcomes(Consumer<EntryOutcome> eachLine) {
        if (spool == null) {
            throw new IllegalStateException("every review was not kept");
        }
        long delivered = spool.replay(rejected, eachLine);
        if (delivered != entriesIn) {
            throw new IllegalStateException("entries lost: " + entriesIn + " in, " + delivered + " outcomes");
        }
    }

    /** Deletes the temporary files of the run; safe to call more than once. */
    @Override
    public void close() {
        ledger.close();
        if (spool != null) {
            spool.close();
        }
    }

    /** Everything counted and kept, once every entry has been offered. */
    Result finish(long blankLines) {
        flush();
        if (spool != null) {
            spool.finishWriting();
        }
        // One pass over every id in id order: duplicates rejected, and the longest waits of what is left.
        Comparator<IdLedger.Entry> longestFirst = (a, b) -> {
            int byDays = Long.compare(b.info() >> 32, a.info() >> 32);
            return byDays != 0 ? byDays : a.id().compareTo(b.id());
        };
        PriorityQueue<IdLedger.Entry> top = new PriorityQueue<>(longestFirst.reversed());
        ledger.forEachId(lines -> {
            if (lines.size() > 1) {
                duplicate(lines);
                return;
            }
            IdLedger.Entry e = lines.get(0);
            if (longestWaits > 0 && (e.info() & 1) == REVIEWED && (e.info() & 2) != 0) {
                top.add(e);
                if (top.size() > longestWaits) {
                    top.poll();
                }
            }
        });
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
        List<EntryReview> longestList = longest(top);
        longestList.sort(LONGEST_FIRST);
        overThreshold.sort(LONGEST_FIRST);
        validationCohort.sort(LONGEST_FIRST);
        withOutcome.sort(Comparator.comparing((EntryReview r) -> r.validationOutcome().decision()).thenComparing(LONGEST_FIRST));
        rejected.sort(Comparator.comparingLong(RejectedEntry::line));
        return new Result(summary, counts, longestList, overThreshold, validationCohort, withOutcome, rejected,
                breaching, breachingCounts, overThresholdCounts[PriorityCategory.PRIORITY.ordinal()],
                overThresholdCounts[PriorityCategory.NON_PRIORITY.ordinal()],
                overLocalStandardCounts[PriorityCategory.PRIORITY.ordinal()],
                overLocalStandardCounts[PriorityCategory.NON_PRIORITY.ordinal()]);
    }

    /**
     * The reviews of the longest waits found over every id: each is kept in the bounded heap or a
     * kept list unless a duplicate's retraction let it in, and then it is rebuilt from the ledger. A
     * rebuilt one cannot be due for validation or have an outcome, or it would be in those lists.
     */
    private List<EntryReview> longest(PriorityQueue<IdLedger.Entry> top) {
        Map<String, EntryReview> kept = new HashMap<>();
        for (List<EntryReview> list : List.of(new ArrayList<>(longest), overThreshold, validationCohort, withOutcome)) {
            list.forEach(r -> kept.put(r.entryId(), r));
        }
        List<EntryReview> result = new ArrayList<>();
        for (IdLedger.Entry e : top) {
            EntryReview r = kept.get(e.id());
            if (r == null) {
                long info = e.info();
                PriorityCategory category = PriorityCategory.values()[(int) (info >> 3 & 1)];
                LocalDate firstContact = e.extra() == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(e.extra());
                EntryReview rebuilt = classify(e.line(), new WaitingListEntry(e.id(), category,
                        asOf.minusDays(info >> 32), firstContact, null));
                r = new EntryReview(rebuilt.line(), rebuilt.entryId(), rebuilt.category(), rebuilt.received(),
                        rebuilt.firstContact(), rebuilt.status(), rebuilt.daysWaited(), rebuilt.band(),
                        rebuilt.overThreshold(), rebuilt.thresholdDays(), rebuilt.milestoneBreaches(), false,
                        rebuilt.validationPointWeeks(), null);
            }
            result.add(r);
        }
        return result;
    }

    /** What a finished run holds, before the list-level rules decide on it. */
    record Result(ReviewSummary summary, List<BandCount> bandCounts, List<EntryReview> longestWaits,
            List<EntryReview> overThreshold, List<EntryReview> validationCohort, List<EntryReview> validationOutcomes,
            List<RejectedEntry> rejected, Map<Milestone, List<EntryReview>> milestoneBreaching,
            Map<Milestone, Long> milestoneBreachingCounts, long priorityOverThreshold, long nonPriorityOverThreshold,
            long priorityOverLocalStandard, long nonPriorityOverLocalStandard) {
    }
}
