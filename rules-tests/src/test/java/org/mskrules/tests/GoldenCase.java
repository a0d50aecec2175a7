package org.mskrules.tests;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.mskrules.msk.EscalationLevel;

/**
 * One golden case: a referral, the date and version to assess it with, and the outcome expected
 * from the guidance (written by reading the source, not by copying the library's output).
 *
 * @param name           file name without extension, e.g. {@code ces-new-saddle-anaesthesia}
 * @param description    the scenario in one sentence
 * @param rule           the rule under test
 * @param kind           {@code positive} (the rule must fire) or {@code near-miss} (it must not)
 * @param rationale      why the expected outcome follows from the guidance
 * @param asOf           evaluation date
 * @param ruleSetVersion rule-set version; the newest if null
 * @param parameters     parameter overrides, if the case tests a local choice
 * @param referral       the referral, in the public JSON form
 * @param expected       the expected outcome
 */
record GoldenCase(
        String name,
        String description,
        String rule,
        String kind,
        String rationale,
        LocalDate asOf,
        String ruleSetVersion,
        Map<String, Integer> parameters,
        JsonNode referral,
        Expected expected) {

    /**
     * @param escalation        the overall escalation
     * @param redFlags          exactly the red-flag rule ids expected to fire (any order)
     * @param incompleteScreens exactly the screen rule ids expected to report an incomplete screen
     * @param missing           for some screens, exactly the JSON Pointers expected to be reported missing
     */
    record Expected(
            EscalationLevel escalation,
            List<String> redFlags,
            List<String> incompleteScreens,
            Map<String, List<String>> missing) {
    }

    boolean positive() {
        return "positive".equals(kind);
    }
}
