package org.mskrules.governance.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.Violation;
import org.mskrules.core.io.Json;
import org.mskrules.core.io.JsonContract;
import org.mskrules.core.io.LineSource;
import org.mskrules.msk.EthnicCategory;

/**
 * Reads a decision log: JSON Lines, each line either a line of {@code msk-rules assess} output
 * ({@code {"line":N,"decision":{...}}} or {@code {"line":N,"error":{...}}}), checked against
 * {@code docs/schema/assess-output-line.schema.json}, or a bare assessment, checked against
 * {@code docs/schema/assessment.schema.json}. Every value an indicator reads (escalation, red flags,
 * priority, route, grouping, pathway stage, trace) is thereby checked against the model's enumerations
 * and formats. Error lines are counted, not decided. Every problem of every line is reported together,
 * each with its line and JSON Pointer, and no indicator is computed from a log that has one: a
 * half-read log never looks like a complete one.
 */
final class DecisionLog {
    /** Decision lines carry a whole trace; a generous limit, still bounded. */
    static final int MAX_LINE = 4 * 1024 * 1024;
    private static final String SCHEMAS = "org/mskrules/msk/schema/";

    /** The contracts, loaded once, on first use. */
    private static final class Contracts {
        static final JsonContract LINE = JsonContract.fromResource(EthnicCategory.class.getClassLoader(),
                SCHEMAS + "assess-output-line.schema.json");
        static final JsonContract ASSESSMENT = JsonContract.fromResource(EthnicCategory.class.getClassLoader(),
                SCHEMAS + "assessment.schema.json");
    }

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
                boolean outputLine = node.has("line") || node.has("decision") || node.has("error");
                JsonContract.Checked checked = (outputLine ? Contracts.LINE : Contracts.ASSESSMENT).check(node);
                if (!checked.ok()) {
                    for (Violation v : checked.violations()) {
                        problems.add(new Violation(v.path(), v.code(), at + ": " + v.message()));
                    }
                    continue;
                }
                if (node.has("error")) {
                    errors++;
                    continue;
                }
                decisions.add(decision(outputLine ? node.get("decision") : node));
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

    /** A decision that meets the assessment schema: every value read here is a known code or a date. */
    private static DecisionRecord decision(JsonNode d) {
        List<DecisionRecord.Flag> flags = new ArrayList<>();
        for (JsonNode f : d.get("redFlags")) {
            flags.add(new DecisionRecord.Flag(f.get("condition").asText(), f.get("level").asText()));
        }
        String code = text(d, "/grouping/ethnicCategory");
        String group = code == null ? null : EthnicCategory.fromCode(code).group();
        String date = text(d, "/grouping/referralDate");
        DecisionRecord.MadeBy madeBy = new DecisionRecord.MadeBy(text(d, "/trace/ruleSetId"), text(d, "/trace/version"),
                text(d, "/trace/contentHash"));
        return new DecisionRecord(text(d, "/referralId"), text(d, "/grouping/ageBand"), text(d, "/grouping/sex"),
                group, code, date == null ? null : LocalDate.parse(date), text(d, "/escalation"), flags,
                text(d, "/route/route"), text(d, "/route/destination"), text(d, "/priority/category"),
                text(d, "/pathwayStage"), madeBy);
    }

    private static String text(JsonNode node, String pointer) {
        JsonNode v = node.at(pointer);
        return v.isTextual() ? v.asText() : null;
    }
}
