package org.mskrules.msk.waitinglist;

import org.mskrules.core.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mskrules.core.io.Json;
import org.mskrules.core.io.LineSource;

/**
 * Reads JSON Lines: one object per line with the fields of {@link WaitingListEntry}; the validation
 * contact is a nested object. Unknown fields and wrong types are problems, reported with every
 * other problem of the line.
 */
final class JsonLinesEntryReader extends EntryReader {
    private static final Set<String> FIELDS = Set.of("entryId", "category", "received", "firstContact", "validation",
            "ageBand", "sex", "ethnicCategory");
    private static final Set<String> VALIDATION_FIELDS = Set.of("validatedOn", "wishesToBeSeen", "hasCapacity",
            "understandsDecision", "communicationNeedsMet");
    private static final ObjectMapper MAPPER = Json.newMapper();

    JsonLinesEntryReader(LineSource lines) {
        super(lines);
    }

    @Override
    ParsedEntry parse(long line, String text) {
        Fields f = new Fields();
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            f.problem("", "MALFORMED_JSON", "line " + line + " is not JSON: " + org.mskrules.core.io.JsonContract.parserReason(e));
            f.unreadable.addAll(List.of("/entryId", "/category", "/received"));
            return f.toParsed(line);
        } catch (NumberFormatException e) {
            // A decimal whose exponent cannot be read exactly (found by fuzzing the referral reader).
            Violation v = org.mskrules.core.io.JsonContract.numberTooLong();
            f.problem(v.path(), v.code(), "line " + line + ": " + v.message());
            f.unreadable.addAll(List.of("/entryId", "/category", "/received"));
            return f.toParsed(line);
        }
        if (node == null || !node.isObject()) {
            f.problem("", "WRONG_TYPE", "line " + line + " is not a JSON object");
            f.unreadable.addAll(List.of("/entryId", "/category", "/received"));
            return f.toParsed(line);
        }
        unknownFields(f, node, "", FIELDS);
        f.entryId = text(f, node, "/entryId", "entryId");
        f.category = f.category("/category", text(f, node, "/category", "category"));
        f.received = f.date("/received", text(f, node, "/received", "received"));
        f.firstContact = f.date("/firstContact", text(f, node, "/firstContact", "firstContact"));
        f.ageBand = f.ageBand("/ageBand", text(f, node, "/ageBand", "ageBand"));
        f.sex = f.sex("/sex", text(f, node, "/sex", "sex"));
        f.ethnicCategory = f.ethnicCategory("/ethnicCategory", text(f, node, "/ethnicCategory", "ethnicCategory"));
        JsonNode v = node.get("validation");
        if (v != null && !v.isNull()) {
            if (!v.isObject()) {
                f.problem("/validation", "WRONG_TYPE", "validation must be an object");
            } else {
                f.validationGiven = true;
                unknownFields(f, v, "/validation", VALIDATION_FIELDS);
                f.validatedOn = f.date("/validation/validatedOn", text(f, v, "/validation/validatedOn", "validatedOn"));
                f.wishesToBeSeen = f.answer("/validation/wishesToBeSeen",
                        text(f, v, "/validation/wishesToBeSeen", "wishesToBeSeen"));
                f.hasCapacity = f.answer("/validation/hasCapacity", text(f, v, "/validation/hasCapacity", "hasCapacity"));
                f.understandsDecision = f.answer("/validation/understandsDecision",
                        text(f, v, "/validation/understandsDecision", "understandsDecision"));
                f.communicationNeedsMet = f.answer("/validation/communicationNeedsMet",
                        text(f, v, "/validation/communicationNeedsMet", "communicationNeedsMet"));
            }
        }
        return f.toParsed(line);
    }

    private static void unknownFields(Fields f, JsonNode node, String at, Set<String> known) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!known.contains(name)) {
                f.problems.add(new Violation(Violation.pointer(at, name), "UNKNOWN_FIELD",
                        "unknown field [" + Violation.shown(name) + "]; known: " + known.stream().sorted().toList()));
            }
        }
    }

    /** A string field, {@code null} if absent or null; a non-string is a problem. */
    private static String text(Fields f, JsonNode node, String path, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            f.problem(path, "WRONG_TYPE", name + " must be a string but was " + value.getNodeType().name().toLowerCase());
            return null;
        }
        return value.asText();
    }
}
