package org.mskrules.msk;

import java.util.Objects;

/**
 * The risk category the rules used, and the rule that set it: taken as recorded, or derived from
 * STarT Back scores. Immutable.
 *
 * @param category the category
 * @param ruleId   the rule that set it, e.g. {@code STR-SB-002}
 * @param source   the guidance that rule cites
 */
public record StratifiedRisk(RiskCategory category, String ruleId, String source) {
    public StratifiedRisk {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(source, "source");
    }
}
