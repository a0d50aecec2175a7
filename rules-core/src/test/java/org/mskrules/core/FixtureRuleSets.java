package org.mskrules.core;

/**
 * The fixture rule sets of rules-core's tests, for the tests of modules above it (the catalogue
 * renderer in rules-governance renders them), shipped in rules-core's test jar only. Thread-safe:
 * the registry is built once.
 */
public final class FixtureRuleSets {
    private FixtureRuleSets() {
    }

    /** A registry of every fixture rule set, compiled once to the executable model. */
    public static RuleSetRegistry registry() {
        return Fixtures.registry();
    }
}
