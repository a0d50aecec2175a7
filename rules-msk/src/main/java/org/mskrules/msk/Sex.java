package org.mskrules.msk;

/**
 * Sex as recorded on the referral (NHS Data Dictionary "person stated gender" categories). Used only
 * where the evidence differs by sex (fragility fracture risk); where it is not recorded the rule uses
 * the more cautious threshold.
 */
public enum Sex {
    FEMALE,
    MALE,
    INDETERMINATE,
    NOT_RECORDED
}
