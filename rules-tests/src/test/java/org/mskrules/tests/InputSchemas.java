package org.mskrules.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.mskrules.core.io.Json;

/**
 * The published input schemas in {@code docs/schema}, read from the repository (not from the class
 * path) and checked with the validator directly, so that tests judge documents by the published file
 * and independently of the library's own mapping of schema messages to violations.
 */
final class InputSchemas {
    static final String REFERRAL = "referral.schema.json";
    static final String SERVICE_PROFILE = "service-profile.schema.json";
    static final String WAITING_LIST_ENTRY = "waiting-list-entry.schema.json";

    private static final ConcurrentHashMap<String, Schema> LOADED = new ConcurrentHashMap<>();

    private InputSchemas() {
    }

    static Path dir() {
        return RepoPaths.root().resolve("docs").resolve("schema");
    }

    static JsonNode node(String file) {
        try {
            return Json.readTree(Files.readString(dir().resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Error> problems(String file, JsonNode document) {
        Schema schema = LOADED.computeIfAbsent(file, f -> SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                .getSchema(node(f)));
        return schema.validate(document);
    }

    static boolean valid(String file, JsonNode document) {
        return problems(file, document).isEmpty();
    }
}
