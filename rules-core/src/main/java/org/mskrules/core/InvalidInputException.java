package org.mskrules.core;

import java.util.List;

/**
 * An input record is not fit to decide on. Carries every violation found in the record, each with
 * its field path, so that a sender can fix them all in one pass. No decision is made on a record
 * that raises this: a partial decision on bad data is a clinical hazard.
 */
public final class InvalidInputException extends RulesException {
    private static final long serialVersionUID = 1L;

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(message(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input must have at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /** Every violation found, in field order. Never empty. */
    public List<Violation> violations() {
        return violations;
    }

    private static String message(List<Violation> violations) {
        StringBuilder b = new StringBuilder("invalid input (").append(violations.size())
                .append(violations.size() == 1 ? " problem)" : " problems)");
        for (Violation v : violations) {
            b.append("\n  ").append(v);
        }
        return b.toString();
    }
}
