package org.mskrules.tests;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.mskrules.msk.Destination;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.RiskCategory;
import org.mskrules.msk.Route;
import org.mskrules.msk.Specialty;

/**
 * One golden case: a referral, the date, version, parameters and service profile to assess it with,
 * and the outcome expected from the guidance (written by reading the source, not by copying the
 * library's output).
 *
 * @param name           file name without extension, e.g. {@code ces-new-saddle-anaesthesia}
 * @param description    the scenario in one sentence
 * @param rule           the rule under test
 * @param kind           {@code positive} (the rule must fire) or {@code near-miss} (it must not)
 * @param rationale      why the expected outcome follows from the guidance
 * @param asOf           evaluation date
 * @param ruleSetVersion rule-set version; the newest if null
 * @param alsoRuleSetVersions later versions the case also holds for, unchanged (the 1.1.0 safety-net
 *                       cases for 2.0.0, whose safety net is 1.1.0's); may be null
 * @param parameters     parameter overrides, if the case tests a local choice
 * @param profile        service profile in its JSON form (omitted fields keep national defaults);
 *                       the national defaults if null
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
        List<String> alsoRuleSetVersions,
        Map<String, Integer> parameters,
        JsonNode profile,
        JsonNode referral,
        Expected expected) {

    /**
     * @param escalation        the overall escalation
     * @param redFlags          exactly the red-flag rule ids expected to fire (any order)
     * @param incompleteScreens exactly the screen rule ids expected to report an incomplete screen,
     *                          except the priority screen, asserted by {@link Priority#screenIncomplete}
     * @param missing           for some screens, exactly the JSON Pointers expected to be reported missing
     * @param seriousFindings   exactly the serious-finding rule ids expected (any order), if the case asserts them
     * @param priority          the priority decision, if the case asserts it
     * @param route             the route decision, if the case asserts it
     * @param risk              the stratified risk the rules use, if the case asserts it
     */
    record Expected(
            EscalationLevel escalation,
            List<String> redFlags,
            List<String> incompleteScreens,
            Map<String, List<String>> missing,
            List<String> seriousFindings,
            Priority priority,
            RouteExpected route,
            Risk risk) {
    }

    /**
     * @param category the risk category
     * @param rule     the rule that sets it (STR-SB-* from STarT Back scores, STR-CAT-001 as recorded)
     */
    record Risk(RiskCategory category, String rule) {
    }

    /**
     * @param category         the category in force
     * @param derived          the category the criteria give
     * @param reasons          exactly the priority-criterion rule ids expected to fire
     * @param thresholdDays    the waiting-time threshold
     * @param screenIncomplete whether SCR-PRI-001 (priority criteria not recorded) fires
     */
    record Priority(
            PriorityCategory category,
            PriorityCategory derived,
            List<String> reasons,
            Integer thresholdDays,
            Boolean screenIncomplete) {
    }

    /**
     * @param route       the route
     * @param specialty   for secondary care, the specialty
     * @param destination for the red-flag pathway, the destination
     * @param reasons     exactly the routing rule ids expected for the chosen route
     */
    record RouteExpected(
            Route route,
            Specialty specialty,
            Destination destination,
            List<String> reasons) {
    }

    boolean positive() {
        return "positive".equals(kind);
    }
}
