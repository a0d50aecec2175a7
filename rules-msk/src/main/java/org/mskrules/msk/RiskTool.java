package org.mskrules.msk;

/**
 * The stratification tool a risk category came from. The library takes the category or, for STarT
 * Back, the scores; never the questions, whose wording is licensed (Keele University).
 */
public enum RiskTool {
    /** Keele STarT Back Screening Tool: 9 items, total 0-9, distress subscale (items 5-9) 0-5. */
    STARTBACK,
    /** Keele STarT MSK Tool: category only. */
    STARTMSK,
    /** Another validated stratification tool: category only. */
    OTHER
}
