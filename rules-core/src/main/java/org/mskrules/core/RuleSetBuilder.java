package org.mskrules.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every rule family's facade builder has in common, defined once so that the families cannot
 * drift apart: where the rule sets come from ({@link #registry}), which version decides (named, in
 * force on a date, or by default the newest released), rules switched off for testing, and local
 * parameter overrides. Every setter checks its argument at once and names a bad value; what depends
 * on the version (unknown rule ids to switch off, combinations of parameters, rule metadata) is
 * checked when the facade is built.
 *
 * <p>Not thread-safe: use from one thread. The facades it builds are thread-safe.
 *
 * @param <B> the facade's builder, which each setter returns
 * @param <F> the facade it builds
 */
public abstract class RuleSetBuilder<B extends RuleSetBuilder<B, F>, F> {
    /** Checks one named parameter value of a rule family. */
    @FunctionalInterface
    public interface ParameterCheck {
        /**
         * @throws InvalidConfigurationException if the name is unknown or the value out of its range
         */
        void check(String name, int value);
    }

    private final String ruleSetId;
    private final ClassLoader defaultLoader;
    private final ParameterCheck parameterCheck;
    private RuleSetRegistry registry;
    private final RuleSetChoice choice;
    private final Map<String, Integer> overrides;

    /**
     * A builder of the facade of rule set {@code ruleSetId}, by default from the rule sets on
     * {@code defaultLoader}'s class path, whose parameters {@code parameterCheck} checks.
     */
    protected RuleSetBuilder(String ruleSetId, ClassLoader defaultLoader, ParameterCheck parameterCheck) {
        this.ruleSetId = Objects.requireNonNull(ruleSetId, "ruleSetId");
        this.defaultLoader = Objects.requireNonNull(defaultLoader, "defaultLoader");
        this.parameterCheck = Objects.requireNonNull(parameterCheck, "parameterCheck");
        this.choice = new RuleSetChoice();
        this.overrides = new LinkedHashMap<>();
    }

    /** A builder with the settings that built {@code from}'s facade: for {@code toBuilder()}. */
    protected RuleSetBuilder(RuleSetBinding from, ParameterCheck parameterCheck) {
        this.ruleSetId = from.ruleSet().id();
        this.defaultLoader = from.defaultLoader();
        this.parameterCheck = Objects.requireNonNull(parameterCheck, "parameterCheck");
        this.registry = from.registry();
        this.choice = from.choice().copy();
        this.overrides = new LinkedHashMap<>(from.overrides());
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The registry to load from; by default the rule sets on the library's class path. */
    public B registry(RuleSetRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        return self();
    }

    /**
     * The rule-set version to evaluate, e.g. {@code 1.0.0}, whatever its status or effective date;
     * the only way to evaluate a {@code WORKING} version. Without this or {@link #inForceOn}, the
     * newest released version is used.
     *
     * @throws InvalidConfigurationException if {@link #inForceOn} was set too
     */
    public B ruleSetVersion(String version) {
        choice.version(version);
        return self();
    }

    /**
     * Evaluates the version in force on {@code date}: the released version with the latest
     * effective date on or before it ({@link RuleSetRegistry#inForce}). Building fails with
     * {@link NoVersionInForceException} if none is.
     *
     * @throws InvalidConfigurationException if {@link #ruleSetVersion} was set too
     */
    public B inForceOn(LocalDate date) {
        choice.inForceOn(date);
        return self();
    }

    /**
     * Switches rules of the version off: they never fire, and every decision's trace lists them in
     * {@link Trace#disabledRules()}. <strong>For rule-mutation tests and what-if impact analysis
     * only; never for clinical use</strong>: a decision made without some of a version's rules is not
     * that version's decision. A decision that needs a disabled rule's output may fail with a
     * {@link RulesException}. Ids are checked when the facade is built
     * ({@link InvalidConfigurationException} naming every unknown id).
     */
    public B withRulesDisabled(String... ruleIds) {
        choice.disable(ruleIds);
        return self();
    }

    /**
     * Overrides one named local parameter; the version ships the defaults.
     *
     * @throws InvalidConfigurationException if the name is unknown or the value out of its range
     */
    public B parameter(String name, int value) {
        parameterCheck.check(Objects.requireNonNull(name, "name"), value);
        overrides.put(name, value);
        return self();
    }

    /**
     * Overrides several named local parameters at once, for example read from a service's
     * configuration file; every bad name or value is reported together.
     *
     * @throws InvalidConfigurationException naming every unknown name and out-of-range value
     */
    public B parameters(Map<String, Integer> values) {
        List<Violation> problems = new ArrayList<>();
        values.forEach((name, value) -> {
            try {
                if (value == null) {
                    throw new InvalidConfigurationException(List.of(new Violation("/parameters/" + name, "REQUIRED",
                            "parameter [" + name + "] has no value")));
                }
                parameterCheck.check(Objects.requireNonNull(name, "name"), value);
            } catch (InvalidConfigurationException e) {
                problems.addAll(e.violations());
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        overrides.putAll(values);
        return self();
    }

    /**
     * Loads and checks the rule set, its metadata and parameters, and builds the facade.
     *
     * @throws UnknownRuleSetVersionException if the named version is not on the class path, or none
     *                                        is released
     * @throws NoVersionInForceException      if {@link #inForceOn} names a date on which no version is in force
     * @throws InvalidRuleMetadataException   if a rule's metadata breaks the family's requirements
     * @throws InvalidConfigurationException  for bad parameters or an unknown rule id to switch off
     */
    public abstract F build();

    /**
     * The chosen version, loaded, with any rules switched off and its rules' metadata checked
     * against {@code requirements}, bound to these settings.
     */
    protected final RuleSetBinding bind(MetadataRules requirements) {
        RuleSetRegistry reg = registry != null ? registry : RuleSetRegistry.fromClasspath(defaultLoader);
        RuleSet ruleSet = choice.resolve(reg, ruleSetId);
        requirements.check(ruleSet);
        return new RuleSetBinding(ruleSet, reg, defaultLoader, choice.copy(), overrides);
    }

    /** The parameter overrides set so far, by name, in the order set. */
    protected final Map<String, Integer> overrides() {
        return Collections.unmodifiableMap(overrides);
    }
}
