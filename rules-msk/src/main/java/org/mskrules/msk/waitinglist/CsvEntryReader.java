package org.mskrules.msk.waitinglist;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.LineSource;
import org.mskrules.core.Violation;

/**
 * Reads CSV with a header line. Columns may come in any order; the optional ones may be left out.
 * An empty field is not recorded. Quoted fields follow RFC 4180. A line that ends inside a quoted
 * field is read on into the next lines (at most the line limit in all): if the quote closes there
 * and the lines together make exactly one record of the header's width, they are one record,
 * rejected as a whole ({@code LINE_BREAK_IN_FIELD}), so that its later lines are never read as
 * entries of their own. Otherwise the quote is a stray one: that line alone is rejected
 * ({@code UNTERMINATED_QUOTE}) and the lines read ahead are read again as entries.
 */
final class CsvEntryReader extends EntryReader {
    /** Column name to the path of the field it holds, in the documented order. */
    static final Map<String, String> COLUMNS = columns();
    static final Set<String> REQUIRED = Set.of("entryId", "category", "received");

    private String[] header;
    /** The record begun on {@link #openLine} whose quoted field is still open; {@code null} when none is. */
    private StringBuilder open;
    private long openLine;
    /** The lines read ahead into {@link #open}, with their numbers, to give back if it is not one record. */
    private final List<long[]> aheadNumbers = new ArrayList<>();
    private final List<String> aheadTexts = new ArrayList<>();

    CsvEntryReader(LineSource lines) {
        super(lines);
    }

    /** Whether a header line has been read. */
    boolean sawHeader() {
        return header != null;
    }

    @Override
    boolean expectsHeader() {
        return header == null;
    }

    @Override
    ParsedEntry parse(long line, String text) {
        if (header == null) {
            header = header(line, text);
            return null;
        }
        Fields f = new Fields();
        List<String> values = split(text);
        if (values == null && endsInsideQuote(text)) {
            // The field goes on to the next line: the record is read whole before it is answered.
            open = new StringBuilder(text);
            openLine = line;
            return null;
        }
        if (values == null) {
            f.problem("", "UNTERMINATED_QUOTE", "line " + line + " has a quoted field that does not end, or"
                    + " text between its closing quote and the next comma");
            f.unreadable.addAll(List.of("/entryId", "/category", "/received"));
            return f.toParsed(line);
        }
        if (values.size() != header.length) {
            f.problem("", "WRONG_FIELD_COUNT", "line " + line + " has " + values.size() + " fields; the header has "
                    + header.length);
            f.unreadable.addAll(List.of("/entryId", "/category", "/received"));
            // Still name the entry if its id can be read, so the service can find it.
            int idColumn = List.of(header).indexOf("entryId");
            if (idColumn < values.size()) {
                f.entryId = empty(values.get(idColumn));
            }
            return f.toParsed(line);
        }
        for (int i = 0; i < header.length; i++) {
            String value = empty(values.get(i));
            String path = COLUMNS.get(header[i]);
            switch (header[i]) {
                case "entryId" -> f.entryId = value;
                case "category" -> f.category = f.category(path, value);
                case "received" -> f.received = f.date(path, value);
                case "firstContact" -> f.firstContact = f.date(path, value);
                case "validatedOn" -> f.validatedOn = f.date(path, value);
                case "wishesToBeSeen" -> f.wishesToBeSeen = f.answer(path, value);
                case "hasCapacity" -> f.hasCapacity = f.answer(path, value);
                case "understandsDecision" -> f.understandsDecision = f.answer(path, value);
                case "communicationNeedsMet" -> f.communicationNeedsMet = f.answer(path, value);
                case "ageBand" -> f.ageBand = f.ageBand(path, value);
                case "sex" -> f.sex = f.sex(path, value);
                case "ethnicCategory" -> f.ethnicCategory = f.ethnicCategory(path, value);
                default -> throw new IllegalStateException("column [" + header[i] + "] passed the header check");
            }
            if (value != null && path.startsWith("/validation/")) {
                f.validationGiven = true;
            }
        }
        return f.toParsed(line);
    }

    @Override
    boolean continuesRecord() {
        return open != null;
    }

    @Override
    ParsedEntry continueRecord(long line, String text, int maxLine) {
        aheadNumbers.add(new long[] {line});
        aheadTexts.add(text);
        boolean readable = !LineSource.isTooLong(text) && !LineSource.isMalformed(text);
        if (!readable) {
            return stray();
        }
        open.append('\n').append(text);
        if (open.length() > maxLine) {
            return stray();
        }
        if (endsInsideQuote(open)) {
            return null;
        }
        List<String> values = split(open.toString());
        if (values == null || values.size() != header.length) {
            return stray();
        }
        Fields f = new Fields();
        f.problem("", "LINE_BREAK_IN_FIELD", "lines " + openLine + " to " + line + " are one record: a quoted field"
                + " holds a line break, which a waiting-list field may not");
        f.unreadable.addAll(List.of("/entryId", "/category", "/received"));
        int idColumn = List.of(header).indexOf("entryId");
        if (idColumn >= 0) {
            f.entryId = empty(values.get(idColumn));
        }
        long first = openLine;
        reset();
        return f.toParsed(first);
    }

