package org.mskrules.core;

import java.util.List;

/**
 * A rule in a rule set lacks a required metadata key (for example {@code @id} or {@code @source}),
 * has a blank one, or repeats another rule's id. A rule that cannot be traced to its evidence must
 * never run, so the whole rule set is refused.
 */
public final class InvalidRuleMetadataException extends RuleSetLoadException {
    private static final long serialVersionUID = 1L;

    public InvalidRuleMetadataException(String ruleSet, List<String> problems) {
        super(ruleSet, problems);
    }
}
