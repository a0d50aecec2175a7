package org.mskrules.core;

import java.util.Map;
import java.util.Objects;

/**
 * A rule as loaded: its id, quoted name, DRL package and every metadata attribute
 * ({@code @source}, {@code @level}, ...) as text. Immutable.
 *
 * @param id          the {@code @id} metadata value, unique in its rule set
 * @param name        the DRL rule name (starts with the id by convention)
 * @param packageName the DRL package (one versioned folder per package)
 * @param metadata    all metadata attributes, keyed by attribute name, in a stable order
 */
public record RuleInfo(String id, String name, String packageName, Map<String, String> metadata) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(packageName, "packageName");
        metadata = Map.copyOf(metadata);
    }

    /** The value of one metadata attribute, or {@code null} when the rule does not carry it. */
    public String meta(String key) {
        return metadata.get(key);
    }
}
