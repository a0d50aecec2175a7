package org.mskrules.msk;

/**
 * The secondary-care specialty a referral routed to {@link Route#SECONDARY_CARE} goes to. When the
 * criteria of several apply, the first in this order is the decision's specialty (inflammatory
 * disease has a window for treatment that surgery and pain management do not); every one is still
 * listed in the reasons.
 */
public enum Specialty {
    RHEUMATOLOGY,
    SPINAL_SURGERY,
    ORTHOPAEDICS,
    PAIN_MANAGEMENT
}
