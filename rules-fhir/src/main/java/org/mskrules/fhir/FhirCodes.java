package org.mskrules.fhir;

/** The code systems, extension and canonical URLs this module reads and writes; one place to review them. */
final class FhirCodes {
    static final String BASE = "https://mskrules.org/fhir/";
    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    /** The finding names of {@link org.mskrules.msk.Finding}, always accepted and always written. */
    static final String FINDING_SYSTEM = BASE + "CodeSystem/msk-finding";
    static final String REGION_SYSTEM = BASE + "CodeSystem/msk-body-region";
    /** Project codes for referral items without a standard code: episode, STarT Back scores, risk category. */
    static final String ITEM_SYSTEM = BASE + "CodeSystem/msk-referral-item";
    static final String RULE_SYSTEM = BASE + "CodeSystem/msk-rule";
    static final String ROUTE_SYSTEM = BASE + "CodeSystem/msk-route";
    /** The sender's own reference for the referral (never a patient identifier). */
    static final String REFERRAL_ID_SYSTEM = BASE + "referral-id";
    static final String CONTENT_HASH_SYSTEM = BASE + "rule-set-content-hash";
    static final String TREND_EXTENSION = BASE + "StructureDefinition/finding-trend";
    static final String CLINICIAN_PRIORITY_EXTENSION = BASE + "StructureDefinition/clinician-priority";
    static final String REVIEW_STATUS_EXTENSION = BASE + "StructureDefinition/review-status";
    static final String QUESTIONNAIRE_BASE = BASE + "Questionnaire/";
    static final String RULE_SET_BASE = BASE + "rule-set/";

    static final String PAIN_SCORE_LOINC = "72514-3";
    static final String EPISODE = "episode";
    static final String STARTBACK_TOTAL = "startback-total";
    static final String STARTBACK_DISTRESS = "startback-distress";
    static final String RISK_CATEGORY = "risk-category";

    static final String YES = "373066001";
    static final String NO = "373067005";
    static final String UNKNOWN = "261665006";

    static final String DATA_ABSENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    static final String VERIFICATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    private FhirCodes() {
    }
}
