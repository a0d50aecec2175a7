package org.mskrules.msk;

/**
 * Where on the MSK pathway the decision is made (from {@code msk-referral 2.0.0}). The same
 * presentation has a different next step at each stage; a red flag goes to its pathway at every
 * stage. A referral that gives no stage is decided as at {@link #FCP_OR_GP_ASSESSMENT}, which is what
 * every version before 2.0.0 decides.
 */
public enum PathwayStage {
    /**
     * The patient's first contact with the NHS for this problem (GP practice reception, self-referral,
     * NHS 111 or another front door), before any MSK assessment: the First Contact Practitioner where
     * the practice has access, else the service's front door (seed 000 lines 9-10; PR2022, actions for
     * primary care 2 and 4).
     */
    FIRST_CONTACT,
    /**
     * An FCP or GP has assessed the patient and decides where next: the full routing decision of the
     * clinical reference, rule set 3. The meaning of a referral without a stage.
     */
    FCP_OR_GP_ASSESSMENT,
    /**
     * Community MSK (interface or multidisciplinary) triage decides the onward step directly: a
     * secondary-care specialty, community MSK therapy, supported self-management or advice and
     * guidance; never triage again, never back to the practice (seed 000 lines 10-11).
     */
    COMMUNITY_MSK_TRIAGE,
    /**
     * Secondary care discharges the patient back to the community for rehabilitation: community MSK
     * therapy (PR2022, actions for planned secondary care 3; 2020 principles, planned secondary care).
     */
    RETURN_FROM_SECONDARY_CARE
}
