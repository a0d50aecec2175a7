package org.mskrules.governance;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.mskrules.core.RulesException;
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
            // The same settings, registry included, so the very same rules with the case's parameters on top.
            return base.toBuilder().parameters(caseParameters).build();
        } catch (RulesException e) {
            return e;
        }
    }
}