    @Override
    ParsedEntry endOfInputInRecord(long lastLine) {
        return stray();
    }

    /**
     * The quote on {@link #openLine} does not end in a record: that line alone is rejected, and the
     * lines read ahead are given back to be read as entries of their own.
     */
    private ParsedEntry stray() {
        Fields f = new Fields();
        f.problem("", "UNTERMINATED_QUOTE", "line " + openLine + " has a quoted field that does not end, or"
                + " text between its closing quote and the next comma");
        f.unreadable.addAll(List.of("/entryId", "/category", "/received"));
        long first = openLine;
        readAgain(new ArrayList<>(aheadNumbers), new ArrayList<>(aheadTexts));
        reset();
        return f.toParsed(first);
    }

    private void reset() {
        open = null;
        aheadNumbers.clear();
        aheadTexts.clear();
    }

    /** Whether a quoted field is still open at the end of {@code text}. */
    static boolean endsInsideQuote(CharSequence text) {
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
            } else if (c == ',') {
                fieldStart = true;
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (c != ' ' && c != '\t') {
                fieldStart = false;
            }
        }
        return quoted;
    }

    private static String[] header(long line, String text) {
        List<String> names = split(text);
        List<Violation> problems = new ArrayList<>();
        if (names == null) {
            throw new InvalidInputException(List.of(new Violation("/header", "UNTERMINATED_QUOTE",
                    "the header (line " + line + ") has a quoted field that does not end, or text after"
                            + " its closing quote")));
        }
        Set<String> seen = new HashSet<>();
        for (String raw : names) {
            String name = raw.strip();
            if (!COLUMNS.containsKey(name)) {
                // The name in the pointer as shown too: a header is not JSON, and its text must not reach a log whole.
                problems.add(new Violation(Violation.pointer("/header", Violation.shown(name)), "UNKNOWN_COLUMN", "column [" + Violation.shown(name)
                        + "] on line " + line + " is not one of " + COLUMNS.keySet()));
            } else if (!seen.add(name)) {
                problems.add(new Violation(Violation.pointer("/header", Violation.shown(name)), "DUPLICATE_COLUMN", "column [" + Violation.shown(name)
                        + "] appears twice on line " + line));
            }
        }
        for (String required : COLUMNS.keySet()) {
            if (REQUIRED.contains(required) && !seen.contains(required)) {
                problems.add(new Violation("/header/" + required, "REQUIRED", "the header (line " + line
                        + ") has no [" + required + "] column"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return names.stream().map(String::strip).toArray(String[]::new);
    }

    /**
     * The fields of one line, or {@code null} if a quoted field does not end or has anything but
     * spaces between its closing quote and the next comma.
     */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (wasQuoted && !quoted && c != ',') {
                if (c == ' ') {
                    continue;
                }
                return null;
            }
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(wasQuoted ? field.toString() : trim(field));
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(wasQuoted ? field.toString() : trim(field));
        return fields;
    }

    /**
     * The field without spaces and tabs at either end, and only those: {@link String#strip} would also
     * remove a line separator (U+2028) and so accept an id the contract calls invalid.
     */
    private static String trim(CharSequence field) {
        int from = 0;
        int to = field.length();
        while (from < to && (field.charAt(from) == ' ' || field.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (field.charAt(to - 1) == ' ' || field.charAt(to - 1) == '\t')) {
            to--;
        }
        return field.subSequence(from, to).toString();
    }

    private static String empty(String value) {
        return value.isEmpty() ? null : value;
    }

    private static Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("entryId", "/entryId");
        m.put("category", "/category");
        m.put("received", "/received");
        m.put("firstContact", "/firstContact");
        m.put("validatedOn", "/validation/validatedOn");
        m.put("wishesToBeSeen", "/validation/wishesToBeSeen");
        m.put("hasCapacity", "/validation/hasCapacity");
        m.put("understandsDecision", "/validation/understandsDecision");
        m.put("communicationNeedsMet", "/validation/communicationNeedsMet");
        m.put("ageBand", "/ageBand");
        m.put("sex", "/sex");
        m.put("ethnicCategory", "/ethnicCategory");
        return Collections.unmodifiableMap(m);
    }
}
