package org.mskrules.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The floor for the waiting-list review: the per-entry decisions of {@code msk-waiting-list} 1.0.0
 * with the national standards (days waited, SitRep reporting band, over the category's threshold)
 * and the list's counts by band and category, written as plain Java over the benchmark's CSV file,
 * with no engine. Benchmarks run it beside {@code WaitingListRules.review} so that each figure can be
 * read as a ratio to it; {@code WaitingListFloorTest} checks that it decides as the rule set does.
 *
 * <p>What it does per line: split the nine columns, parse the category and the three dates
 * (rejecting a line with an impossible date, a received date after the evaluation date, a wait of
 * more than ten years or a first contact before receipt), claim the id in a hash set, classify, count,
 * and keep the entries over threshold; at the end it sorts those longest wait first. It does not
 * decide milestones, validation or the recovery plan, keep a trace, accept quoted fields or other
 * column orders, or take back the first line of a repeated id (the benchmark's list has none), so
 * the ratio of the review to it overstates the review's overhead for equal work.
 *
 * <p>The bands and thresholds are the published ones that the rule files state (WL-BAND-001..007,
 * WL-THR-001..002), for benchmarks only: the rule files are the source, never this class.
 */
final class WaitingListFloor {
    static final String HEADER = "entryId,category,received,firstContact,validatedOn,wishesToBeSeen,hasCapacity,"
            + "understandsDecision,communicationNeedsMet";
    /** The last day of each band but the open-ended last one (WL-BAND-001..006). */
    private static final int[] BAND_ENDS = {7, 14, 28, 84, 126, 364};
    static final List<String> BAND_CODES = List.of("0-1w", "1-2w", "2-4w", "4-12w", "12-18w", "18-52w", "52w+");
    private static final int PRIORITY_DAYS = 14;
    private static final int NON_PRIORITY_DAYS = 84;
    private static final long MAX_WAIT_DAYS = 3652;

    private WaitingListFloor() {
    }

    /** One entry over its category's threshold. */
    record Over(String entryId, boolean priority, long days, int band) {
    }

    /**
     * What the floor decides for a list.
     *
     * @param bandCounts    waiting entries by band (first index) and category (0 priority, 1 non-priority)
     * @param overThreshold waiting entries over threshold, longest wait first, ties by id
     */
    record Result(long entriesIn, long rejected, long waiting, long seen, long[][] bandCounts, List<Over> overThreshold) {
    }

    /** Reviews the benchmark CSV at {@code file} as of {@code asOf}. */
    static Result review(Path file, LocalDate asOf) throws IOException {
        long asOfDay = asOf.toEpochDay();
        long entriesIn = 0;
        long rejected = 0;
        long waiting = 0;
        long seen = 0;
        long[][] counts = new long[BAND_ENDS.length + 1][2];
        List<Over> over = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String[] cells = new String[9];
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (!HEADER.equals(line)) {
                throw new IOException("not a benchmark waiting list: header [" + line + "]");
            }
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                entriesIn++;
                if (split(line, cells) != 9) {
                    rejected++;
                    continue;
                }
                String id = cells[0];
                boolean priority;
                switch (cells[1]) {
                    case "PRIORITY" -> priority = true;
                    case "NON_PRIORITY" -> priority = false;
                    default -> {
                        rejected++;
                        continue;
                    }
                }
                long received = epochDay(cells[2]);
                long first = epochDay(cells[3]);
                long validated = epochDay(cells[4]);
                if (id.isEmpty() || received == NONE || received == BAD || first == BAD || validated == BAD
                        || received > asOfDay || (first != NONE && first < received)
                        || (validated != NONE && (validated > asOfDay || validated < received))) {
                    rejected++;
                    continue;
                }
                boolean isSeen = first != NONE && first <= asOfDay;
                long days = (isSeen ? first : asOfDay) - received;
                if (days > MAX_WAIT_DAYS || !ids.add(id)) {
                    rejected++;
                    continue;
                }
                if (isSeen) {
                    seen++;
                    continue;
                }
                waiting++;
                int band = band(days);
                counts[band][priority ? 0 : 1]++;
                if (days > (priority ? PRIORITY_DAYS : NON_PRIORITY_DAYS)) {
                    over.add(new Over(id, priority, days, band));
                }
            }
        }
        over.sort(Comparator.comparingLong(Over::days).reversed().thenComparing(Over::entryId));
        return new Result(entriesIn, rejected, waiting, seen, counts, over);
    }

    static int band(long days) {
        for (int i = 0; i < BAND_ENDS.length; i++) {
            if (days <= BAND_ENDS[i]) {
                return i;
            }
        }
        return BAND_ENDS.length;
    }

    /** Splits an unquoted CSV line into {@code cells}; the number of fields, or -1 if there are too many. */
    private static int split(String line, String[] cells) {
        int n = 0;
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == ',') {
                if (n == cells.length) {
                    return -1;
                }
                cells[n++] = line.substring(start, i).strip();
                start = i + 1;
            }
        }
        return n;
    }

    private static final long NONE = Long.MIN_VALUE;
    private static final long BAD = Long.MAX_VALUE;

    /** The epoch day of a {@code YYYY-MM-DD} date; {@link #NONE} if empty, {@link #BAD} if not a date. */
    private static long epochDay(String text) {
        if (text.isEmpty()) {
            return NONE;
        }
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return BAD;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return BAD;
        }
        try {
            return LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return BAD;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
