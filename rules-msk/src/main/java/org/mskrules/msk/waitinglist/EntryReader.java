package org.mskrules.msk.waitinglist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.LineSource;
import org.mskrules.core.Violation;
import org.mskrules.msk.AgeBand;
import org.mskrules.msk.EthnicCategory;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.Sex;

/**
 * Reads a waiting-list file one line at a time, so that a list of any length is read in constant
 * memory. Blank lines are skipped and counted; a line that is not valid UTF-8 is rejected, not
 * guessed at (a header that is not is an error for the whole input). Not thread-safe.
 */
abstract class EntryReader implements AutoCloseable {
    private final LineSource in;
    private long lineNumber;
    private long blankLines;

    EntryReader(LineSource in) {
        this.in = in;
    }

    static EntryReader of(LineSource lines, EntryFormat format) {
        return format == EntryFormat.CSV ? new CsvEntryReader(lines) : new JsonLinesEntryReader(lines);
    }

    /** A line read ahead and given back, to be read again as its own ({@link #readAgain}). */
    private record Held(long number, String text) {
    }

    private final java.util.ArrayDeque<Held> again = new java.util.ArrayDeque<>();

    /** Gives lines read ahead back, to be read again before any new line, in the order given. */
    final void readAgain(List<long[]> numbers, List<String> texts) {
        for (int i = texts.size() - 1; i >= 0; i--) {
            again.addFirst(new Held(numbers.get(i)[0], texts.get(i)));
        }
    }

