package org.mskrules.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing {@link Json} hands out can loosen the library's JSON settings for everyone. Every public
 * method is called; whatever comes back that can reach a Jackson factory or mapper is used to switch
 * off duplicate-key detection, lift the size limits and allow unknown fields. Afterwards the library
 * (and {@link JsonContract}, which reads through it) must still refuse all of those.
 */
class JsonSettingsClosedTest {
    private static final String DUPLICATE = "{\"x\":1,\"x\":2}";
    private static final String TOO_DEEP = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);
    private static final String TOO_LONG = "{\"x\":\"" + "a".repeat(Json.MAX_STRING_LENGTH + 1) + "\"}";
    private static final String NAME_TOO_LONG = "{\"" + "n".repeat(Json.MAX_NAME_LENGTH + 1) + "\":1}";

    record Point(int x) {
    }

    @Test
    void nothingReturnedByJsonCanLoosenTheSharedSettings(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("point.json"), "{\"x\":1}");
        List<String> tried = new ArrayList<>();
        for (Method m : Json.class.getMethods()) {
            if (m.getDeclaringClass() != Json.class || !Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < args.length; i++) {
                args[i] = argument(types[i], file);
            }
            loosen(m.invoke(null, args));
            tried.add(m.getName());
        }
        assertThat(tried).contains("readValue", "readTree", "treeToValue", "tree", "writeValueAsString", "newMapper");

        assertThatThrownBy(() -> Json.readTree(DUPLICATE)).hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> Json.readValue(DUPLICATE, Point.class)).hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> Json.readValue("{\"x\":1,\"y\":2}", Point.class)).hasMessageContaining("\"y\"");
        for (String over : List.of(TOO_DEEP, TOO_LONG, NAME_TOO_LONG)) {
            assertThatThrownBy(() -> Json.readTree(over)).isInstanceOf(StreamConstraintsException.class);
        }
        assertThat(JsonContractTest.CONTRACT.check(DUPLICATE).violations()).isNotEmpty();
        assertThat(JsonContractTest.CONTRACT.check(TOO_DEEP).violations()).isNotEmpty();
    }

    @Test
    void aMappersCopyIsTheCallersOwnToLoosen() throws Exception {
        ObjectMapper own = Json.newMapper();
        loosen(own);
        assertThat(own.readTree(DUPLICATE).get("x").asInt()).isEqualTo(2);
        assertThat(own.readTree(TOO_DEEP).isArray()).isTrue();
        assertThatThrownBy(() -> Json.readTree(DUPLICATE)).hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> Json.readTree(TOO_DEEP)).isInstanceOf(StreamConstraintsException.class);
    }

    private static Object argument(Class<?> type, Path file) {
        if (type == String.class) {
            return "{\"x\":1}";
        } else if (type == byte[].class) {
            return "{\"x\":1}".getBytes(StandardCharsets.UTF_8);
        } else if (type == InputStream.class) {
            return new ByteArrayInputStream("{\"x\":1}".getBytes(StandardCharsets.UTF_8));
        } else if (type == Path.class) {
            return file;
        } else if (type == Class.class) {
            return Point.class;
        } else if (type.isAssignableFrom(com.fasterxml.jackson.databind.node.ObjectNode.class)) {
            return Json.tree(Map.of("x", 1));
        }
        return Map.of("x", 1);
    }

    /** Everything a caller could do to loosen a Jackson object it was given, done to {@code o}. */
    @SuppressWarnings("deprecation")
    private static void loosen(Object o) {
        JsonFactory factory = null;
        if (o instanceof ObjectMapper mapper) {
            mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
            factory = mapper.getFactory();
        } else if (o instanceof com.fasterxml.jackson.databind.ObjectReader reader) {
            factory = reader.getFactory();
        } else if (o instanceof com.fasterxml.jackson.databind.ObjectWriter writer) {
            factory = writer.getFactory();
        } else if (o instanceof JsonFactory f) {
            factory = f;
        }
        if (factory != null) {
            factory.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            factory.setStreamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(10_000).maxStringLength(10_000_000).maxNameLength(100_000).build());
        }
    }
}
