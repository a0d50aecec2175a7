package org.mskrules.msk;

/**
 * How a present finding is changing, as reported at the referral. Only {@link #STABLE} lets a
 * long-standing cauda equina symptom be treated as chronic (GIRFT: "long-standing and stable"); any
 * other trend, including one not recorded, is treated as possibly worsening.
 */
public enum Trend {
    WORSENING,
    STABLE,
    IMPROVING,
    NOT_RECORDED
}