    /** The next entry, or {@code null} at the end of the input. */
    final ParsedEntry next() {
        try {
            while (true) {
                String line;
                long n;
                if (!again.isEmpty()) {
                    Held h = again.poll();
                    line = h.text();
                    n = h.number();
                } else {
                    // A header's length ends the whole read, so an endless one is not read to its end.
                    line = expectsHeader() ? in.nextOrStop() : in.next();
                    if (line == null) {
                        if (continuesRecord()) {
                            return endOfInputInRecord(lineNumber);
                        }
                        return null;
                    }
                    n = ++lineNumber;
                }
                if (continuesRecord()) {
                    // Perhaps part of a record begun on an earlier line, whatever it holds (blank, too long, ...).
                    ParsedEntry whole = continueRecord(n, line, in.maxLine());
                    if (whole != null) {
                        return whole;
                    }
                    continue;
                }
                if (LineSource.isTooLong(line)) {
                    if (expectsHeader()) {
                        throw new InvalidInputException(List.of(new Violation("/header", "LINE_TOO_LONG",
                                "the header (line " + n + ") is longer than " + in.maxLine())));
                    }
                    return new ParsedEntry(n, new WaitingListEntry(null, null, null, null, null),
                            List.of(new Violation("", "LINE_TOO_LONG", "line " + n + " is longer than "
                                    + in.maxLine() + " and was not read")), Set.of("/entryId", "/category", "/received"));
                }
                if (LineSource.isMalformed(line)) {
                    if (expectsHeader()) {
                        throw new InvalidInputException(List.of(new Violation("/header", "INVALID_ENCODING",
                                "the header (line " + n + ") is not valid UTF-8")));
                    }
                    return new ParsedEntry(n, new WaitingListEntry(null, null, null, null, null),
                            List.of(new Violation("", "INVALID_ENCODING", "line " + n
                                    + " is not valid UTF-8")), Set.of("/entryId", "/category", "/received"));
                }
                // LineSource has removed a byte order mark from the first line.
                if (line.isBlank()) {
                    blankLines++;
                    continue;
                }
                ParsedEntry parsed = parse(n, line);
                if (parsed != null) {
                    return parsed;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read line " + (lineNumber + 1), e);
        }
    }

    /** Whether the next non-blank line is a header, which cannot be skipped like an entry. */
    boolean expectsHeader() {
        return false;
    }

    /** Whether the next line belongs to a record begun on an earlier line (a CSV quoted field with a line break). */
    boolean continuesRecord() {
        return false;
    }

    /**
     * Offers line {@code line} to the record begun earlier: the record's answer once it is settled
     * (lines that turn out not to belong to it are given back with {@link #readAgain}), else
     * {@code null}. Called only while {@link #continuesRecord}.
     */
    ParsedEntry continueRecord(long line, String text, int maxLine) {
        throw new IllegalStateException("no record continues");
    }

    /**
     * The answer for the record begun earlier when the input ends inside it (lines read ahead are
     * given back). Called only while {@link #continuesRecord}.
     */
    ParsedEntry endOfInputInRecord(long lastLine) {
        throw new IllegalStateException("no record continues");
    }

    /** Blank lines skipped so far. */
    final long blankLines() {
        return blankLines;
    }

    /** The entry on one non-blank line, or {@code null} if the line is not an entry (a CSV header). */
    abstract ParsedEntry parse(long line, String text);

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Collects the fields of one entry as they are read, with every problem. */
    static final class Fields {
        String entryId;
        PriorityCategory category;
        LocalDate received;
        LocalDate firstContact;
        boolean validationGiven;
        LocalDate validatedOn;
        Answer wishesToBeSeen;
        Answer hasCapacity;
        Answer understandsDecision;
        Answer communicationNeedsMet;
        AgeBand ageBand;
        Sex sex;
        EthnicCategory ethnicCategory;
        final List<Violation> problems = new ArrayList<>();
        final Set<String> unreadable = new HashSet<>();

        void problem(String path, String code, String message) {
            problems.add(new Violation(path, code, message));
            unreadable.add(path);
        }

        PriorityCategory category(String path, String text) {
            if (text == null) {
                return null;
            }
            return switch (text) {
                case "PRIORITY" -> PriorityCategory.PRIORITY;
                case "NON_PRIORITY" -> PriorityCategory.NON_PRIORITY;
                default -> {
                    problem(path, "UNKNOWN_CODE", "category [" + Violation.shown(text) + "] is not PRIORITY or NON_PRIORITY");
                    yield null;
                }
            };
        }

        LocalDate date(String path, String text) {
            if (text == null) {
                return null;
            }
            LocalDate date = plainDate(text);
            if (date == null) {
                problem(path, "INVALID_DATE", "[" + Violation.shown(text) + "] is not a date in the form YYYY-MM-DD");
            }
            return date;
        }

        /**
         * {@code YYYY-MM-DD} with ASCII digits naming a real date, the one form the contract takes,
         * read without the general formatter (a fifth of a million-entry review's time);
         * {@code null} for anything else (ISO's parser would also take {@code +12026-01-01}, which
         * the published schema refuses). In this form it accepts exactly what {@link LocalDate#parse}
         * accepts.
         */
        static LocalDate plainDate(String text) {
            if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
                return null;
            }
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31
                    || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
                return null;
            }
            return LocalDate.of(year, month, day);
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

        Answer answer(String path, String text) {
            if (text == null) {
                return null;
            }
            return switch (text) {
                case "YES" -> Answer.YES;
                case "NO" -> Answer.NO;
                case "NOT_RECORDED" -> Answer.NOT_RECORDED;
                default -> {
                    problem(path, "UNKNOWN_CODE", "answer [" + Violation.shown(text) + "] is not YES, NO or NOT_RECORDED");
                    yield null;
                }
            };
        }

        /** An optional grouping field for indicators; a value outside its code list is a problem. */
        AgeBand ageBand(String path, String text) {
            if (text == null) {
                return null;
            }
            try {
                return AgeBand.fromLabel(text);
            } catch (IllegalArgumentException e) {
                problem(path, "UNKNOWN_CODE", "age band [" + Violation.shown(text) + "] is not one of "
                        + java.util.Arrays.stream(AgeBand.values()).map(AgeBand::label).toList());
                return null;
            }
        }

        Sex sex(String path, String text) {
            if (text == null) {
                return null;
            }
            for (Sex s : Sex.values()) {
                if (s.name().equals(text)) {
                    return s;
                }
            }
            problem(path, "UNKNOWN_CODE", "sex [" + Violation.shown(text) + "] is not one of "
                    + java.util.Arrays.toString(Sex.values()));
            return null;
        }

        EthnicCategory ethnicCategory(String path, String text) {
            if (text == null) {
                return null;
            }
            try {
                return EthnicCategory.fromCode(text);
            } catch (IllegalArgumentException e) {
                problem(path, "UNKNOWN_CODE", "ethnic category [" + Violation.shown(text)
                        + "] is not an NHS Data Dictionary code " + EthnicCategory.codes());
                return null;
            }
        }

        ParsedEntry toParsed(long line) {
            ValidationRecord validation = validationGiven
                    ? new ValidationRecord(validatedOn, wishesToBeSeen, hasCapacity, understandsDecision, communicationNeedsMet)
                    : null;
            return new ParsedEntry(line, new WaitingListEntry(entryId, category, received, firstContact, validation,
                    ageBand, sex, ethnicCategory),
                    List.copyOf(problems), Set.copyOf(unreadable));
        }
    }
}
