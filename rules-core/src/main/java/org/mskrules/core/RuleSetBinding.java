package org.mskrules.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A facade's loaded, checked version of its rule set together with the settings that chose it, so
 * that every facade answers the same questions the same way ({@link #version}, {@link #status},
 * {@link #contentHash}, {@link #disabledRules}) and can hand its settings back to a new builder.
 * Made by {@link RuleSetBuilder#bind}. Immutable, so thread-safe.
 */
public final class RuleSetBinding {
    private final RuleSet ruleSet;
    private final RuleSetRegistry registry;
    private final ClassLoader defaultLoader;
    private final RuleSetChoice choice;
    private final Map<String, Integer> overrides;

    RuleSetBinding(RuleSet ruleSet, RuleSetRegistry registry, ClassLoader defaultLoader, RuleSetChoice choice,
            Map<String, Integer> overrides) {
        this.ruleSet = ruleSet;
        this.registry = registry;
        this.defaultLoader = defaultLoader;
        this.choice = choice;
        this.overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** The version, with any rules switched off, that the facade evaluates. */
    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** The version's number, e.g. {@code 1.0.0}. */
    public String version() {
        return ruleSet.version();
    }

    /** {@code RELEASED} (signed off) or {@code WORKING} (not for clinical use). */
    public RuleSetManifest.Status status() {
        return ruleSet.manifest().status();
    }

    /** {@code sha256:...} over the version's manifest and files. */
    public String contentHash() {
        return ruleSet.contentHash();
    }

    /** Ids of the rules switched off for testing, sorted; empty for every facade meant for clinical use. */
    public List<String> disabledRules() {
        return ruleSet.disabledRules();
    }

    /** The parameter overrides the facade was built with, by name. */
    public Map<String, Integer> overrides() {
        return overrides;
    }

    RuleSetRegistry registry() {
        // The registry actually used, so that a rebuilt facade loads the very same rule set.
        return registry;
    }

    ClassLoader defaultLoader() {
        return defaultLoader;
    }

    RuleSetChoice choice() {
        return choice;
    }
}
