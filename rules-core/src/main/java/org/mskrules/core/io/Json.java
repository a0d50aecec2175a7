package org.mskrules.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.TreeNode;
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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The library's JSON settings, in one place. Strict on input: unknown properties, missing
 * primitives, numbers for enums and trailing tokens are errors, because a field the library silently
 * ignores is a finding a clinician thinks was considered. Dates are ISO-8601 strings. Output is
 * deterministic (sorted map keys, properties in declaration order).
 *
 * <p>Thread-safe and closed: only values (text, bytes, trees, bound objects) come out of here,
 * never a Jackson reader, writer, factory or mapper, because each of those leads back to the shared
 * factory ({@code getFactory()}), where one caller could switch off duplicate-key detection or lift
 * the size limits for everyone, {@link JsonContract}'s included. {@link #newMapper()} gives a caller
 * a deep copy of its own to reconfigure.
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
    private static final ObjectWriter PRETTY = WRITER.withDefaultPrettyPrinter();

    private Json() {
    }

    /** {@code text} read as a {@code type}, with these settings. */
    public static <T> T readValue(String text, Class<T> type) throws JsonProcessingException {
        return READER.forType(type).readValue(text);
    }

    /** {@code bytes} (UTF-8 JSON) read as a {@code type}, with these settings. */
    public static <T> T readValue(byte[] bytes, Class<T> type) throws IOException {
        return READER.readValue(bytes, type);
    }

    /** {@code in} read as a {@code type}, with these settings; the caller closes {@code in}. */
    public static <T> T readValue(InputStream in, Class<T> type) throws IOException {
        return READER.forType(type).readValue(in);
    }

    /** The file at {@code path} read as a {@code type}, with these settings. */
    public static <T> T readValue(Path path, Class<T> type) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return readValue(in, type);
        }
    }

    /** {@code text} as a JSON tree, with these settings (duplicate keys and over-limit documents refused). */
    public static JsonNode readTree(String text) throws JsonProcessingException {
        return READER.readTree(text);
    }

    /** {@code in} as a JSON tree, with these settings; the caller closes {@code in}. */
    public static JsonNode readTree(InputStream in) throws IOException {
        return READER.readTree(in);
    }

    /** A JSON tree bound to a {@code type}, with these settings. */
    public static <T> T treeToValue(TreeNode node, Class<T> type) throws JsonProcessingException {
        return READER.treeToValue(node, type);
    }

    /** {@code value} as compact JSON text. */
    public static String writeValueAsString(Object value) throws JsonProcessingException {
        return WRITER.writeValueAsString(value);
    }

    /** {@code value} as compact UTF-8 JSON. */
    public static byte[] writeValueAsBytes(Object value) throws JsonProcessingException {
        return WRITER.writeValueAsBytes(value);
    }

    /** {@code value} as indented JSON text, for people to read. */
    public static String writePretty(Object value) throws JsonProcessingException {
        return PRETTY.writeValueAsString(value);
    }

    /** {@code value} as a JSON tree (an object node for a record), as {@link #writeValueAsString(Object)} would write it. */
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
