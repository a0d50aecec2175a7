package org.mskrules.msk;

/**
 * Where a referral goes, in order of precedence: when the criteria of several routes apply, the
 * first in this order wins (clinical reference, rule set 3). Every referral gets exactly one.
 */
public enum Route {
    /** A red flag applies: the flag's own destination and time frame, bypassing triage. */
    RED_FLAG_PATHWAY,
    /**
     * Advice and guidance (or a virtual MDT) from the secondary-care specialty, as an alternative to
     * a routine referral to it, where the service offers it for that specialty (from
     * {@code msk-referral 2.0.0}; 2020 principles, PR2022 actions for planned secondary care 1). The
     * referring clinician keeps the patient's care and refers if the advice is to refer.
     */
    ADVICE_AND_GUIDANCE,
    /** Secondary care: orthopaedics, spinal surgery, rheumatology or pain management. */
    SECONDARY_CARE,
    /** Community MSK triage (interface or multidisciplinary triage; CATS). */
    COMMUNITY_MSK_TRIAGE,
    /** Community MSK therapy: physiotherapy, podiatry, orthotics. */
    COMMUNITY_MSK_THERAPY,
    /** Supported self-management with signposting and a safety net. */
    SUPPORTED_SELF_MANAGEMENT,
    /** First Contact Practitioner in primary care. */
    FIRST_CONTACT_PRACTITIONER
}
