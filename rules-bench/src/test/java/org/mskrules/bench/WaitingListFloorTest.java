package org.mskrules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.waitinglist.BandCount;
import org.mskrules.msk.waitinglist.EntryReview;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * The plain-Java floor of the waiting-list review decides as {@code msk-waiting-list} 1.0.0 does on
 * the benchmark's generated list: the same entries rejected, waiting and seen, the same counts by
 * reporting band and category, and the same entries over threshold (with their waits and bands) in
 * the same order, so that a benchmark's ratio to the floor compares equal work.
 */
class WaitingListFloorTest {
    @Test
    void decidesAsTheRuleSetDoesOnTwentyThousandEntries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("list.csv");
        WaitingListReviewBenchmark.write(file, 20_000);
        WaitingListReview review = compare(file, 20_000);
        // The list's impossible dates were rejected alike, and its long waits reach every band.
        assertThat(review.summary().rejected()).isPositive();
        assertThat(review.overThreshold()).hasSizeGreaterThan(5_000);
    }

    @Test
    void decidesAsTheRuleSetDoesOnEveryWaitAcrossEveryBoundary(@TempDir Path dir) throws Exception {
        // Every wait from 0 to 400 days in both categories, waiting and seen, so that every band edge
        // and both thresholds are crossed in each category.
        StringBuilder csv = new StringBuilder(WaitingListFloor.HEADER).append('\n');
        int n = 0;
        for (int days = 0; days <= 400; days++) {
            for (String category : List.of("PRIORITY", "NON_PRIORITY")) {
                LocalDate received = WaitingListReviewBenchmark.AS_OF.minusDays(days);
                csv.append("W").append(n++).append(',').append(category).append(',').append(received).append(",,,,,,\n");
                csv.append("S").append(n++).append(',').append(category).append(',').append(received.minusDays(30))
                        .append(',').append(received).append(",,,,,\n");
            }
        }
        Path file = dir.resolve("edges.csv");
        Files.writeString(file, csv);
        compare(file, n);
    }

    private static WaitingListReview compare(Path file, int entries) throws Exception {
        WaitingListReview review = WaitingListRules.builder().build()
                .review(file, WaitingListReviewBenchmark.AS_OF);
        WaitingListFloor.Result floor = WaitingListFloor.review(file, WaitingListReviewBenchmark.AS_OF);

        assertThat(floor.entriesIn()).isEqualTo(review.summary().entriesIn()).isEqualTo(entries);
        assertThat(floor.rejected()).isEqualTo(review.summary().rejected());
        assertThat(floor.waiting()).isEqualTo(review.summary().waiting());
        assertThat(floor.seen()).isEqualTo(review.summary().seen()).isPositive();

        List<String> engineBands = new ArrayList<>();
        for (BandCount b : review.bandCounts()) {
            engineBands.add(b.band() + " " + b.priority() + " " + b.nonPriority());
        }
        List<String> floorBands = new ArrayList<>();
        for (int i = 0; i < WaitingListFloor.BAND_CODES.size(); i++) {
            floorBands.add(WaitingListFloor.BAND_CODES.get(i) + " " + floor.bandCounts()[i][0] + " "
                    + floor.bandCounts()[i][1]);
        }
        assertThat(floorBands).isEqualTo(engineBands);
        assertThat(review.bandCounts()).allSatisfy(b -> assertThat(b.total()).isPositive());

        List<String> engineOver = new ArrayList<>();
        for (EntryReview r : review.overThreshold()) {
            engineOver.add(r.entryId() + " " + (r.category() == PriorityCategory.PRIORITY) + " " + r.daysWaited()
                    + " " + r.band());
        }
        List<String> floorOver = new ArrayList<>();
        for (WaitingListFloor.Over o : floor.overThreshold()) {
            floorOver.add(o.entryId() + " " + o.priority() + " " + o.days() + " "
                    + WaitingListFloor.BAND_CODES.get(o.band()));
        }
        assertThat(floorOver).isEqualTo(engineOver).isNotEmpty();
        return review;
    }

    @Test
    void bandsEndWhereTheRulesEndThem() {
        // WL-BAND-001..007: a patient waits longer than N weeks when days > 7N.
        assertThat(List.of(0L, 7L, 8L, 14L, 15L, 28L, 29L, 84L, 85L, 126L, 127L, 364L, 365L, 3000L).stream()
                .map(d -> WaitingListFloor.BAND_CODES.get(WaitingListFloor.band(d))).toList())
                .containsExactly("0-1w", "0-1w", "1-2w", "1-2w", "2-4w", "2-4w", "4-12w", "4-12w", "12-18w",
                        "12-18w", "18-52w", "18-52w", "52w+", "52w+");
        WaitingListRules rules = WaitingListRules.builder().build();
        assertThat(rules.policy(WaitingListReviewBenchmark.AS_OF).bands().stream()
                .map(b -> b.code() + " " + b.fromDay() + "-" + b.toDay()).toList())
                .containsExactly("0-1w 0-7", "1-2w 8-14", "2-4w 15-28", "4-12w 29-84", "12-18w 85-126",
                        "18-52w 127-364", "52w+ 365-null");
        // WL-THR-001/002 with the national standards.
        assertThat(rules.policy(WaitingListReviewBenchmark.AS_OF).threshold(PriorityCategory.PRIORITY).appliedDays())
                .isEqualTo(14);
        assertThat(rules.policy(WaitingListReviewBenchmark.AS_OF).threshold(PriorityCategory.NON_PRIORITY)
                .appliedDays()).isEqualTo(84);
    }
}
