package org.mskrules.core;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which version of a rule set a facade evaluates, as its builder collects it: a version named by
 * number (the only way to a {@code WORKING} version), the released version in force on a date, or by
 * default the newest released version; and any rules switched off for rule-mutation tests or what-if
 * analysis. One definition for every facade's builder ({@link RuleSetBuilder}), so that they cannot
 * choose differently.
 *
 * <p>Not thread-safe (it is a builder's state); the {@link RuleSet} it resolves to is.
 */
final class RuleSetChoice {
    private String version;
    private LocalDate inForceOn;
    private final Set<String> disabledRules = new LinkedHashSet<>();

    /** An independent copy, for a builder made from a facade's settings. */
    RuleSetChoice copy() {
        RuleSetChoice c = new RuleSetChoice();
        c.version = version;
        c.inForceOn = inForceOn;
        c.disabledRules.addAll(disabledRules);
        return c;
    }

    /**
     * Names the version by number, whatever its status or effective date.
     *
     * @throws InvalidConfigurationException if a date was chosen too
     */
    void version(String version) {
        Objects.requireNonNull(version, "version");
        if (inForceOn != null) {
            throw versionAndDate(version, inForceOn);
        }
        this.version = version;
    }

    /**
     * Chooses the released version in force on {@code date} ({@link RuleSetRegistry#inForce}).
     *
     * @throws InvalidConfigurationException if a version was named too
     */
    void inForceOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (version != null) {
            throw versionAndDate(version, date);
        }
        this.inForceOn = date;
    }

    /** Switches rules off in every evaluation of the resolved version; checked when it is resolved. */
    void disable(String... ruleIds) {
        for (String id : ruleIds) {
            disabledRules.add(Objects.requireNonNull(id, "rule id"));
        }
    }

    /**
     * The chosen version of {@code ruleSetId}, loaded from {@code registry}, with any rules switched
     * off. Never a working version unless it was named: a working version's rules may still change.
     *
     * @throws UnknownRuleSetVersionException if the named version is not there, or none is released
     * @throws NoVersionInForceException      if no version is in force on the chosen date
     * @throws InvalidConfigurationException  if a rule to switch off is not in the version
     */
    RuleSet resolve(RuleSetRegistry registry, String ruleSetId) {
        RuleSet ruleSet = version != null ? registry.ruleSet(ruleSetId, version)
                : inForceOn != null ? registry.inForce(ruleSetId, inForceOn)
                : registry.latestReleased(ruleSetId);
        return ruleSet.withRulesDisabled(disabledRules);
    }

    private static InvalidConfigurationException versionAndDate(String version, LocalDate date) {
        return new InvalidConfigurationException(List.of(new Violation("/ruleSetVersion", "INCONSISTENT",
                "choose the rule-set version by number (ruleSetVersion [" + version + "]) or by date (inForceOn ["
                        + date + "]), not both")));
    }
}
