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

    /**
     * A metadata value as text. Depending on how the DRL was compiled (build-time executable model or
     * run-time), a string attribute may arrive with its quotes; they are removed here so that
     * {@code @source("")} is blank however the rule was built.
     */
    public static String metadataText(Object raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** The value of one metadata attribute, or {@code null} when the rule does not carry it. */
    public String meta(String key) {
        return metadata.get(key);
    }
}
