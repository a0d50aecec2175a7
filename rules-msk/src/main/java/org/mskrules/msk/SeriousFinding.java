package org.mskrules.msk;

import java.util.List;
import java.util.Objects;

/**
 * A finding that is in itself a warning sign of serious pathology (fever, a neurological deficit,
 * sphincter or saddle symptoms, a hot swollen joint, major trauma and the like), recorded PRESENT in
 * a referral that meets no red-flag criterion. The red-flag criteria name combinations; a serious
 * finding outside them still means a clinician must see the patient, so it never allows
 * self-management (clinical reference principle 6). Which findings are serious is declared in the
 * rule set, one rule per group, with its source; risk factors and context (a cancer history, minor
 * trauma, steroids, age) are not serious findings on their own. Immutable.
 *
 * @param ruleId      id of the rule that found it, e.g. {@code SN-NEURO-001}
 * @param findings    the serious findings of the rule's group that are present, in declaration order
 * @param criteria    the red-flag criteria these findings belong to, none of which is met, in words
 * @param description what the group is and why a clinician must see the patient
 * @param source      the guidance that makes these findings warning signs
 */
public record SeriousFinding(String ruleId, List<Finding> findings, String criteria, String description,
        String source) {
    public SeriousFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        findings = List.copyOf(findings);
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("a serious finding must name what is present: [" + ruleId + "]");
        }
    }
}
