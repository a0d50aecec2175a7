package org.mskrules.msk;

/**
 * How a present finding is changing, as reported at the referral. Only {@link #STABLE} and
 * {@link #IMPROVING} let a long-standing cauda equina symptom be treated as chronic; a trend that is
 * not recorded is treated as possibly worsening.
 */
public enum Trend {
    WORSENING,
    STABLE,
    IMPROVING,
    NOT_RECORDED
}
