package org.mskrules.core;

import java.util.List;

/**
 * A caller configured the library wrongly: an unknown parameter name, a value out of its documented
 * range, or a malformed parameter file. Every problem is listed with its path, and nothing is
 * evaluated with a configuration that raised this.
 */
public final class InvalidConfigurationException extends RulesException {
    private static final long serialVersionUID = 1L;

    private final List<Violation> violations;

    public InvalidConfigurationException(List<Violation> violations) {
        super("invalid configuration: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
