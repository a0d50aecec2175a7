package org.mskrules.msk;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A stratified-risk result as recorded at first contact: either the category, or for STarT Back the
 * two scores from which the rules derive it. Never the questionnaire answers. Immutable; the
 * compact constructor only stores, {@link MskRules#validate} reports every problem.
 *
 * @param tool          the tool used. Required.
 * @param category      the category, or {@code null} when STarT Back scores are given instead
 * @param totalScore    STarT Back total score, 0-9, or {@code null}
 * @param distressScore STarT Back psychosocial (distress) subscale, items 5-9, 0-5, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskStratification(RiskTool tool, RiskCategory category, Integer totalScore, Integer distressScore) {

    /** A category from {@code tool}. */
    public static RiskStratification category(RiskTool tool, RiskCategory category) {
        return new RiskStratification(tool, category, null, null);
    }

    /** STarT Back scores; the rules derive the category. */
    public static RiskStratification startBack(int totalScore, int distressScore) {
        return new RiskStratification(RiskTool.STARTBACK, null, totalScore, distressScore);
    }

    /** True if STarT Back scores, not a category, are given. */
    public boolean scored() {
        return totalScore != null || distressScore != null;
    }
}
