package org.mskrules.msk;

/**
 * Who sent the referral (from {@code msk-referral 2.0.0}): echoed in the decision so that services
 * can count self-referrals (PR2022, actions for community MSK services: expand self-referral), and
 * used at first contact, where a self-referral the service accepts goes to its front door.
 */
public enum ReferralSource {
    /** A general practitioner. */
    GP,
    /** The patient, directly to the community MSK service. */
    SELF_REFERRAL,
    /** A First Contact Practitioner. */
    FIRST_CONTACT_PRACTITIONER,
    /** A secondary-care team (for example on discharge after surgery). */
    SECONDARY_CARE,
    /** NHS 111 (telephone or online). */
    NHS_111,
    /** Any other sender (for example an urgent treatment centre or occupational health). */
    OTHER
}
