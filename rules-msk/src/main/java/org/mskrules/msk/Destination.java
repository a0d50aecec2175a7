package org.mskrules.msk;

/**
 * The service a red flag sends the patient to, within the flag's time frame.
 */
public enum Destination {
    /** Emergency department or the on-call specialty team, same day. */
    EMERGENCY_DEPARTMENT,
    /** 999 ambulance: a life-threatening emergency. */
    EMERGENCY_999,
    /** On-call spinal surgery, or urgent spinal review. */
    SPINAL_SURGERY,
    /** Acute oncology service / metastatic spinal cord compression (MSCC) coordinator. */
    ACUTE_ONCOLOGY_MSCC_COORDINATOR,
    /** Suspected-cancer pathway referral (including sarcoma services). */
    SUSPECTED_CANCER_PATHWAY,
    /** Direct-access imaging requested from primary care (X-ray, ultrasound). */
    DIRECT_ACCESS_IMAGING,
    /** Investigations arranged in primary care (for example myeloma blood tests). */
    PRIMARY_CARE_INVESTIGATIONS,
    /** Rheumatology. */
    RHEUMATOLOGY,
    /** Orthopaedics, including the on-call orthopaedic team. */
    ORTHOPAEDICS,
    /** Fracture clinic or acute assessment of an injury. */
    FRACTURE_CLINIC,
    /** Vascular surgery. */
    VASCULAR_SURGERY,
    /** Same-day eye pathway (ophthalmology). */
    SAME_DAY_EYE_PATHWAY
}
