package org.mskrules.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.List;
import org.mskrules.core.io.Json;
import org.mskrules.core.Violation;

/**
 * The batch output: one JSON object a line, {@code {"line":N,"decision":{...}}} for a decided record
 * or {@code {"line":N,"error":{"violations":[{"path":...,"code":...,"message":...}]}}} for a rejected
 * one (with {@code "entryId"} in the error for a waiting-list entry whose id could be read). Written
 * with {@link Json#mapper()}, so a decision is exactly the library's JSON form. Thread-safe.
 */
final class OutputLines {
    private OutputLines() {
    }

    /** A decided record: its line and the decision as the library writes it. */
    static String decided(long line, Object decision) {
        try {
            // Concatenated, not wrapped in a tree, so that the decision is written once, as it is.
            return "{\"line\":" + line + ",\"decision\":" + Json.writeValueAsString(decision) + "}";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the decision of line " + line, e);
        }
    }

    /** A rejected record: its line, its id if known ({@code null} leaves it out), and every problem. */
    static String rejected(long line, String entryId, List<Violation> violations) {
        try {
            return Json.writeValueAsString(new Rejected(line, new Problems(entryId, violations)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the problems of line " + line, e);
        }
    }

    record Rejected(long line, Problems error) {
    }

    record Problems(@JsonInclude(JsonInclude.Include.NON_NULL) String entryId, List<Violation> violations) {
    }
}
