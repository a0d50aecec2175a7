package org.mskrules.core.io;

import org.mskrules.core.RulesException;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.Violation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A JSON input contract: one JSON Schema (draft 2020-12) that documents of one kind must meet, with
 * every problem of a document reported together as a {@link Violation} carrying the JSON Pointer of
 * the offending value and a stable code. A document is parsed under the library's limits first
 * ({@link #MAX_DOCUMENT_CHARS}, {@link Json#MAX_NESTING_DEPTH}, {@link Json#MAX_STRING_LENGTH}), so a
 * hostile document cannot exhaust memory or the stack; a document that cannot be parsed has exactly
 * one problem, where the parser stopped.
 *
 * <p>The checked result also carries the document with every invalid value removed, so that a caller
 * can go on to check what the schema cannot say (dates against the evaluation date, one field against
 * another) on what is left, and so report those problems in the same list.
 *
 * <p>Codes, stable across releases (see {@code docs/schema/README.md}): {@code MALFORMED_JSON},
 * {@code EMPTY_DOCUMENT}, {@code DUPLICATE_FIELD}, {@code DOCUMENT_TOO_LARGE}, {@code NESTING_TOO_DEEP},
 * {@code STRING_TOO_LONG}, {@code NUMBER_TOO_LONG}, {@code NAME_TOO_LONG}, {@code REQUIRED}, {@code UNKNOWN_FIELD},
 * {@code WRONG_TYPE}, {@code UNKNOWN_CODE}, {@code OUT_OF_RANGE}, {@code INVALID_DATE},
 * {@code INVALID_FORMAT}, {@code INVALID_LENGTH}, {@code DUPLICATE_ITEM}, {@code TOO_MANY_PROBLEMS},
 * {@code SCHEMA_VIOLATION}.
 *
 * <p>The JSON Schema validator behind it is a copy relocated inside this library's jar (ADR 0013), so
 * that a host's own version of it cannot change what a contract reports.
 *
 * <p>Immutable and thread-safe; load each contract once and share it.
 */
public final class JsonContract {
    /** The longest document accepted, in characters (1 MiB); a typical input document is a few kilobytes. */
    public static final int MAX_DOCUMENT_CHARS = 1 << 20;
    /** Problems listed for one document at most; a document with more is summarised after these. */
    public static final int MAX_VIOLATIONS = 100;
    /** Enumerations longer than this are not spelled out in a message, which would drown the problem. */
    private static final int MAX_CODES_LISTED = 12;

    private final String name;
    private final Schema schema;

    private JsonContract(String name, Schema schema) {
        this.name = name;
        this.schema = schema;
    }

    /**
     * Loads the schema at {@code resource} on {@code loader}'s class path. The schema may refer only to
     * itself ({@code #/$defs/...}) and to schemas in the same class-path folder (a relative reference
     * such as {@code trace.schema.json}, resolved against the folder of its {@code $id}): the validator
     * is allowed no other loader, so nothing is ever fetched from the network.
     *
     * @throws RulesException if the resource is missing or is not a schema
     */
    public static JsonContract fromResource(ClassLoader loader, String resource) {
        Objects.requireNonNull(loader, "loader");
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new RulesException("JSON schema [" + resource + "] is not on the class path");
            }
            JsonNode node = Json.readTree(in);
            SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .formatAssertionsEnabled(true)
                    .build();
            // A schema may refer to its siblings ("trace.schema.json"): they resolve against its $id, whose
            // folder is mapped to the resource's own folder on the class path.
            String id = node.path("$id").asText("");
            String folder = resource.contains("/") ? resource.substring(0, resource.lastIndexOf('/') + 1) : "";
            String idFolder = id.contains("/") ? id.substring(0, id.lastIndexOf('/') + 1) : "";
            // Never the network: the validator fetches nothing remote unless told to, and may load no
            // schema but from the class path (this schema, its siblings; its 2020-12 vocabularies are built in).
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> {
                boolean siblings = idFolder.startsWith("https://") || idFolder.startsWith("http://");
                // A sibling is asked for by its $id and read from the class path it is mapped to.
                builder.schemaRegistryConfig(config).schemaLoader(schemas -> schemas.allow(iri ->
                        iri.toString().startsWith("classpath:") || siblings && iri.toString().startsWith(idFolder)));
                if (siblings) {
                    builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(idFolder, "classpath:" + folder));
                }
            }).getSchema(node);
            schema.initializeValidators();
            return new JsonContract(resource, schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JSON schema [" + resource + "]", e);
        }
    }

    /**
     * Parses {@code text} under the library's limits and checks it against the schema.
     *
     * @return the result; never throws for bad input
     */
    public Checked check(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith("\uFEFF")) {
            // A byte-order mark is how some Windows tools start UTF-8; it is not content.
            text = text.substring(1);
        }
        if (text.length() > MAX_DOCUMENT_CHARS) {
            return Checked.unreadable(new Violation("", "DOCUMENT_TOO_LARGE", "the document has " + text.length()
                    + " characters; at most " + MAX_DOCUMENT_CHARS + " are accepted"));
        }
        if (text.isBlank()) {
            return Checked.unreadable(new Violation("", "EMPTY_DOCUMENT", "the document is empty"));
        }
        JsonNode node;
        try {
            node = Json.readTree(text);
        } catch (StreamConstraintsException e) {
            return Checked.unreadable(limit(e));
        } catch (JsonProcessingException e) {
            return Checked.unreadable(malformed(e));
        } catch (NumberFormatException e) {
            // Found by fuzzing: a decimal whose exponent has too many digits (1e-4000000000...) is
            // refused by the exact decimal parser with an unchecked exception, not a parse error.
            return Checked.unreadable(numberTooLong());
        }
        if (node == null || node.isMissingNode()) {
            return Checked.unreadable(new Violation("", "EMPTY_DOCUMENT", "the document is empty"));
        }
        return check(node);
    }

    /**
     * Reads a whole document from {@code in} as UTF-8, strictly: bytes that are not UTF-8 are a
     * problem, not replaced, and at most {@link #MAX_DOCUMENT_CHARS} characters are read. The stream is
     * not closed.
     *
     * @throws InvalidInputException {@code INVALID_ENCODING} or {@code DOCUMENT_TOO_LARGE}
     * @throws UncheckedIOException  if the stream cannot be read
     */
    public static String readDocument(InputStream in) {
        Objects.requireNonNull(in, "in");
        byte[] bytes;
        try {
            // Four bytes a character at most, so this bound never refuses a document within the limit.
            bytes = in.readNBytes(4 * MAX_DOCUMENT_CHARS + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the document", e);
        }
        if (bytes.length > 4 * MAX_DOCUMENT_CHARS) {
            throw new InvalidInputException(List.of(new Violation("", "DOCUMENT_TOO_LARGE",
                    "the document is larger than " + MAX_DOCUMENT_CHARS + " characters")));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(List.of(new Violation("", "INVALID_ENCODING",
                    "the document is not valid UTF-8")));
        }
    }

    /** Checks an already parsed document against the schema; {@code document} is not changed. */
    public Checked check(JsonNode document) {
        Objects.requireNonNull(document, "document");
        JsonNode doc = wholeNumbersAsIntegers(document);
        List<Found> found = new ArrayList<>();
        Set<String> remove = new TreeSet<>();
        for (Error m : schema.validate(doc)) {
            found.add(new Found(m.getKeyword(), violation(m)));
            setAside(m, remove);
        }
        // A number no contract field could take, which the validator may compare by its low 64 bits.
        List<String> huge = new ArrayList<>();
        hugeNumbers(doc, "", huge);
        for (String at : huge) {
            if (found.stream().noneMatch(f -> f.violation().path().equals(at))) {
                found.add(new Found("maximum", new Violation(at, "OUT_OF_RANGE", "[" + text(doc.at(at))
                        + "] is far outside the range of any number the contract takes")));
                remove.add(at);
            }
        }
        List<Violation> violations = onePerValue(found);
        if (violations.isEmpty()) {
            return new Checked(doc, doc, List.of());
        }
        // Setting a value aside can leave its object without a required member (a finding with no
        // status): such objects are set aside too, until what is left meets the schema but for
        // required members of the document itself, so that the model can read it and check the rest.
        JsonNode valid = doc;
        for (int round = 0; round < 2 * Json.MAX_NESTING_DEPTH && !remove.isEmpty(); round++) {
            valid = without(valid, remove);
            remove = new TreeSet<>();
            for (Error m : schema.validate(valid)) {
                setAside(m, remove);
            }
        }
        violations.sort(Comparator.comparing(Violation::path).thenComparing(Violation::code));
        if (violations.size() > MAX_VIOLATIONS) {
            int more = violations.size() - MAX_VIOLATIONS;
            violations = new ArrayList<>(violations.subList(0, MAX_VIOLATIONS));
            violations.add(new Violation("", "TOO_MANY_PROBLEMS", more + " more problems are not listed"));
        }
        return new Checked(doc, valid, violations);
    }

    /**
     * What to set aside for one schema message: the offending value, or for a missing member the
     * object that lacks it (unless that is the document itself, which the model reads with the
     * member absent).
     */
    private static void setAside(Error m, Set<String> remove) {
        String at = m.getInstanceLocation().toString();
        if (!m.getKeyword().equals("required") || !at.isEmpty()) {
            remove.add(m.getKeyword().equals("additionalProperties") || m.getKeyword().equals("propertyNames")
                    ? child(at, m.getProperty()) : at);
        }
    }

    /** One schema message, with the keyword that raised it. */
    private record Found(String keyword, Violation violation) {
    }

    /**
     * A value has one problem, the most basic: a wrong type says all there is to say about it, a code
     * that is not known says more than its length. Problems with the members of an object (missing,
     * unknown, a key that is not a code) are each kept.
     */
    private static List<Violation> onePerValue(List<Found> found) {
        java.util.Map<String, Violation> byValue = new java.util.LinkedHashMap<>();
        List<Violation> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Found f : found) {
            Violation v = f.violation();
            if (!seen.add(v.path() + " " + v.code() + " " + f.keyword())) {
                continue;
            }
            if (MEMBER_KEYWORDS.contains(f.keyword())) {
                members.add(v);
            } else {
                byValue.merge(v.path(), v, (a, b) -> rank(b.code()) < rank(a.code()) ? b : a);
            }
        }
        List<Violation> all = new ArrayList<>(members);
        all.addAll(byValue.values());
        return all;
    }

    private static final Set<String> MEMBER_KEYWORDS = Set.of("required", "additionalProperties",
            "unevaluatedProperties", "propertyNames");
    private static final List<String> VALUE_CODES = List.of("WRONG_TYPE", "UNKNOWN_CODE", "INVALID_DATE", "OUT_OF_RANGE",
            "INVALID_LENGTH", "INVALID_FORMAT", "DUPLICATE_ITEM", "SCHEMA_VIOLATION");

    private static int rank(String code) {
        int i = VALUE_CODES.indexOf(code);
        return i < 0 ? VALUE_CODES.size() : i;
    }

    /**
     * JSON Schema counts {@code 24.0} as the integer 24, but a strict mapper would not, so a number with
     * nothing after the point becomes the integer it is before anything is checked.
     */
    private static JsonNode wholeNumbersAsIntegers(JsonNode node) {
        if (!hasWholeDecimal(node)) {
            return node;
        }
        return integers(node.deepCopy());
    }

    private static boolean hasWholeDecimal(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            return whole(node);
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (hasWholeDecimal(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code n} is exactly an integer that fits a {@code long}: read exactly (the mapper keeps
     * decimals as {@code BigDecimal}), so that {@code 0.99999999999999999} or {@code 1e-400} is a
     * decimal, never rounded to 1 or 0. A whole number too large for a {@code long} is left as it is
     * (the schema refuses it as out of range or of the wrong type) rather than expanded, which for
     * {@code 1e999999999} would take a billion digits.
     */
    private static boolean whole(JsonNode n) {
        java.math.BigDecimal d;
        if (n.isBigDecimal()) {
            d = n.decimalValue();
        } else {
            double x = n.doubleValue();
            if (!Double.isFinite(x)) {
                return false;
            }
            d = new java.math.BigDecimal(x);
        }
        if (d.signum() == 0) {
            return true;
        }
        java.math.BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18;
    }

    private static JsonNode integers(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                o.set(name, integers(o.get(name)));
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, integers(a.get(i)));
            }
        } else if (node.isFloatingPointNumber() && whole(node)) {
            java.math.BigDecimal d = node.isBigDecimal() ? node.decimalValue() : new java.math.BigDecimal(node.doubleValue());
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(d.longValueExact());
        }
        return node;
    }

    /** Pointers to every number of magnitude 10^18 or more in {@code node}. */
    private static void hugeNumbers(JsonNode node, String at, List<String> paths) {
        if (node.isNumber()) {
            java.math.BigDecimal d = node.isBigDecimal() ? node.decimalValue()
                    : node.isBigInteger() ? new java.math.BigDecimal(node.bigIntegerValue()) : null;
            boolean big = d != null ? d.signum() != 0 && d.precision() - d.scale() > 18
                    : Math.abs(node.doubleValue()) >= 1e18 || !Double.isFinite(node.doubleValue());
            if (big) {
                paths.add(at);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> hugeNumbers(e.getValue(), Violation.pointer(at, e.getKey()), paths));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                hugeNumbers(node.get(i), at + "/" + i, paths);
            }
        }
    }

    /**
     * The outcome of checking one document.
     *
     * @param document   the document as parsed, or {@code null} if it could not be parsed
     * @param valid      the document with every value that broke the schema removed (so what is left
     *                   meets it but for required fields), or {@code null} if it could not be parsed
     * @param violations every problem found, sorted by path; empty if the document meets the schema
     */
    public record Checked(JsonNode document, JsonNode valid, List<Violation> violations) {
        public Checked {
            violations = List.copyOf(violations);
        }

        static Checked unreadable(Violation v) {
            return new Checked(null, null, List.of(v));
        }

        /** Whether the document meets the schema. */
        public boolean ok() {
            return violations.isEmpty();
        }

        /** Whether a problem is already reported at {@code path} or at a value that contains it. */
        public boolean covers(String path) {
            for (Violation v : violations) {
                if (path.equals(v.path()) || path.startsWith(v.path() + "/") || v.path().isEmpty()) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public String toString() {
        return "JsonContract[" + name + "]";
    }

    private static Violation limit(StreamConstraintsException e) {
        String m = e.getOriginalMessage();
        String lower = m.toLowerCase(java.util.Locale.ROOT);
        String at = pointer(e);
        if (lower.contains("nesting depth")) {
            return new Violation(at, "NESTING_TOO_DEEP", "the document nests deeper than " + Json.MAX_NESTING_DEPTH + " levels");
        }
        if (lower.contains("string value length")) {
            return new Violation(at, "STRING_TOO_LONG", "a string is longer than " + Json.MAX_STRING_LENGTH + " characters");
        }
        if (lower.contains("number value length")) {
            return new Violation(at, "NUMBER_TOO_LONG", "a number has too many digits");
        }
        if (lower.contains("name length")) {
            return new Violation(at, "NAME_TOO_LONG", "a field name is longer than " + Json.MAX_NAME_LENGTH + " characters");
        }
        // Any other limit of the parser: said in our words, never the parser's, which may quote content.
        return new Violation(at, "DOCUMENT_TOO_LARGE", "the document is over one of the parser's limits");
    }

    private static Violation malformed(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        String at = pointer(e);
        if (m != null && m.startsWith("Duplicate field")) {
            // The pointer is to the repeated field itself; its name is in the pointer, so not repeated.
            return new Violation(at, "DUPLICATE_FIELD", "the field appears more than once: which value counts would be a guess");
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return new Violation(at, "MALFORMED_JSON", "not valid JSON" + where + ": " + parserReason(e));
    }

    /**
     * The problem when a document that met the schema cannot be mapped to its model ({@code what},
     * e.g. "an order"): a field the model does not have is {@code UNKNOWN_FIELD} at its pointer
     * (found by fuzzing: the schema validator lets a member whose name starts with {@code #} pass
     * {@code additionalProperties: false}); anything else is {@code SCHEMA_VIOLATION}, the schema and
     * the model disagreeing. Never an exception: the caller's record is rejected, not lost.
     */
    public static Violation unmappable(JsonProcessingException e, String what) {
        String at = "";
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
                at = Violation.pointer(at, r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
            }
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return new Violation(at, "UNKNOWN_FIELD", "unknown field [" + Violation.shown(u.getPropertyName())
                    + "]: the contract does not define it (names are case-sensitive)");
        }
        return new Violation(at, "SCHEMA_VIOLATION", "cannot be read as " + what + ": " + parserReason(e));
    }

    /** A number the parser cannot hold: too many digits, or an exponent too large to read exactly. */
    public static Violation numberTooLong() {
        return new Violation("", "NUMBER_TOO_LONG", "a number has too many digits or too large an exponent");
    }

    /** The longest parser explanation a message carries, after its quotations are shortened. */
    private static final int MAX_REASON_LENGTH = 160;

    /**
     * Why the parser stopped, safe to put in a message: its first line, each quoted token in it cut
     * to a short escaped excerpt ({@link Violation#shown}), and the whole at most 160 characters, so
     * that a message never carries more than a few words of a document's content into a log.
     */
    public static String parserReason(JsonProcessingException e) {
        String why = firstLine(e.getOriginalMessage());
        StringBuilder b = new StringBuilder();
        java.util.regex.Matcher quoted = QUOTED.matcher(why);
        int last = 0;
        while (quoted.find()) {
            b.append(why, last, quoted.start()).append('\'').append(Violation.shown(quoted.group(1))).append('\'');
            last = quoted.end();
        }
        b.append(why.substring(last));
        String reason = Violation.shown(b.toString(), MAX_REASON_LENGTH);
        return reason;
    }

    /** A token the parser quotes: {@code 'xxx'}, up to the last quote before a colon, comma or the end. */
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'(.*?)'(?=[:,;)\\s]|$)");

    /** Where the parser was when it stopped, as a JSON Pointer. */
    private static String pointer(JsonProcessingException e) {
        if (e instanceof JsonParseException p && p.getProcessor() != null) {
            JsonParser parser = p.getProcessor();
            try {
                JsonPointer pointer = parser.getParsingContext().pathAsPointer();
                return pointer.toString();
            } catch (RuntimeException ignored) {
                // A context the parser cannot describe is still a problem at the document.
            }
        }
        return "";
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "unreadable";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Maps one schema message to a violation with a stable code and a sentence of our own. */
    private static Violation violation(Error m) {
        String at = m.getInstanceLocation().toString();
        String keyword = m.getKeyword();
        JsonNode value = m.getInstanceNode();
        JsonNode rule = m.getSchemaNode();
        return switch (keyword) {
            case "required" -> new Violation(child(at, m.getProperty()), "REQUIRED",
                    "[" + Violation.shown(m.getProperty()) + "] is required");
            case "additionalProperties", "unevaluatedProperties" -> new Violation(child(at, m.getProperty()),
                    "UNKNOWN_FIELD", "unknown field [" + Violation.shown(m.getProperty()) + "]: the contract does not define it"
                            + " (names are case-sensitive)");
            case "propertyNames" -> new Violation(child(at, m.getProperty()), "UNKNOWN_CODE",
                    "[" + Violation.shown(m.getProperty()) + "] is not a known code");
            case "type" -> new Violation(at, "WRONG_TYPE", (value == null || value.isNull()
                    ? "null is not accepted: leave the field out if it is not recorded"
                    : "must be " + expected(rule) + " but was " + kind(value)));
            case "enum", "const" -> new Violation(at, "UNKNOWN_CODE", codeMessage(value, rule));
            case "minimum", "exclusiveMinimum" -> new Violation(at, "OUT_OF_RANGE",
                    "[" + text(value) + "] is below the minimum " + rule.asText());
            case "maximum", "exclusiveMaximum" -> new Violation(at, "OUT_OF_RANGE",
                    "[" + text(value) + "] is above the maximum " + rule.asText());
            case "format" -> "date".equals(rule == null ? null : rule.asText())
                    ? new Violation(at, "INVALID_DATE", "[" + text(value) + "] is not a date in the form YYYY-MM-DD")
                    : new Violation(at, "INVALID_FORMAT", "[" + text(value) + "] is not a valid " + (rule == null ? "value" : rule.asText()));
            case "pattern" -> datePattern(rule)
                    ? new Violation(at, "INVALID_DATE", "[" + text(value) + "] is not a date in the form YYYY-MM-DD")
                    : new Violation(at, "INVALID_FORMAT", "[" + text(value) + "] does not have the expected form");
            case "minLength", "maxLength" -> new Violation(at, "INVALID_LENGTH", keyword.equals("minLength")
                    ? "must have at least " + rule.asText() + " characters" : "must have at most " + rule.asText() + " characters");
            case "uniqueItems" -> new Violation(at, "DUPLICATE_ITEM", "a value is listed more than once");
            // The validator's own sentence, after the location as networknt 1.x wrote it (2.x leaves it out).
            default -> new Violation(at, "SCHEMA_VIOLATION", at + ": " + m.getMessage());
        };
    }

    private static boolean datePattern(JsonNode rule) {
        return rule != null && rule.asText().startsWith("^[0-9]{4}-");
    }

    private static String codeMessage(JsonNode value, JsonNode rule) {
        String shown = "[" + text(value) + "]";
        if (value != null && !value.isTextual()) {
            return shown + " must be one of the codes, a string, but was " + kind(value);
        }
        if (rule != null && rule.isArray() && rule.size() <= MAX_CODES_LISTED) {
            List<String> codes = new ArrayList<>();
            rule.forEach(c -> codes.add(c.asText()));
            return shown + " is not one of " + codes;
        }
        return shown + " is not a known code" + (rule != null && rule.isArray() ? " (" + rule.size() + " are defined)" : "");
    }

    private static String expected(JsonNode rule) {
        if (rule == null) {
            return "another type";
        }
        if (rule.isArray()) {
            List<String> types = new ArrayList<>();
            rule.forEach(t -> types.add(article(t.asText())));
            return String.join(" or ", types);
        }
        return article(rule.asText());
    }

    private static String article(String type) {
        return (type.startsWith("i") || type.startsWith("o") || type.startsWith("a") ? "an " : "a ") + type;
    }

    private static String kind(JsonNode value) {
        if (value == null) {
            return "missing";
        }
        return switch (value.getNodeType()) {
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a decimal number";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The value as shown in a message, shortened so that a message never carries a whole document. */
    private static String text(JsonNode value) {
        if (value == null) {
            return "";
        }
        return Violation.shown(value.isTextual() ? value.asText() : value.toString());
    }

    private static String child(String at, String property) {
        return property == null ? at : Violation.pointer(at, property);
    }

    /** A copy of {@code document} without the values at {@code paths}. */
    private static JsonNode without(JsonNode document, Set<String> paths) {
        JsonNode copy = document.deepCopy();
        if (paths.contains("")) {
            return copy instanceof ObjectNode o ? o.removeAll() : copy;
        }
        Map<ArrayNode, TreeSet<Integer>> fromArrays = new IdentityHashMap<>();
        for (String path : paths) {
            JsonPointer p = JsonPointer.compile(path);
            JsonNode parent = copy.at(p.head());
            if (parent instanceof ObjectNode o) {
                o.remove(p.last().getMatchingProperty());
            } else if (parent instanceof ArrayNode a && p.last().getMatchingIndex() >= 0) {
                fromArrays.computeIfAbsent(a, x -> new TreeSet<>(Comparator.reverseOrder())).add(p.last().getMatchingIndex());
            }
        }
        // Highest index first, so that each removal leaves the others' indices alone.
        fromArrays.forEach((a, indices) -> indices.forEach(i -> {
            if (i < a.size()) {
                a.remove(i);
            }
        }));
        return copy;
    }
}
