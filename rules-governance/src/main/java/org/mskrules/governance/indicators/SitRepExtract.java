package org.mskrules.governance.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.Violation;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.waitinglist.RejectedEntry;
import org.mskrules.msk.waitinglist.WaitBand;
import org.mskrules.msk.waitinglist.WaitingListEntry;
import org.mskrules.msk.waitinglist.WaitingListPolicy;
import org.mskrules.msk.waitinglist.WaitingListRules;
import org.mskrules.msk.waitinglist.WaitingListSnapshot;

/**
 * The monthly community health services SitRep extract of a waiting list (PR2022, seed 004 line 44):
 * for one reporting month, the pathways still waiting at the end of the month and the pathways
 * completed (first care contact) in the month, by the SitRep's weeks-waited bands (as the rule-set
 * version in force at the end of the month defines them) and by priority category. Counts are exact:
 * a SitRep is a return to NHS England, not a publication, so no small-number control is applied.
 * Immutable; the CSV layout is in {@code docs/indicators.md}.
 *
 * @param period               the reporting month
 * @param snapshotAsOf         the date the snapshot was read as of (on or after the end of the month)
 * @param ruleSetVersion       the waiting-list rule-set version whose bands were used
 * @param bands                the bands, shortest wait first
 * @param rows                 waiting then completed, each priority, non-priority, then all
 * @param rejected             entries rejected by the snapshot's checks, each with its line, id and every
 *                             problem, not counted
 * @param receivedAfterPeriod  entries received after the month, not counted (and not rejected, even when
 *                             received after the date the snapshot was read as of)
 * @param completedBeforePeriod entries whose first contact was before the month, not counted
 */
public record SitRepExtract(YearMonth period, LocalDate snapshotAsOf, String ruleSetVersion, List<WaitBand> bands,
        List<Row> rows, List<RejectedEntry> rejected, int receivedAfterPeriod, int completedBeforePeriod) {

    /** Pathways waiting at the end of the month. */
    public static final String WAITING = "WAITING_AT_PERIOD_END";
    /** Pathways completed in the month. */
    public static final String COMPLETED = "COMPLETED_IN_PERIOD";

    public SitRepExtract {
        Objects.requireNonNull(period, "period");
        bands = List.copyOf(bands);
        rows = List.copyOf(rows);
        rejected = List.copyOf(rejected);
    }

    /**
     * One row of the extract.
     *
     * @param pathways {@link #WAITING} or {@link #COMPLETED}
     * @param category {@code PRIORITY}, {@code NON_PRIORITY} or {@code ALL}
     * @param counts   the count in each band, in band order
     */
    public record Row(String pathways, String category, List<Long> counts) {
        public Row {
            counts = List.copyOf(counts);
        }

        public long total() {
            return counts.stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * The extract of {@code snapshot} for {@code period}, with the bands of {@code rules} at the end of
     * the month. Waiting at the end of the month: received on or before the last day, and no first
     * contact on or before it (a later first contact was still to come then); days waited from receipt to
     * the last day. Completed in the month: first contact from the first to the last day; days waited
     * from receipt to the first contact. An entry whose only problem is that it was received after the
     * date the snapshot was read as of (which is on or after the month's end) was received after the
     * month: it is counted as such, not rejected.
     *
     * @throws InvalidInputException if the snapshot was read as of a date before the end of the month
     */
    public static SitRepExtract of(WaitingListRules rules, WaitingListSnapshot snapshot, YearMonth period) {
        LocalDate start = period.atDay(1);
        LocalDate end = period.atEndOfMonth();
        if (snapshot.asOf().isBefore(end)) {
            throw new InvalidInputException(List.of(new Violation("/asOf", "BEFORE_PERIOD_END", "a snapshot as of "
                    + snapshot.asOf() + " cannot say who was waiting at the end of " + period + " (" + end + ")")));
        }
        WaitingListPolicy policy = rules.policy(end);
        List<WaitBand> bands = policy.bands();
        long[][] waiting = new long[2][bands.size()];
        long[][] completed = new long[2][bands.size()];
        int after = 0;
        int before = 0;
        List<RejectedEntry> rejected = new ArrayList<>();
        for (RejectedEntry r : snapshot.rejected()) {
            if (r.violations().stream().allMatch(v -> v.code().equals("AFTER_AS_OF") && v.path().equals("/received"))) {
                after++;
            } else {
                rejected.add(r);
            }
        }
        for (WaitingListEntry e : snapshot.entries()) {
            int c = e.category() == PriorityCategory.PRIORITY ? 0 : 1;
            if (e.received().isAfter(end)) {
                after++;
            } else if (e.firstContact() == null || e.firstContact().isAfter(end)) {
                waiting[c][bands.indexOf(policy.bandOf(ChronoUnit.DAYS.between(e.received(), end)))]++;
            } else if (e.firstContact().isBefore(start)) {
                before++;
            } else {
                completed[c][bands.indexOf(policy.bandOf(ChronoUnit.DAYS.between(e.received(), e.firstContact())))]++;
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String pathways : List.of(WAITING, COMPLETED)) {
            long[][] counts = pathways.equals(WAITING) ? waiting : completed;
            rows.add(new Row(pathways, "PRIORITY", list(counts[0])));
            rows.add(new Row(pathways, "NON_PRIORITY", list(counts[1])));
            long[] all = new long[bands.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = counts[0][i] + counts[1][i];
            }
            rows.add(new Row(pathways, "ALL", list(all)));
        }
        return new SitRepExtract(period, snapshot.asOf(), rules.version(), bands, rows,
                rejected, after, before);
    }

    private static List<Long> list(long[] values) {
        List<Long> l = new ArrayList<>();
        for (long v : values) {
            l.add(v);
        }
        return l;
    }

    /** The CSV: a header line, then one line per row; LF line ends. */
    public String csv() {
        StringBuilder s = new StringBuilder("period,periodStart,periodEnd,pathways,category");
        for (WaitBand b : bands) {
            s.append(',').append(b.code());
        }
        s.append(",total\n");
        for (Row r : rows) {
            s.append(period).append(',').append(period.atDay(1)).append(',').append(period.atEndOfMonth()).append(',')
                    .append(r.pathways()).append(',').append(r.category());
            for (Long c : r.counts()) {
                s.append(',').append(c);
            }
            s.append(',').append(r.total()).append('\n');
        }
        return s.toString();
    }
}
