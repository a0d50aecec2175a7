package org.mskrules.msk;

/**
 * Whether a clinical finding was asked about or examined for, and with what result. Missing data is
 * never read as absent: only {@link #ABSENT} clears a finding, and a screen that the presentation
 * requires is incomplete while any of its items is {@link #NOT_RECORDED}.
 */
public enum FindingStatus {
    /** Asked or examined for, and found. For a test (HLA-B27), a positive result. */
    PRESENT,
    /** Asked or examined for, and denied or not found. For a test, a negative result. */
    ABSENT,
    /** Not asked, not examined or not documented. The default for any finding left out. */
    NOT_RECORDED
}
