package org.mskrules.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * No released version of a rule set was in force on the date asked about: the date is before the
 * first released version's effective date, or the rule set has no released version at all. Deciding
 * with some other version instead would apply rules that were not in force, so the caller must name
 * a version explicitly or use a date on which one is in force. The message names the rule set, the
 * date and every released version with its effective date.
 *
 * <p>Immutable, so thread-safe.
 */
public final class NoVersionInForceException extends RulesException {
    private static final long serialVersionUID = 1L;

    private final String ruleSetId;
    private final LocalDate date;

    /**
     * @param ruleSetId the rule set asked about
     * @param date      the date on which no version was in force
     * @param released  the manifests of the rule set's released versions, oldest first (may be empty)
     */
    public NoVersionInForceException(String ruleSetId, LocalDate date, List<RuleSetManifest> released) {
        super(message(ruleSetId, date, released));
        this.ruleSetId = Objects.requireNonNull(ruleSetId, "ruleSetId");
        this.date = Objects.requireNonNull(date, "date");
    }

    private static String message(String ruleSetId, LocalDate date, List<RuleSetManifest> released) {
        String versions = released.isEmpty() ? "none (working versions are never in force)"
                : released.stream().map(m -> m.version() + " from " + m.effectiveFrom())
                        .collect(Collectors.joining(", ", "[", "]"));
        return "no version of rule set [" + ruleSetId + "] is in force on [" + date + "]; released: " + versions;
    }

    /** The rule set asked about. */
    public String ruleSetId() {
        return ruleSetId;
    }

    /** The date on which no released version was in force. */
    public LocalDate date() {
        return date;
    }
}
