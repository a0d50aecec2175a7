package org.mskrules.governance.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.InvalidInputException;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;
import org.mskrules.msk.waitinglist.WaitingListSnapshot;

/**
 * The SitRep extract of {@code examples/sitrep-waiting-list.csv} for November 2023 against a count
 * made by hand (the working is in {@code examples/README.md}), and its waiting rows against the
 * waiting-list review's band counts on the last day of the month.
 */
class SitRepExtractTest {
    static final Path EXAMPLE = Path.of("../examples/sitrep-waiting-list.csv");
    static final YearMonth NOVEMBER = YearMonth.of(2023, 11);
    static final LocalDate SNAPSHOT = LocalDate.of(2023, 12, 4);
    static WaitingListRules rules;

    @BeforeAll
    static void load() {
        rules = WaitingListRules.builder().ruleSetVersion("1.0.0").build();
    }

    @Test
    void theExampleListMatchesTheHandCount() {
        SitRepExtract x = SitRepExtract.of(rules, WaitingListSnapshot.read(EXAMPLE, SNAPSHOT), NOVEMBER);
        // Counted by hand (examples/README.md): bands 0-1w,1-2w,2-4w,4-12w,12-18w,18-52w,52w+.
        assertThat(x.csv()).isEqualTo("""
                period,periodStart,periodEnd,pathways,category,0-1w,1-2w,2-4w,4-12w,12-18w,18-52w,52w+,total
                2023-11,2023-11-01,2023-11-30,WAITING_AT_PERIOD_END,PRIORITY,2,1,0,0,0,0,1,4
                2023-11,2023-11-01,2023-11-30,WAITING_AT_PERIOD_END,NON_PRIORITY,0,1,1,2,2,2,0,8
                2023-11,2023-11-01,2023-11-30,WAITING_AT_PERIOD_END,ALL,2,2,1,2,2,2,1,12
                2023-11,2023-11-01,2023-11-30,COMPLETED_IN_PERIOD,PRIORITY,2,0,0,0,0,0,0,2
                2023-11,2023-11-01,2023-11-30,COMPLETED_IN_PERIOD,NON_PRIORITY,0,0,0,1,1,0,1,3
                2023-11,2023-11-01,2023-11-30,COMPLETED_IN_PERIOD,ALL,2,0,0,1,1,0,1,5
                """);
        assertThat(x.rejected()).as("SR-X03, category URGENT, line 21").singleElement()
                .satisfies(r -> assertThat(r.line() + " " + r.entryId() + " " + r.codes()).isEqualTo("21 SR-X03 [UNKNOWN_CODE]"));
        assertThat(x.receivedAfterPeriod()).as("SR-X02").isEqualTo(1);
        assertThat(x.completedBeforePeriod()).as("SR-X01").isEqualTo(1);
        assertThat(x.ruleSetVersion()).isEqualTo("1.0.0");
    }

    @Test
    void theWaitingRowsEqualTheReviewOnTheLastDayOfTheMonth(@TempDir Path dir) throws Exception {
        // Without the entries dated after the month, the review as of 30 November sees the same list.
        List<String> lines = Files.readAllLines(EXAMPLE).stream()
                .filter(l -> !l.contains("2023-12-") && !l.startsWith("SR-X03")).toList();
        Path file = dir.resolve("november.csv");
        Files.write(file, lines);
        LocalDate end = NOVEMBER.atEndOfMonth();
        WaitingListReview review = rules.review(file, end);
        SitRepExtract x = SitRepExtract.of(rules, WaitingListSnapshot.read(file, end), NOVEMBER);
        for (SitRepExtract.Row row : x.rows()) {
            if (!row.pathways().equals(SitRepExtract.WAITING) || row.category().equals("ALL")) {
                continue;
            }
            for (int i = 0; i < x.bands().size(); i++) {
                String band = x.bands().get(i).code();
                long expected = review.bandCounts().stream().filter(b -> b.band().equals(band))
                        .mapToLong(b -> row.category().equals("PRIORITY") ? b.priority() : b.nonPriority()).sum();
                assertThat(row.counts().get(i)).as(row.category() + " " + band).isEqualTo(expected);
            }
        }
        assertThat(x.rows().get(2).total()).isEqualTo(review.summary().waiting());
    }

    @Test
    void anEntryReceivedAfterTheSnapshotDateIsReceivedAfterTheMonthNotRejected() {
        // Read as of the month's last day (the CLI's default), SR-X02 (received 1 December) is after
        // that date; it was received after the month, so it is counted as such, and only SR-X03 is rejected.
        SitRepExtract x = SitRepExtract.of(rules, WaitingListSnapshot.read(EXAMPLE, NOVEMBER.atEndOfMonth()), NOVEMBER);
        assertThat(x.receivedAfterPeriod()).isEqualTo(1);
        assertThat(x.rejected()).extracting(r -> r.entryId()).containsExactly("SR-X03");
        // The rows are the hand count's (examples/README.md): waiting 4 priority + 8 other, completed 2 + 3.
        assertThat(x.rows()).extracting(SitRepExtract.Row::total).containsExactly(4L, 8L, 12L, 2L, 3L, 5L);
    }

    @Test
    void aSnapshotBeforeTheEndOfTheMonthIsRefused() {
        assertThatThrownBy(() -> SitRepExtract.of(rules, WaitingListSnapshot.read(EXAMPLE, LocalDate.of(2023, 11, 29)),
                NOVEMBER)).isInstanceOf(InvalidInputException.class).hasMessageContaining("BEFORE_PERIOD_END");
    }
}
