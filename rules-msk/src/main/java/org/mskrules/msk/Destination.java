package org.mskrules.msk;

/**
 * The service a red flag sends the patient to, within the flag's time frame. Declared from the most
 * to the least time-critical service: when red flags of the same level point to different
 * destinations, the flag whose destination comes first is reported first and sets the route (for
 * example, with spinal pain and cancer, the MSCC coordinator within 24 hours before the
 * suspected-cancer pathway, both urgent).
 */
public enum Destination {
    /** 999 ambulance: a life-threatening emergency. */
    EMERGENCY_999,
    /** Emergency department or the on-call specialty team, same day. */
    EMERGENCY_DEPARTMENT,
    /** Same-day eye pathway (ophthalmology). */
    SAME_DAY_EYE_PATHWAY,
    /** On-call spinal surgery, or urgent spinal review. */
    SPINAL_SURGERY,
    /** Acute oncology service / metastatic spinal cord compression (MSCC) coordinator. */
    ACUTE_ONCOLOGY_MSCC_COORDINATOR,
    /** Vascular surgery. */
    VASCULAR_SURGERY,
    /** Orthopaedics, including the on-call orthopaedic team. */
    ORTHOPAEDICS,
    /** Fracture clinic or acute assessment of an injury. */
    FRACTURE_CLINIC,
    /** Suspected-cancer pathway referral (including sarcoma services). */
    SUSPECTED_CANCER_PATHWAY,
    /** Rheumatology. */
    RHEUMATOLOGY,
    /** Direct-access imaging requested from primary care (X-ray, ultrasound). */
    DIRECT_ACCESS_IMAGING,
    /** Investigations arranged in primary care (for example myeloma blood tests). */
    PRIMARY_CARE_INVESTIGATIONS
}
