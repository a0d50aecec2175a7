package org.mskrules.msk;

/** A stratified risk of a poor outcome, as the stratification tools report it. */
public enum RiskCategory {
    LOW,
    MEDIUM,
    HIGH
}
