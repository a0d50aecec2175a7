package org.mskrules.governance;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.core.RulesException;
import org.mskrules.core.UnknownRuleSetVersionException;
import org.mskrules.msk.LocalParameters;
import org.mskrules.msk.MskRules;

/**
 * One side of a comparison: the facade the caller gave, and facades of the same version with a
 * case's own parameters on top of its parameters, built once per distinct set of parameters.
 * Thread-safe.
 */
final class Facades {
    private final MskRules base;
    /** Case parameters -> the facade, or the configuration error building it gave. */
    private final Map<Map<String, Integer>, Object> byParameters = new ConcurrentHashMap<>();

    Facades(MskRules base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    MskRules base() {
        return base;
    }

    /**
     * The facade for a case: the base one, or one of the same version with the case's parameters.
     *
     * @throws RulesException if those parameters cannot be applied to this version
     */
    MskRules forCase(PopulationCase c) {
        if (c.parameters().isEmpty()) {
            return base;
        }
        Object built = byParameters.computeIfAbsent(c.parameters(), this::build);
        if (built instanceof RulesException e) {
            throw e;
        }
        return (MskRules) built;
    }

    private Object build(Map<String, Integer> caseParameters) {
        try {
            LocalParameters merged = base.parameters().with(caseParameters);
            if (merged.equals(base.parameters())) {
                return base;
            }
            MskRules rules = MskRules.builder()
                    .registry(Registry.CLASSPATH)
                    .ruleSetVersion(base.ruleSetVersion())
                    .parameters(merged.asMap())
                    .serviceProfile(base.serviceProfile())
                    .build();
            if (!rules.contentHash().equals(base.contentHash())) {
                // The facade came from another registry; the rules found here are not the same rules.
                return new RulesException("version [" + base.ruleSetVersion() + "] on the class path has content "
                        + rules.contentHash() + ", not the compared facade's " + base.contentHash()
                        + ": cannot apply the case's parameters to the same rules");
            }
            return rules;
        } catch (RulesException e) {
            return e;
        }
    }

    /** The version's status from its manifest on the class path; {@code null} if it is not there. */
    static RuleSetManifest.Status status(MskRules rules) {
        try {
            return Registry.CLASSPATH.manifest(MskRules.RULE_SET_ID, rules.ruleSetVersion()).status();
        } catch (UnknownRuleSetVersionException e) {
            return null;
        }
    }

    /** One registry for every facade built here, so each version's rules load once. */
    private static final class Registry {
        static final RuleSetRegistry CLASSPATH = RuleSetRegistry.fromClasspath(MskRules.class.getClassLoader());
    }
}
