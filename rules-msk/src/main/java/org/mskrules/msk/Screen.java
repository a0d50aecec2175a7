package org.mskrules.msk;

/**
 * A set of questions or examinations that a presentation requires: before red flags can be ruled
 * out (the red-flag screens, which send an otherwise unflagged referral to community triage), before
 * the priority category is certain ({@link #PRIORITY_CRITERIA}), or before self-management
 * ({@link #SELF_MANAGEMENT_RED_FLAGS}). Every incomplete screen blocks self-management.
 */
public enum Screen {
    /** Cauda equina questions, required for back pain with leg symptoms (GIRFT 2023). */
    CAUDA_EQUINA,
    /** Cancer history, required for any spinal pain (the one single red flag with good evidence). */
    CANCER_HISTORY,
    /** Neurological questions, required for spinal pain in a person with cancer (NICE NG234). */
    SPINAL_CORD_COMPRESSION,
    /** Fever and systemic illness, required for spinal pain with an infection risk factor. */
    SPINAL_INFECTION,
    /** Urgency criteria for suspected synovitis: small joints, number of joints, onset date (NICE NG100). */
    INFLAMMATORY_ARTHRITIS_URGENCY,
    /** HLA-B27 test, required when exactly three axial spondyloarthritis features are present (NICE NG65). */
    AXIAL_SPONDYLOARTHRITIS_HLA_B27,
    /** Visual symptoms, required when giant cell arteritis is suspected (BSR 2020). */
    GIANT_CELL_ARTERITIS_VISUAL,
    /** Pain out of proportion and on passive stretch, required after fracture, crush or tight cast (BOAST 10). */
    COMPARTMENT_SYNDROME,
    /**
     * A red-flag criterion met except for items not recorded (from {@code msk-referral 1.1.0}): the
     * criterion would be met if they were present, and at least one of its findings is. The screen
     * names exactly the criterion's items not recorded; generated from the criterion itself. It blocks
     * self-management and its items come first in the route's time frame, but it is not a red-flag
     * screen in routing's sense: it does not on its own send the referral to community triage.
     */
    PARTLY_MET_CRITERION,
    /**
     * The priority-patient criteria (NHS England PR2022): what is needed to decide whether the patient
     * is a priority patient. Not a red-flag screen: it blocks self-management but does not on its own
     * send the referral to community triage.
     */
    PRIORITY_CRITERIA,
    /**
     * The red-flag questions for the presentation, required only before self-management, the one
     * route on which no clinician sees the patient. Not a red-flag screen in the routing sense: the
     * referral goes to the First Contact Practitioner, who asks them, not to triage.
     */
    SELF_MANAGEMENT_RED_FLAGS;

    /**
     * True for the screens that a red-flag rule requires for its presentation; an incomplete one
     * sends an otherwise unflagged referral to community triage (RT-TRI-007). False for
     * {@link #PRIORITY_CRITERIA}, {@link #SELF_MANAGEMENT_RED_FLAGS} and {@link #PARTLY_MET_CRITERION}.
     */
    public boolean isRedFlagScreen() {
        return this != PRIORITY_CRITERIA && this != SELF_MANAGEMENT_RED_FLAGS && this != PARTLY_MET_CRITERION;
    }
}
