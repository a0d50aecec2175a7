package org.mskrules.msk;

/**
 * A body region where the referral reports pain or symptoms. The three spinal regions together are
 * "spinal pain"; thoracic and lumbar together are "back pain".
 */
public enum BodyRegion {
    CERVICAL_SPINE,
    THORACIC_SPINE,
    LUMBAR_SPINE,
    SACROILIAC_OR_PELVIS,
    SHOULDER,
    UPPER_ARM_OR_ELBOW,
    FOREARM_WRIST_OR_HAND,
    HIP_OR_THIGH,
    KNEE,
    LOWER_LEG,
    ANKLE_OR_FOOT;

    /** True for the cervical, thoracic and lumbar spine. */
    public boolean isSpinal() {
        return this == CERVICAL_SPINE || this == THORACIC_SPINE || this == LUMBAR_SPINE;
    }

    /** True for the thoracic and lumbar spine ("back pain" in the guidance). */
    public boolean isBack() {
        return this == THORACIC_SPINE || this == LUMBAR_SPINE;
    }
}
