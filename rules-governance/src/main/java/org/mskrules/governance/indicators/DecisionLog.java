package org.mskrules.governance.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.Json;
import org.mskrules.core.io.LineSource;
import org.mskrules.core.Violation;
import org.mskrules.msk.EthnicCategory;

/**
 * Reads a decision log: JSON Lines, each line either a line of {@code msk-rules assess} output
 * ({@code {"line":N,"decision":{...}}} or {@code {"line":N,"error":{...}}}) or a bare assessment.
 * Error lines are counted, not decided. A line that is neither is a problem; every problem is
 * reported together and no indicator is computed from a log that has one.
 */
final class DecisionLog {
    /** Decision lines carry a whole trace; a generous limit, still bounded. */
    static final int MAX_LINE = 4 * 1024 * 1024;

    private DecisionLog() {
    }

    /** The decisions and the number of error lines of a log. */
    record Read(List<DecisionRecord> decisions, int errorLines) {
    }

    static Read read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new InvalidInputException(List.of(new Violation("", "UNREADABLE", "[" + file + "] cannot be read: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()))));
        }
    }

    static Read read(InputStream in, String name) {
        List<DecisionRecord> decisions = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        int errors = 0;
        try (LineSource lines = LineSource.utf8(in, MAX_LINE)) {
            long n = 0;
            for (String text = lines.next(); text != null; text = lines.next()) {
                n++;
                if (text.isBlank()) {
                    continue;
                }
                String at = name + " line " + n;
                if (LineSource.isTooLong(text) || LineSource.isMalformed(text)) {
                    problems.add(new Violation("", "UNREADABLE_LINE", at + " is too long or not UTF-8"));
                    continue;
                }
                JsonNode node;
                try {
                    node = Json.readTree(text);
                } catch (IOException | NumberFormatException e) {
                    problems.add(new Violation("", "MALFORMED_JSON", at + " is not JSON"));
                    continue;
                }
                if (node == null || !node.isObject()) {
                    problems.add(new Violation("", "WRONG_TYPE", at + " is not a JSON object"));
                    continue;
                }
                if (node.has("error")) {
                    errors++;
                    continue;
                }
                JsonNode d = node.has("decision") ? node.get("decision") : node;
                DecisionRecord r = decision(d, at, problems);
                if (r != null) {
                    decisions.add(r);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException(List.of(new Violation("", "UNREADABLE", "[" + name + "] cannot be read: "
                    + e.getMessage())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Read(decisions, errors);
    }

    private static DecisionRecord decision(JsonNode d, String at, List<Violation> problems) {
        String escalation = text(d, "/escalation");
        String route = text(d, "/route/route");
        String category = text(d, "/priority/category");
        if (escalation == null || route == null || category == null || !d.path("redFlags").isArray()) {
            problems.add(new Violation("", "NOT_A_DECISION", at + " is not an assessment: it needs escalation,"
                    + " redFlags, priority.category and route.route"));
            return null;
        }
        List<DecisionRecord.Flag> flags = new ArrayList<>();
        for (JsonNode f : d.get("redFlags")) {
            flags.add(new DecisionRecord.Flag(f.path("condition").asText("UNKNOWN"), f.path("level").asText("UNKNOWN")));
        }
        String code = text(d, "/grouping/ethnicCategory");
        String group = null;
        if (code != null) {
            try {
                group = EthnicCategory.fromCode(code).group();
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("/grouping/ethnicCategory", "UNKNOWN_CODE", at + ": " + e.getMessage()));
                return null;
            }
        }
        LocalDate referralDate = null;
        String date = text(d, "/grouping/referralDate");
        if (date != null) {
            try {
                referralDate = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                problems.add(new Violation("/grouping/referralDate", "INVALID_DATE", at + ": [" + Violation.shown(date)
                        + "] is not a date"));
                return null;
            }
        }
        return new DecisionRecord(text(d, "/referralId"), text(d, "/grouping/ageBand"), text(d, "/grouping/sex"),
                group, code, referralDate, escalation, flags, route, text(d, "/route/destination"), category);
    }

    private static String text(JsonNode node, String pointer) {
        JsonNode v = node.at(pointer);
        return v.isTextual() ? v.asText() : null;
    }
}
