package org.mskrules.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The library's JSON settings, in one place. Strict on input: unknown properties, missing
 * primitives, numbers for enums and trailing tokens are errors, because a field the library silently
 * ignores is a finding a clinician thinks was considered. Dates are ISO-8601 strings. Output is
 * deterministic (sorted map keys, properties in declaration order).
 *
 * <p>Thread-safe: {@link #reader()} and {@link #writer()} are immutable and shared; the shared
 * mapper behind them is never handed out, so nobody can reconfigure it for everyone.
 * {@link #newMapper()} gives a caller a copy of its own.
 */
public final class Json {
    /** Longest string value accepted in an input document. */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** Deepest nesting accepted in an input document. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest field name accepted in an input document; the contracts' longest is under 60. */
    public static final int MAX_NAME_LENGTH = 1_000;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Exact decimals, so that 0.99999999999999999 is not read as 1.0 and then taken for an integer.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build());
    }

    private static final ObjectReader READER = MAPPER.reader();
    private static final ObjectWriter WRITER = MAPPER.writer();

    private Json() {
    }

    /** Reads JSON with these settings: {@code readValue(text, Type.class)}, {@code readTree}, {@code treeToValue}. Immutable. */
    public static ObjectReader reader() {
        return READER;
    }

    /** Writes JSON with these settings; {@code withDefaultPrettyPrinter()} for indented output. Immutable. */
    public static ObjectWriter writer() {
        return WRITER;
    }

    /** {@code value} as a JSON tree (an object node for a record), as {@link #writer()} would write it. */
    public static <T extends JsonNode> T tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * A new mapper with these settings, the caller's own to reconfigure (for example to read its own
     * files leniently). Costly: make one and keep it.
     */
    public static ObjectMapper newMapper() {
        return MAPPER.copy();
    }
}
