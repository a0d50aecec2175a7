package org.mskrules.msk;

/**
 * The three national criteria that make a community MSK patient a priority patient (NHS England
 * community MSK improvement framework, PR2022). "Recent" and "high pain" are local parameters
 * ({@link LocalParameters#recentRehabilitationDays()}, {@link LocalParameters#highPainScore()}).
 */
public enum PriorityCriterion {
    /** Recent surgery or procedure requiring rehabilitation. */
    RECENT_SURGERY_OR_PROCEDURE,
    /** Recent injury, fracture or dislocation requiring rehabilitation. */
    RECENT_INJURY,
    /**
     * Acute and/or complex needs with high levels of pain leading to significant loss of function,
     * disturbed sleep, or inability to work or to undertake care responsibilities.
     */
    HIGH_PAIN_WITH_LOSS_OF_FUNCTION
}
