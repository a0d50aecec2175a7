package org.mskrules.msk;

/**
 * The serious condition a red flag suggests. One per row of "Rule set 1" in the clinical reference.
 */
public enum RedFlagCondition {
    CAUDA_EQUINA_SYNDROME,
    CAUDA_EQUINA_SYNDROME_LONGSTANDING,
    METASTATIC_SPINAL_CORD_COMPRESSION,
    SPINAL_METASTASES,
    SPINAL_INFECTION,
    FRACTURE_MAJOR_TRAUMA,
    FRAGILITY_FRACTURE,
    SPINAL_MALIGNANCY,
    SARCOMA,
    BONE_SARCOMA_CHILD_OR_YOUNG_PERSON,
    MYELOMA,
    INFLAMMATORY_ARTHRITIS,
    AXIAL_SPONDYLOARTHRITIS,
    GIANT_CELL_ARTERITIS,
    SEPTIC_ARTHRITIS,
    COMPARTMENT_SYNDROME,
    CERVICAL_MYELOPATHY,
    /**
     * A rapidly progressive neurological deficit, whatever the region and whatever else is present
     * (from {@code msk-referral 1.1.0}).
     */
    RAPIDLY_PROGRESSIVE_NEUROLOGICAL_DEFICIT,
    RUPTURED_AORTIC_ANEURYSM,
    ACUTE_INJURY
}
