package org.mskrules.core;

import java.util.List;

/**
 * A caller asked for a rule set id or version that is not on the classpath. The message names the
 * versions that are, so that a wrong version in configuration is corrected rather than guessed at.
 * Immutable, so thread-safe.
 */
public final class UnknownRuleSetVersionException extends RulesException {
    private static final long serialVersionUID = 1L;

    private final String ruleSetId;
    private final String version;
    private final List<String> knownVersions;

    public UnknownRuleSetVersionException(String ruleSetId, String version, List<String> knownVersions) {
        this(ruleSetId, version, knownVersions, "");
    }

    /** With an explanation appended to the message, for a version described rather than numbered. */
    UnknownRuleSetVersionException(String ruleSetId, String version, List<String> knownVersions, String why) {
        super("unknown rule set version [" + Violation.shown(ruleSetId) + ":" + Violation.shown(version) + "]; known: "
                + knownVersions + why);
        this.ruleSetId = ruleSetId;
        this.version = version;
        this.knownVersions = List.copyOf(knownVersions);
    }

    public String ruleSetId() {
        return ruleSetId;
    }

    public String version() {
        return version;
    }

    /** Versions of {@link #ruleSetId()} that are available, oldest first (empty if the id is unknown). */
    public List<String> knownVersions() {
        return knownVersions;
    }
}
