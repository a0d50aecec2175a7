package org.mskrules.fhir;

import java.time.LocalDate;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.Finding;
import org.mskrules.msk.FindingStatus;
import org.mskrules.msk.Referral;
import org.mskrules.msk.RiskStratification;
import org.mskrules.msk.Trend;

/**
 * Writes a {@link Referral} as a FHIR R4 collection Bundle that {@link ReferralReader} reads back as
 * the same referral: the examples, the round-trip property and integrators' test data. A present
 * finding is a confirmed Condition (own onset, trend extension), an absent one an Observation
 * answering no, an explicitly not-recorded one an Observation with dataAbsentReason not-asked.
 * Only the age is known, so the Patient's birth date is the referral date less the age in years:
 * a stand-in that gives the same age, never a real birth date. Stateless; thread-safe.
 */
final class BundleWriter {
    static final String PATIENT_ID = "patient";
    static final String ORDER_ID = "referral";
    static final String EPISODE_ID = "episode";

    private final ConceptMapping map;

    BundleWriter(ConceptMapping map) {
        this.map = map;
    }

    Bundle write(Referral r) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        Reference subject = new Reference("Patient/" + PATIENT_ID);

        Patient patient = new Patient();
        patient.setId(PATIENT_ID);
        if (r.referralDate() != null && r.ageYears() != null) {
            patient.setBirthDateElement(new DateType(r.referralDate().minusYears(r.ageYears()).toString()));
        }
        switch (r.sex()) {
            case MALE -> patient.setGender(AdministrativeGender.MALE);
            case FEMALE -> patient.setGender(AdministrativeGender.FEMALE);
            case INDETERMINATE -> patient.setGender(AdministrativeGender.OTHER);
            case NOT_RECORDED -> patient.setGender(AdministrativeGender.UNKNOWN);
        }
        add(bundle, patient);

        ServiceRequest order = new ServiceRequest();
        order.setId(ORDER_ID);
        order.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        order.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        order.setCode(new CodeableConcept().setText("Referral to community musculoskeletal services"));
        order.setSubject(subject);
        if (r.referralId() != null) {
            order.addIdentifier().setSystem(FhirCodes.REFERRAL_ID_SYSTEM).setValue(r.referralId());
        }
        if (r.referralDate() != null) {
            order.setAuthoredOnElement(new DateTimeType(r.referralDate().toString()));
        }
        for (BodyRegion region : r.regions()) {
            CodeableConcept site = new CodeableConcept().setText(region.name());
            site.addCoding(new Coding(FhirCodes.REGION_SYSTEM, region.name(), null));
            map.targets(region).stream().findFirst().ifPresent(t -> site.addCoding(t.coding()));
            order.addBodySite(site);
        }
        if (r.clinicianPriority() != null) {
            order.addExtension(FhirCodes.CLINICIAN_PRIORITY_EXTENSION, new CodeType(r.clinicianPriority().name()));
        }
        if (r.symptomOnset() != null) {
            Condition episode = new Condition();
            episode.setId(EPISODE_ID);
            episode.setSubject(subject);
            episode.setCode(new CodeableConcept(new Coding(FhirCodes.ITEM_SYSTEM, FhirCodes.EPISODE,
                    "Current episode of the musculoskeletal problem")));
            episode.setOnset(date(r.symptomOnset()));
            order.addReasonReference(new Reference("Condition/" + EPISODE_ID));
            add(bundle, order);
            add(bundle, episode);
        } else {
            add(bundle, order);
        }

        for (Map.Entry<Finding, org.mskrules.msk.Observation> e : r.findings().entrySet()) {
            Finding f = e.getKey();
            org.mskrules.msk.Observation o = e.getValue();
            String id = f.name().toLowerCase().replace('_', '-');
            if (o.status() == FindingStatus.PRESENT) {
                Condition c = new Condition();
                c.setId(id);
                c.setSubject(subject);
                c.setCode(code(f));
                c.setVerificationStatus(new CodeableConcept(new Coding(FhirCodes.VERIFICATION_SYSTEM, "confirmed", "Confirmed")));
                if (o.onset() != null) {
                    c.setOnset(date(o.onset()));
                }
                if (o.trend() != Trend.NOT_RECORDED) {
                    c.addExtension(FhirCodes.TREND_EXTENSION, new CodeType(o.trend().name()));
                }
                add(bundle, c);
            } else {
                Observation obs = new Observation();
                obs.setId(id);
                obs.setStatus(Observation.ObservationStatus.FINAL);
                obs.setSubject(subject);
                obs.setCode(code(f));
                if (o.status() == FindingStatus.ABSENT) {
                    obs.setValue(new BooleanType(false));
                } else {
                    obs.setDataAbsentReason(new CodeableConcept(new Coding(FhirCodes.DATA_ABSENT_SYSTEM, "not-asked", "Not Asked")));
                }
                add(bundle, obs);
            }
        }
        if (r.painScore() != null) {
            Observation pain = new Observation();
            pain.setId("pain-score");
            pain.setStatus(Observation.ObservationStatus.FINAL);
            pain.setSubject(subject);
            pain.setCode(new CodeableConcept(new Coding(FhirCodes.LOINC, FhirCodes.PAIN_SCORE_LOINC,
                    "Pain severity - 0-10 verbal numeric rating [Score] - Reported")));
            pain.setValue(new IntegerType(r.painScore()));
            add(bundle, pain);
        }
        RiskStratification risk = r.riskStratification();
        if (risk != null) {
            if (risk.scored()) {
                if (risk.totalScore() != null) {
                    add(bundle, item("startback-total", FhirCodes.STARTBACK_TOTAL, "STarT Back total score", risk.totalScore(), subject));
                }
                if (risk.distressScore() != null) {
                    add(bundle, item("startback-distress", FhirCodes.STARTBACK_DISTRESS, "STarT Back distress subscale score",
                            risk.distressScore(), subject));
                }
            } else {
                Observation o = new Observation();
                o.setId("risk-category");
                o.setStatus(Observation.ObservationStatus.FINAL);
                o.setSubject(subject);
                o.setCode(new CodeableConcept(new Coding(FhirCodes.ITEM_SYSTEM, FhirCodes.RISK_CATEGORY, "Stratified risk category")));
                if (risk.tool() != null) {
                    o.setMethod(new CodeableConcept(new Coding(FhirCodes.ITEM_SYSTEM, risk.tool().name(), null)));
                }
                if (risk.category() != null) {
                    o.setValue(new CodeableConcept(new Coding(FhirCodes.ITEM_SYSTEM, risk.category().name(), null)));
                }
                add(bundle, o);
            }
        }
        return bundle;
    }

    /** The project code first, then any mapped code, with the clinician's wording as text. */
    CodeableConcept code(Finding f) {
        CodeableConcept cc = new CodeableConcept().setText(f.description());
        cc.addCoding(new Coding(FhirCodes.FINDING_SYSTEM, f.name(), null));
        for (ConceptMapping.Target t : map.targets(f)) {
            cc.addCoding(t.coding());
        }
        return cc;
    }

    private static Observation item(String id, String code, String display, int value, Reference subject) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setSubject(subject);
        o.setCode(new CodeableConcept(new Coding(FhirCodes.ITEM_SYSTEM, code, display)));
        o.setValue(new IntegerType(value));
        return o;
    }

    private static DateTimeType date(LocalDate d) {
        return new DateTimeType(d.toString());
    }

    private static void add(Bundle bundle, Resource r) {
        bundle.addEntry().setFullUrl(FhirCodes.BASE + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r);
    }
}
