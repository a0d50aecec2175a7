package org.mskrules.tests;

import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.mskrules.core.io.Json;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.waitinglist.Answer;
import org.mskrules.msk.waitinglist.ValidationRecord;
import org.mskrules.msk.waitinglist.WaitingListEntry;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * The one definition of a plausible synthetic community MSK waiting list, for property tests and
 * benchmarks. The same code draws a list from QuickTheories' randomness ({@link #lists}) and from a
 * seeded {@link SplittableRandom} ({@link #list(long, int, LocalDate)}), so both follow this
 * distribution:
 *
 * <ul>
 *   <li><b>Category</b>: 20% {@code PRIORITY}, 80% {@code NON_PRIORITY}.
 *   <li><b>Status</b>: 65% waiting with no first contact, 15% waiting with a first contact booked 1 to
 *       90 days after the evaluation date (which must not stop the clock), 20% seen (first contact on
 *       or before the evaluation date; in a fifth of those exactly on it).
 *   <li><b>Wait</b> (evaluation date minus received while waiting; first contact minus received once
 *       seen): 45% within a day or two of a band edge or threshold, {@code B-1 .. B+2} for
 *       {@code B} in 7, 14, 28, 84, 126, 168 and 364, so that 7/8, 14/15, 28/29, 84/85, 126/127,
 *       168/169 and 364/365 all occur; 50% uniform within a reporting band, each band equally likely
 *       (0-7, 8-14, 15-28, 29-84, 85-126, 127-364 and 365-730 days); 5% very long, 731 to 3,000 days.
 *       A seen entry's first contact is up to 120 days before the evaluation date, so every entry
 *       was received at most 3,120 days before it and stays valid (within the library's ten-year
 *       limit) when reviewed up to 500 days later.
 *   <li><b>A tenth of lists come from a service within its thresholds</b>: waits of 0 to 14 days for
 *       priority and 0 to 84 for non-priority patients (a fifth exactly on the threshold), with, in half
 *       of those lists, one waiting patient exactly one day over.
 *   <li><b>Validation</b>: 25% of entries have a validation record, dated between received and the
 *       evaluation date, a third of them within a day of the date that covers a validation point
 *       (received + 84, 182 or 364 days - 84). {@code wishesToBeSeen} is YES 40%, NO 40%,
 *       NOT_RECORDED 10%, {@code null} 10%; each of the three other answers YES 70%, NO 10%,
 *       NOT_RECORDED 10%, {@code null} 10%; so every {@link Answer} value and {@code null} (which the
 *       record reads as NOT_RECORDED) occur, and about 14% of records allow removal.
 *   <li><b>Ids</b> are unique in a list and not in list order: {@code WL<4 random digits>-<position>};
 *       5% are awkward but valid (commas, double quotes, inner spaces, non-ASCII letters, a character
 *       outside the BMP), so that CSV quoting and JSON escaping are exercised.
 *   <li><b>Size</b> (QuickTheories lists): 5% empty, 10% of 1 to 5 entries, otherwise 0 to 200.
 *   <li><b>Evaluation dates</b> ({@link #evaluationDates}): half are the 2023/24 milestone due dates
 *       (2023-06-30, 2023-09-30, 2023-12-31, 2024-03-31) or a day either side; half are uniform from
 *       2023-01-01 to 2026-12-31.
 * </ul>
 *
 * <p>{@link #withProblems} adds invalid entries of three kinds to a valid list: received after the
 * evaluation date, no category, and an id already used earlier in the list.
 */
final class SyntheticWaitingLists {
    /** The edges that matter: band ends (7, 14, 28, 84, 126, 364), thresholds (14, 84), milestones (168). */
    static final int[] BOUNDARIES = {7, 14, 28, 84, 126, 168, 364};
    /** The reporting bands' first and last days; the last band is drawn up to 730 days. */
    private static final int[][] BAND_DAYS = {{0, 7}, {8, 14}, {15, 28}, {29, 84}, {85, 126}, {127, 364}, {365, 730}};
    /** Milestone due dates and a day either side. */
    static final List<LocalDate> MILESTONE_DATES = milestoneDates();
    static final LocalDate FIRST_DATE = LocalDate.of(2023, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(2026, 12, 31);
    /** Longest wait drawn; the library rejects more than 3,652 days. */
    static final int MAX_WAIT = 3_000;
    /** Every CSV column, in the documented order. */
    static final List<String> CSV_COLUMNS = List.of("entryId", "category", "received", "firstContact", "validatedOn",
            "wishesToBeSeen", "hasCapacity", "understandsDecision", "communicationNeedsMet");

    private static final String[] AWKWARD_IDS = {"Smith, J %d", "O\"Neil \"\"%d\"", "bed 3  ward %d", "Ødegård-é-%d",
            "\uD83E\uDDB4-%d", "\"%d\""};

    private SyntheticWaitingLists() {
    }

    /** A list to review, with the date to review it on. */
    record Sample(LocalDate asOf, List<WaitingListEntry> entries) {
        Sample {
            entries = List.copyOf(entries);
        }

        /** Compact: one entry per line as id|category|received|firstContact|validation. */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("Sample[asOf=" + asOf + ", " + entries.size() + " entries]");
            for (WaitingListEntry e : entries) {
                b.append("\n  ").append(compact(e));
            }
            return b.toString();
        }
    }

    /** An entry on one short line: id|category|received|firstContact|validatedOn wish cap und com. */
    static String compact(WaitingListEntry e) {
        ValidationRecord v = e.validation();
        return e.entryId() + "|" + e.category() + "|" + e.received() + "|" + e.firstContact() + "|"
                + (v == null ? "-" : v.validatedOn() + " " + v.wishesToBeSeen() + " " + v.hasCapacity() + " "
                        + v.understandsDecision() + " " + v.communicationNeedsMet());
    }

    /** One entry with the date to review it on. */
    record DatedEntry(LocalDate asOf, WaitingListEntry entry) {
        @Override
        public String toString() {
            return "on " + asOf + ": " + compact(entry);
        }
    }

    /** Integers drawn inclusively from a source of randomness. */
    @FunctionalInterface
    interface Draw {
        int between(int low, int high);

        /** {@code true} with {@code percent}% probability. */
        default boolean percent(int percent) {
            return between(0, 99) < percent;
        }

        static Draw of(RandomnessSource in) {
            return (low, high) -> integers().between(low, high).generate(in);
        }

        static Draw of(SplittableRandom random) {
            return (low, high) -> random.nextInt(low, high + 1);
        }
    }

    // ---------------------------------------------------------------- QuickTheories generators

    /** Half milestone dates (due dates and a day either side), half any date in 2023 to 2026. */
    static Gen<LocalDate> evaluationDates() {
        return in -> evaluationDate(Draw.of(in));
    }

    /** Any date in 2023 to 2026. */
    static Gen<LocalDate> anyDates() {
        return integers().between((int) FIRST_DATE.toEpochDay(), (int) LAST_DATE.toEpochDay()).map(LocalDate::ofEpochDay);
    }

    /** Valid lists of 0 to 200 entries with unique ids, on {@link #evaluationDates()}. */
    static Gen<Sample> lists() {
        return lists(evaluationDates(), 200);
    }

    /** Valid lists of 0 to {@code maxSize} entries with unique ids, each on a date from {@code dates}. */
    static Gen<Sample> lists(Gen<LocalDate> dates, int maxSize) {
        return in -> {
            LocalDate asOf = dates.generate(in);
            Draw d = Draw.of(in);
            return new Sample(asOf, list(d, listSize(d, maxSize), asOf));
        };
    }

    /**
     * Lists of 1 to 200 entries with at least one invalid entry (received after the evaluation date,
     * no category, or a duplicate id).
     */
    static Gen<Sample> listsWithProblems() {
        return listsWithProblems(true);
    }

    /** As {@link #listsWithProblems()}; without duplicate ids if {@code duplicates} is false. */
    static Gen<Sample> listsWithProblems(boolean duplicates) {
        Gen<LocalDate> dates = evaluationDates();
        return in -> {
            LocalDate asOf = dates.generate(in);
            Draw d = Draw.of(in);
            List<WaitingListEntry> valid = list(d, Math.max(1, listSize(d, 200)), asOf);
            return new Sample(asOf, withProblems(d, valid, asOf, duplicates));
        };
    }

    /** Lists that are valid or, a third of the time, have some invalid entries. */
    static Gen<Sample> mixedLists() {
        Gen<Sample> valid = lists();
        Gen<Sample> problems = listsWithProblems();
        return in -> Draw.of(in).percent(33) ? problems.generate(in) : valid.generate(in);
    }

    /** One valid entry on a date from {@link #evaluationDates()}. */
    static Gen<DatedEntry> entries() {
        Gen<LocalDate> dates = evaluationDates();
        return in -> {
            LocalDate asOf = dates.generate(in);
            Draw d = Draw.of(in);
            return new DatedEntry(asOf, entry(d, id(d, 1), asOf));
        };
    }

    /** A permutation of {@code list} drawn with {@code in} (Fisher-Yates). */
    static <T> List<T> shuffle(RandomnessSource in, List<T> list) {
        Draw d = Draw.of(in);
        List<T> out = new ArrayList<>(list);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = d.between(0, i);
            T t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    // ---------------------------------------------------------------- plain Java, for benchmarks

    /**
     * A valid list of {@code size} entries with unique ids, as of {@code asOf}, drawn from
     * {@code seed}: the same seed, size and date always give the same list.
     */
    static List<WaitingListEntry> list(long seed, int size, LocalDate asOf) {
        return list(Draw.of(new SplittableRandom(seed)), size, asOf);
    }

    // ---------------------------------------------------------------- the distribution

    static LocalDate evaluationDate(Draw d) {
        if (d.percent(50)) {
            return MILESTONE_DATES.get(d.between(0, MILESTONE_DATES.size() - 1));
        }
        return LocalDate.ofEpochDay(d.between((int) FIRST_DATE.toEpochDay(), (int) LAST_DATE.toEpochDay()));
    }

    private static int listSize(Draw d, int maxSize) {
        int roll = d.between(0, 99);
        if (roll < 5) {
            return 0;
        }
        if (roll < 15) {
            return d.between(1, Math.min(5, maxSize));
        }
        return d.between(0, maxSize);
    }

    static List<WaitingListEntry> list(Draw d, int size, LocalDate asOf) {
        boolean withinThresholds = d.percent(10);
        int overByOne = withinThresholds && size > 0 && d.percent(50) ? d.between(0, size - 1) : -1;
        List<WaitingListEntry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String id = id(d, i + 1);
            if (withinThresholds) {
                entries.add(withinThresholdEntry(d, id, asOf, i == overByOne));
            } else {
                entries.add(entry(d, id, asOf));
            }
        }
        return entries;
    }

    /** Unique in a list because of the position; not in list order because of the random digits. */
    static String id(Draw d, int position) {
        if (d.percent(5)) {
            return String.format(AWKWARD_IDS[d.between(0, AWKWARD_IDS.length - 1)], position);
        }
        return String.format("WL%04d-%d", d.between(0, 9999), position);
    }

    static WaitingListEntry entry(Draw d, String id, LocalDate asOf) {
        PriorityCategory category = d.percent(20) ? PriorityCategory.PRIORITY : PriorityCategory.NON_PRIORITY;
        return entryWithWait(d, id, category, asOf, wait(d));
    }

    private static WaitingListEntry withinThresholdEntry(Draw d, String id, LocalDate asOf, boolean overByOne) {
        PriorityCategory category = d.percent(20) ? PriorityCategory.PRIORITY : PriorityCategory.NON_PRIORITY;
        int threshold = category == PriorityCategory.PRIORITY ? 14 : 84;
        if (overByOne) {
            // Waiting, one day over.
            return withValidation(d, WaitingListEntry.of(id, category, asOf.minusDays(threshold + 1)), asOf);
        }
        int wait = d.percent(20) ? threshold : d.between(0, threshold);
        return entryWithWait(d, id, category, asOf, wait);
    }

    private static WaitingListEntry entryWithWait(Draw d, String id, PriorityCategory category, LocalDate asOf,
            int wait) {
        int status = d.between(0, 99);
        WaitingListEntry e;
        if (status < 65) {
            e = WaitingListEntry.of(id, category, asOf.minusDays(wait));
        } else if (status < 80) {
            // A booked first contact after the evaluation date does not stop the clock.
            e = WaitingListEntry.of(id, category, asOf.minusDays(wait)).withFirstContact(asOf.plusDays(d.between(1, 90)));
        } else {
            int sinceContact = d.percent(20) ? 0 : d.between(1, 120);
            LocalDate received = asOf.minusDays((long) wait + sinceContact);
            e = WaitingListEntry.of(id, category, received).withFirstContact(received.plusDays(wait));
        }
        return withValidation(d, e, asOf);
    }

    /** 45% near a band edge, 50% uniform within a band, 5% very long. */
    static int wait(Draw d) {
        int roll = d.between(0, 99);
        if (roll < 45) {
            return BOUNDARIES[d.between(0, BOUNDARIES.length - 1)] + d.between(-1, 2);
        }
        if (roll < 95) {
            int[] band = BAND_DAYS[d.between(0, BAND_DAYS.length - 1)];
            return d.between(band[0], band[1]);
        }
        return d.between(731, MAX_WAIT);
    }

    private static WaitingListEntry withValidation(Draw d, WaitingListEntry e, LocalDate asOf) {
        if (!d.percent(25)) {
            return e;
        }
        long elapsed = asOf.toEpochDay() - e.received().toEpochDay();
        LocalDate on = e.received().plusDays(d.between(0, (int) elapsed));
        if (d.percent(33)) {
            // Within a day of the date that covers a validation point: received + point - 84 days.
            int[] points = {84, 182, 364};
            int point = points[d.between(0, points.length - 1)];
            long offset = Math.max(0, Math.min(elapsed, point - 84L + d.between(-1, 1)));
            on = e.received().plusDays(offset);
        }
        return e.withValidation(new ValidationRecord(on, wish(d), condition(d), condition(d), condition(d)));
    }

    private static Answer wish(Draw d) {
        int roll = d.between(0, 99);
        return roll < 40 ? Answer.YES : roll < 80 ? Answer.NO : roll < 90 ? Answer.NOT_RECORDED : null;
    }

    private static Answer condition(Draw d) {
        int roll = d.between(0, 99);
        return roll < 70 ? Answer.YES : roll < 80 ? Answer.NO : roll < 90 ? Answer.NOT_RECORDED : null;
    }

    /**
     * {@code valid} with some entries made invalid: 6% received 1 to 30 days after {@code asOf} (no
     * first contact or validation), 5% without a category, and, if {@code duplicates}, 5% given the id
     * of an earlier entry. At least one entry is made invalid.
     */
    static List<WaitingListEntry> withProblems(Draw d, List<WaitingListEntry> valid, LocalDate asOf,
            boolean duplicates) {
        List<WaitingListEntry> out = new ArrayList<>(valid);
        boolean any = false;
        for (int i = 0; i < out.size(); i++) {
            int roll = d.between(0, 99);
            WaitingListEntry e = out.get(i);
            if (roll < 6) {
                out.set(i, WaitingListEntry.of(e.entryId(), e.category(), asOf.plusDays(d.between(1, 30))));
                any = true;
            } else if (roll < 11) {
                out.set(i, new WaitingListEntry(e.entryId(), null, e.received(), e.firstContact(), e.validation()));
                any = true;
            } else if (roll < 16 && duplicates && i > 0) {
                String earlier = out.get(d.between(0, i - 1)).entryId();
                out.set(i, new WaitingListEntry(earlier, e.category(), e.received(), e.firstContact(), e.validation()));
                any = true;
            }
        }
        if (!any && !out.isEmpty()) {
            int i = d.between(0, out.size() - 1);
            WaitingListEntry e = out.get(i);
            out.set(i, new WaitingListEntry(e.entryId(), null, e.received(), e.firstContact(), e.validation()));
        }
        return out;
    }

    private static List<LocalDate> milestoneDates() {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate due : List.of(LocalDate.of(2023, 6, 30), LocalDate.of(2023, 9, 30), LocalDate.of(2023, 12, 31),
                LocalDate.of(2024, 3, 31))) {
            dates.add(due.minusDays(1));
            dates.add(due);
            dates.add(due.plusDays(1));
        }
        return List.copyOf(dates);
    }

    // ---------------------------------------------------------------- writing a list as a file

    /** {@code entries} as CSV with every column in the documented order; ends with a newline. */
    static String toCsv(List<WaitingListEntry> entries) {
        return toCsv(entries, CSV_COLUMNS, false);
    }

    /**
     * {@code entries} as CSV: a header naming {@code columns}, then one line per entry; a field not
     * given is left empty, a field with a comma, a double quote or surrounding spaces is quoted. If
     * {@code omitNotRecorded}, an answer NOT_RECORDED is left empty (not given) rather than written.
     */
    static String toCsv(List<WaitingListEntry> entries, List<String> columns, boolean omitNotRecorded) {
        StringBuilder b = new StringBuilder(String.join(",", columns)).append('\n');
        for (WaitingListEntry e : entries) {
            Map<String, String> fields = fields(e, omitNotRecorded);
            List<String> values = new ArrayList<>();
            for (String c : columns) {
                values.add(csvField(fields.get(c)));
            }
            b.append(String.join(",", values)).append('\n');
        }
        return b.toString();
    }

    /** {@code entries} as JSON Lines, fields not given left out; ends with a newline. */
    static String toJsonLines(List<WaitingListEntry> entries) {
        return toJsonLines(entries, false);
    }

    /**
     * {@code entries} as JSON Lines, fields not given left out, and answers NOT_RECORDED left out too
     * if {@code omitNotRecorded}; ends with a newline.
     */
    static String toJsonLines(List<WaitingListEntry> entries, boolean omitNotRecorded) {
        StringBuilder b = new StringBuilder();
        for (WaitingListEntry e : entries) {
            ObjectNode node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            Map<String, String> fields = fields(e, omitNotRecorded);
            for (String name : List.of("entryId", "category", "received", "firstContact")) {
                if (fields.get(name) != null) {
                    node.put(name, fields.get(name));
                }
            }
            if (e.validation() != null) {
                ObjectNode v = node.putObject("validation");
                for (String name : CSV_COLUMNS.subList(4, CSV_COLUMNS.size())) {
                    if (fields.get(name) != null) {
                        v.put(name, fields.get(name));
                    }
                }
            }
            try {
                b.append(Json.writeValueAsString(node)).append('\n');
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return b.toString();
    }

    /** The text of each field of {@code e} by CSV column name; {@code null} when not given. */
    static Map<String, String> fields(WaitingListEntry e, boolean omitNotRecorded) {
        Function<Object, String> text = o -> o == null || (omitNotRecorded && o == Answer.NOT_RECORDED) ? null
                : o.toString();
        Map<String, String> m = new HashMap<>();
        m.put("entryId", e.entryId());
        m.put("category", text.apply(e.category()));
        m.put("received", text.apply(e.received()));
        m.put("firstContact", text.apply(e.firstContact()));
        ValidationRecord v = e.validation();
        if (v != null) {
            m.put("validatedOn", text.apply(v.validatedOn()));
            m.put("wishesToBeSeen", text.apply(v.wishesToBeSeen()));
            m.put("hasCapacity", text.apply(v.hasCapacity()));
            m.put("understandsDecision", text.apply(v.understandsDecision()));
            m.put("communicationNeedsMet", text.apply(v.communicationNeedsMet()));
        }
        return m;
    }

    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || !value.strip().equals(value)) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
