package org.mskrules.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.Violation;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.Finding;
import org.mskrules.msk.FindingStatus;
import org.mskrules.msk.Referral;
import org.mskrules.msk.Sex;

class ReferralReaderTest {
    static final FhirReferrals FHIR = ConceptMapTest.FHIR;
    static final LocalDate REFERRED = LocalDate.of(2026, 11, 20);

    /** A 47-year-old man with back pain: Patient, ServiceRequest and nothing else. */
    static Bundle base() {
        return FHIR.toBundle(Referral.builder().ageYears(47).sex(Sex.MALE).referralDate(REFERRED)
                .region(BodyRegion.LUMBAR_SPINE).build());
    }

    static Bundle with(Resource... resources) {
        Bundle b = base();
        for (Resource r : resources) {
            b.addEntry().setResource(r);
        }
        return b;
    }

    static FhirReading read(Bundle b) {
        return FHIR.readBundle(FHIR.toJson(b));
    }

    static List<Violation> problems(Bundle b) {
        return problems(FHIR.toJson(b));
    }

    static List<Violation> problems(String json) {
        return catchThrowableOfType(InvalidInputException.class, () -> FHIR.readBundle(json)).violations();
    }

    static Observation answer(String snomed, Boolean yes) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding(FhirCodes.SNOMED, snomed, null)));
        if (yes != null) {
            o.setValue(new BooleanType(yes));
        }
        return o;
    }

    static Condition condition(String system, String code, String verification) {
        Condition c = new Condition();
        c.setCode(new CodeableConcept(new Coding(system, code, null)));
        if (verification != null) {
            c.setVerificationStatus(new CodeableConcept(new Coding(FhirCodes.VERIFICATION_SYSTEM, verification, null)));
        }
        return c;
    }

    static Patient patient(Bundle b) {
        return (Patient) b.getEntry().get(0).getResource();
    }

    static ServiceRequest order(Bundle b) {
        return (ServiceRequest) b.getEntry().get(1).getResource();
    }

    @Nested
    class PatientDetails {
        @Test
        void ageIsWholeYearsOnTheReferralDateFromTheBirthDate() {
            Bundle b = base();
            patient(b).setBirthDateElement(new DateType("1979-11-21")); // 47 tomorrow
            assertThat(read(b).referral().ageYears()).isEqualTo(46);
            patient(b).setBirthDateElement(new DateType("1979-11-20")); // 47 today
            assertThat(read(b).referral().ageYears()).isEqualTo(47);
        }

        @Test
        void noIdentifierNameOrAddressReachesTheReferral() {
            Bundle b = base();
            patient(b).addIdentifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue("9434765919");
            patient(b).addName().setFamily("Smith").addGiven("John");
            patient(b).addAddress().setPostalCode("BB1 2AB");
            Referral r = read(b).referral();
            assertThat(r.toString()).doesNotContain("9434765919", "Smith", "BB1");
            assertThat(r.referralId()).isNull();
        }

        @Test
        void genderOtherIsIndeterminateAndUnknownIsNotRecorded() {
            Bundle b = base();
            patient(b).setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.OTHER);
            assertThat(read(b).referral().sex()).isEqualTo(Sex.INDETERMINATE);
            patient(b).setGender(null);
            assertThat(read(b).referral().sex()).isEqualTo(Sex.NOT_RECORDED);
        }

        @Test
        void aYearOnlyBirthDateIsAProblemNotAGuess() {
            Bundle b = base();
            patient(b).setBirthDateElement(new DateType("1979"));
            assertThat(problems(b)).extracting(Violation::path, Violation::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Bundle.entry[0].resource.birthDate", "PARTIAL_DATE"));
        }
    }

    @Nested
    class ThreeValuedFindings {
        @Test
        void yesIsPresentNoIsAbsentAndNoValueIsNotRecorded() {
            FhirReading r = read(with(answer("386661006", true), answer("73211009", false), answer("56717001", null)));
            assertThat(r.referral().status(Finding.FEVER)).isEqualTo(FindingStatus.PRESENT);
            assertThat(r.referral().status(Finding.DIABETES)).isEqualTo(FindingStatus.ABSENT);
            assertThat(r.referral().status(Finding.TUBERCULOSIS)).isEqualTo(FindingStatus.NOT_RECORDED);
            assertThat(r.notes()).extracting(Violation::code).contains("UNREADABLE_ANSWER");
        }

        @Test
        void aDataAbsentReasonIsNotRecordedEvenWithAValue() {
            Observation o = answer("386661006", false);
            o.setDataAbsentReason(new CodeableConcept(new Coding(FhirCodes.DATA_ABSENT_SYSTEM, "asked-unknown", null)));
            assertThat(read(with(o)).referral().status(Finding.FEVER)).isEqualTo(FindingStatus.NOT_RECORDED);
        }

        @Test
        void aFindingNoResourceMentionsIsNotRecordedNeverAbsent() {
            assertThat(read(base()).referral().status(Finding.SADDLE_ANAESTHESIA)).isEqualTo(FindingStatus.NOT_RECORDED);
        }

        @Test
        void aRefutedConditionIsAbsentAndAConfirmedOnePresent() {
            FhirReading r = read(with(condition(FhirCodes.FINDING_SYSTEM, "SADDLE_ANAESTHESIA", "refuted"),
                    condition(FhirCodes.FINDING_SYSTEM, "CANCER_HISTORY", "confirmed")));
            assertThat(r.referral().status(Finding.SADDLE_ANAESTHESIA)).isEqualTo(FindingStatus.ABSENT);
            assertThat(r.referral().status(Finding.CANCER_HISTORY)).isEqualTo(FindingStatus.PRESENT);
        }

        @Test
        void anUnconfirmedConditionIsReadAsPresentAndSaysSo() {
            FhirReading r = read(with(condition(FhirCodes.FINDING_SYSTEM, "SADDLE_ANAESTHESIA", "provisional")));
            assertThat(r.referral().status(Finding.SADDLE_ANAESTHESIA)).isEqualTo(FindingStatus.PRESENT);
            assertThat(r.notes()).extracting(Violation::code).containsExactly("UNCONFIRMED_READ_AS_PRESENT");
        }

        @Test
        void anEnteredInErrorConditionIsIgnored() {
            assertThat(read(with(condition(FhirCodes.FINDING_SYSTEM, "SADDLE_ANAESTHESIA", "entered-in-error")))
                    .referral().status(Finding.SADDLE_ANAESTHESIA)).isEqualTo(FindingStatus.NOT_RECORDED);
        }

        @Test
        void aQuestionnaireAnswerOfUnknownStaysNotRecorded() {
            QuestionnaireResponse q = new QuestionnaireResponse();
            q.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
            q.addItem().setLinkId("SADDLE_ANAESTHESIA").addAnswer().setValue(new Coding(FhirCodes.SNOMED, FhirCodes.UNKNOWN, "Unknown"));
            q.addItem().setLinkId("LEG_PAIN").addAnswer().setValue(new Coding(FhirCodes.SNOMED, FhirCodes.YES, "Yes"));
            q.addItem().setLinkId("FEVER").addAnswer().setValue(new BooleanType(false));
            Referral r = read(with(q)).referral();
            assertThat(r.status(Finding.SADDLE_ANAESTHESIA)).isEqualTo(FindingStatus.NOT_RECORDED);
            assertThat(r.status(Finding.LEG_PAIN)).isEqualTo(FindingStatus.PRESENT);
            assertThat(r.status(Finding.FEVER)).isEqualTo(FindingStatus.ABSENT);
        }

        @Test
        void sourcesThatDisagreeResolveToPresentAndTheConflictIsReported() {
            QuestionnaireResponse q = new QuestionnaireResponse();
            q.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
            q.addItem().setLinkId("SADDLE_ANAESTHESIA").addAnswer().setValue(new BooleanType(false));
            FhirReading r = read(with(q, condition(FhirCodes.FINDING_SYSTEM, "SADDLE_ANAESTHESIA", "confirmed")));
            assertThat(r.referral().status(Finding.SADDLE_ANAESTHESIA)).isEqualTo(FindingStatus.PRESENT);
            assertThat(r.notes()).extracting(Violation::code).containsExactly("FINDING_CONFLICT");
            assertThat(r.notes().get(0).message()).contains("present at", "absent at");
        }

        @Test
        void aSnomedCodeStillToVerifyIsReadAndNoted() {
            FhirReading r = read(with(answer("386661006", true)));
            assertThat(r.referral().status(Finding.FEVER)).isEqualTo(FindingStatus.PRESENT);
            assertThat(r.notes()).extracting(Violation::code).containsExactly("UNVERIFIED_CODE");
        }

        @Test
        void aMissingPrefetchKeyIsNoted() {
            FhirReading r = FHIR.read(new FhirRecord(FhirReferrals.entries(base(), "Bundle"), Set.of("conditions")));
            assertThat(r.notes()).extracting(Violation::path, Violation::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("prefetch.conditions", "MISSING_PREFETCH"));
        }
    }

    @Nested
    class Problems {
        @Test
        void malformedJsonIsOneProblemWithoutAStackTrace() {
            List<Violation> p = problems("{\"resourceType\": \"Bundle\", ");
            assertThat(p).extracting(Violation::code).containsExactly("NOT_FHIR_R4");
            assertThat(p.get(0).message()).doesNotContain("Exception", "\tat ");
        }

        @Test
        void anUnknownElementIsAProblemWithItsLocation() {
            String json = FHIR.toJson(base()).replaceFirst("\"birthDate\"", "\"birthdate\"");
            assertThat(problems(json)).extracting(Violation::code).contains("UNKNOWN_ELEMENT");
            assertThat(problems(json)).anySatisfy(v -> assertThat(v.path()).startsWith("Bundle").contains("birthdate"));
        }

        @Test
        void aResourceThatIsNotABundleIsRefused() {
            assertThat(problems(FHIR.toJson(patient(base())))).extracting(Violation::code).containsExactly("NOT_A_BUNDLE");
        }

        @Test
        void withoutPatientOrServiceRequestEachIsRequired() {
            Bundle b = new Bundle();
            b.setType(Bundle.BundleType.COLLECTION);
            assertThat(problems(b)).extracting(Violation::path, Violation::code).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Patient", "REQUIRED"),
                    org.assertj.core.groups.Tuple.tuple("ServiceRequest", "REQUIRED"));
        }

        @Test
        void aBodySiteTheMapCannotReadIsRefusedNotDropped() {
            Bundle b = base();
            order(b).addBodySite(new CodeableConcept(new Coding(FhirCodes.SNOMED, "6757004", "Left knee")));
            assertThat(problems(b)).extracting(Violation::path, Violation::code).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Bundle.entry[1].resource.bodySite[1]", "UNMAPPED_BODY_SITE"));
        }

        @Test
        void aRecordOfAnotherPatientIsRefused() {
            Observation o = answer("386661006", true);
            o.setSubject(new Reference("Patient/someone-else"));
            assertThat(problems(with(o))).extracting(Violation::code).containsExactly("OTHER_PATIENT");
        }

        @Test
        void withoutAuthoredOnTheReferralDateIsRequired() {
            Bundle b = base();
            order(b).setAuthoredOnElement(null);
            assertThat(problems(b)).extracting(Violation::path, Violation::code).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Bundle.entry[1].resource.authoredOn", "REQUIRED"));
        }
    }
}
