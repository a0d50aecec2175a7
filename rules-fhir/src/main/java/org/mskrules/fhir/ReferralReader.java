package org.mskrules.fhir;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.Type;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.Violation;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.Finding;
import org.mskrules.msk.FindingStatus;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.Referral;
import org.mskrules.msk.RiskCategory;
import org.mskrules.msk.RiskStratification;
import org.mskrules.msk.RiskTool;
import org.mskrules.msk.Sex;
import org.mskrules.msk.Trend;

/**
 * Reads a {@link FhirRecord} into a {@link Referral}. Three-valued throughout: yes is present, no
 * (or a refuted Condition) is absent, and anything else (no resource, a dataAbsentReason, an unknown
 * answer) is not recorded. Where sources disagree the safe direction wins: present over absent,
 * absent over not recorded, the higher pain score, the later onset of a finding (newer looks more
 * urgent). Only the Patient's birth date and gender are read; no identifier of any resource is
 * copied into the referral. Stateless apart from the shared mapping; thread-safe.
 */
final class ReferralReader {
    private final ConceptMapping map;

    ReferralReader(ConceptMapping map) {
        this.map = map;
    }

    /** One statement about a finding from one source. */
    private record Evidence(FindingStatus status, LocalDate onset, Trend trend, String location) {
    }

    /** Mutable state of one read; confined to the calling thread. */
    private final class Read {
        final List<Violation> problems = new ArrayList<>();
        final List<Violation> notes = new ArrayList<>();
        final Map<Finding, List<Evidence>> evidence = new EnumMap<>(Finding.class);
        final List<LocalDate> episodeOnsets = new ArrayList<>();
        final List<Integer> painScores = new ArrayList<>();
        String patientId;
        Integer startBackTotal;
        Integer startBackDistress;
        RiskStratification category;

        void note(String location, String code, String message) {
            notes.add(new Violation(location, code, message));
        }

        void problem(String location, String code, String message) {
            problems.add(new Violation(location, code, message));
        }

        void evidence(Finding f, Evidence e) {
            evidence.computeIfAbsent(f, k -> new ArrayList<>()).add(e);
        }
    }

    FhirReading read(FhirRecord record) {
        Read read = new Read();
        List<SourcedResource> patients = new ArrayList<>();
        List<SourcedResource> orders = new ArrayList<>();
        for (SourcedResource s : record.resources()) {
            if (s.resource() instanceof Patient) {
                patients.add(s);
            } else if (s.resource() instanceof ServiceRequest) {
                orders.add(s);
            }
        }
        Patient patient = one(patients, "Patient", "its birth date gives the age and its gender the sex", read);
        ServiceRequest order = one(orders, "ServiceRequest", "the referral itself: its authoredOn date is the referral date", read);
        String patientLoc = patient == null ? "" : patients.get(0).location();
        String orderLoc = order == null ? "" : orders.get(0).location();
        if (patient != null && patient.hasIdElement() && patient.getIdElement().getIdPart() != null) {
            read.patientId = patient.getIdElement().getIdPart();
        }

        LocalDate referralDate = null;
        String referralId = null;
        PriorityCategory clinician = null;
        java.util.Set<BodyRegion> regions = java.util.EnumSet.noneOf(BodyRegion.class);
        if (order != null) {
            checkSubject(order.getSubject(), orderLoc + ".subject", read);
            referralDate = date(order.getAuthoredOnElement(), orderLoc + ".authoredOn", true, read);
            for (Identifier id : order.getIdentifier()) {
                if (FhirCodes.REFERRAL_ID_SYSTEM.equals(id.getSystem())) {
                    referralId = id.getValue();
                }
            }
            for (int i = 0; i < order.getBodySite().size(); i++) {
                region(order.getBodySite().get(i), orderLoc + ".bodySite[" + i + "]", regions, read);
            }
            Extension priority = order.getExtensionByUrl(FhirCodes.CLINICIAN_PRIORITY_EXTENSION);
            if (priority != null) {
                String code = priority.getValue() == null ? null : priority.getValue().primitiveValue();
                try {
                    clinician = PriorityCategory.valueOf(String.valueOf(code));
                } catch (IllegalArgumentException e) {
                    read.problem(orderLoc + ".extension('" + FhirCodes.CLINICIAN_PRIORITY_EXTENSION + "')", "UNKNOWN_CODE",
                            "clinician priority [" + Violation.shown(code) + "] is not PRIORITY or NON_PRIORITY");
                }
            }
        }

        Integer age = null;
        Sex sex = Sex.NOT_RECORDED;
        if (patient != null) {
            LocalDate birth = date(patient.getBirthDateElement(), patientLoc + ".birthDate", true, read);
            if (birth != null && referralDate != null) {
                if (birth.isAfter(referralDate)) {
                    read.problem(patientLoc + ".birthDate", "AFTER_REFERRAL_DATE",
                            "birth date [" + birth + "] is after the referral date [" + referralDate + "]");
                } else {
                    age = Period.between(birth, referralDate).getYears();
                }
            }
            if (patient.hasGender()) {
                sex = switch (patient.getGender()) {
                    case MALE -> Sex.MALE;
                    case FEMALE -> Sex.FEMALE;
                    case OTHER -> Sex.INDETERMINATE;
                    default -> Sex.NOT_RECORDED;
                };
            }
        }

        for (SourcedResource s : record.resources()) {
            Resource r = s.resource();
            if (r instanceof Condition c) {
                condition(c, s.location(), order, read);
            } else if (r instanceof Observation o) {
                observation(o, s.location(), read);
            } else if (r instanceof QuestionnaireResponse q) {
                checkSubject(q.getSubject(), s.location() + ".subject", read);
                if (q.getStatus() != QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR) {
                    items(q.getItem(), s.location() + ".item", read);
                }
            }
        }
        for (String missing : record.missingSources().stream().sorted().toList()) {
            read.note("prefetch." + missing, "MISSING_PREFETCH",
                    "the EHR did not send [" + missing + "]: every finding it would hold is not recorded, never absent");
        }

        Map<Finding, org.mskrules.msk.Observation> findings = new EnumMap<>(Finding.class);
        read.evidence.forEach((f, list) -> findings.put(f, merge(f, list, read)));
        LocalDate episode = read.episodeOnsets.stream().min(LocalDate::compareTo).orElse(null);
        if (read.episodeOnsets.stream().distinct().count() > 1) {
            read.note(orderLoc + ".reasonReference", "EPISODE_ONSET_CONFLICT",
                    "several episode onsets " + read.episodeOnsets + "; the earliest [" + episode + "] is used");
        }
        Integer pain = read.painScores.stream().max(Integer::compare).orElse(null);
        if (read.painScores.stream().distinct().count() > 1) {
            read.note("Observation.where(code='" + FhirCodes.PAIN_SCORE_LOINC + "')", "PAIN_SCORE_CONFLICT",
                    "several pain scores " + read.painScores + "; the highest [" + pain + "] is used");
        }
        RiskStratification risk = read.category;
        if (read.startBackTotal != null || read.startBackDistress != null) {
            risk = new RiskStratification(RiskTool.STARTBACK, null, read.startBackTotal, read.startBackDistress);
        }
        if (!read.problems.isEmpty()) {
            throw new InvalidInputException(read.problems);
        }
        Referral referral = new Referral(referralId, age, sex, referralDate, episode, regions, findings, pain, risk, clinician);
        return new FhirReading(referral, read.notes);
    }

    private static <T extends Resource> T one(List<SourcedResource> found, String type, String why, Read read) {
        if (found.isEmpty()) {
            read.problem(type, "REQUIRED", "a " + type + " is required: " + why);
            return null;
        }
        if (found.size() > 1) {
            read.problem(found.get(1).location(), "MORE_THAN_ONE",
                    "exactly one " + type + " is required, found " + found.size());
            return null;
        }
        @SuppressWarnings("unchecked")
        T t = (T) found.get(0).resource();
        return t;
    }

    private void checkSubject(Reference subject, String location, Read read) {
        if (subject == null || subject.getReferenceElement().getIdPart() == null || read.patientId == null) {
            return;
        }
        String type = subject.getReferenceElement().getResourceType();
        if ((type != null && !type.equals("Patient")) || !subject.getReferenceElement().getIdPart().equals(read.patientId)) {
            read.problem(location, "OTHER_PATIENT", "refers to [" + Violation.shown(subject.getReference())
                    + "], not to the Patient [" + read.patientId + "]: a record of another patient must never decide");
        }
    }

    /** The calendar date as written (no time-zone shift); a partial date is a problem when required to be whole. */
    private static LocalDate date(BaseDateTimeType value, String location, boolean required, Read read) {
        if (value == null || value.getValueAsString() == null) {
            if (required) {
                read.problem(location, "REQUIRED", "is required");
            }
            return null;
        }
        if (value.getPrecision() == null || value.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
            read.problem(location, "PARTIAL_DATE", "[" + value.getValueAsString() + "] is not a whole date (year, month and day)");
            return null;
        }
        try {
            return LocalDate.parse(value.getValueAsString().substring(0, 10));
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            read.problem(location, "INVALID_DATE", "[" + Violation.shown(value.getValueAsString()) + "] is not a date");
            return null;
        }
    }

    private void region(CodeableConcept site, String location, java.util.Set<BodyRegion> regions, Read read) {
        boolean mapped = false;
        // The project code, when sent, is authoritative; a SNOMED CT code beside it is only noted
        // as unverified when it is what the region was read from.
        boolean projectCode = site.getCoding().stream().anyMatch(c -> FhirCodes.REGION_SYSTEM.equals(c.getSystem())
                && map.region(c) != null);
        for (Coding c : site.getCoding()) {
            BodyRegion r = map.region(c);
            if (r != null) {
                regions.add(r);
                mapped = true;
                if (!projectCode) {
                    unverified(c, location, read);
                }
            }
        }
        if (!mapped) {
            // A body site the mapping cannot read is refused, not dropped: the region decides which
            // screens are required.
            read.problem(location, "UNMAPPED_BODY_SITE", "no coding of [" + Violation.shown(describe(site))
                    + "] is in the body-site mapping (ConceptMap " + map.url() + "|" + map.version() + ")");
        }
    }

    private void unverified(Coding c, String location, Read read) {
        if (map.unverified(c)) {
            read.note(location, "UNVERIFIED_CODE", "[" + c.getSystem() + "|" + c.getCode()
                    + "] is read through a mapping still marked to-verify");
        }
    }

    private Finding finding(CodeableConcept code, String location, Read read) {
        for (Coding c : code.getCoding()) {
            Finding f = map.finding(c);
            if (f != null) {
                unverified(c, location, read);
                return f;
            }
        }
        return null;
    }

    private static boolean isItem(CodeableConcept code, String item) {
        return code.getCoding().stream().anyMatch(c -> FhirCodes.ITEM_SYSTEM.equals(c.getSystem()) && item.equals(c.getCode()));
    }

    private void condition(Condition c, String location, ServiceRequest order, Read read) {
        checkSubject(c.getSubject(), location + ".subject", read);
        String verification = c.getVerificationStatus().getCoding().stream()
                .filter(x -> FhirCodes.VERIFICATION_SYSTEM.equals(x.getSystem())).map(Coding::getCode).findFirst().orElse(null);
        if ("entered-in-error".equals(verification)) {
            return;
        }
        Finding f = finding(c.getCode(), location + ".code", read);
        if (f == null) {
            if (isItem(c.getCode(), FhirCodes.EPISODE) || referencedBy(order, c)) {
                if (c.hasOnsetDateTimeType()) {
                    LocalDate onset = date(c.getOnsetDateTimeType(), location + ".onsetDateTime", false, read);
                    if (onset != null) {
                        read.episodeOnsets.add(onset);
                    }
                }
            }
            return;
        }
        FindingStatus status;
        if ("refuted".equals(verification)) {
            status = FindingStatus.ABSENT;
        } else {
            status = FindingStatus.PRESENT;
            if (verification != null && !"confirmed".equals(verification)) {
                read.note(location + ".verificationStatus", "UNCONFIRMED_READ_AS_PRESENT",
                        f + " is [" + verification + "]; read as present, the safe direction");
            }
        }
        LocalDate onset = null;
        Trend trend = null;
        if (status == FindingStatus.PRESENT) {
            if (c.hasOnsetDateTimeType()) {
                onset = date(c.getOnsetDateTimeType(), location + ".onsetDateTime", false, read);
            }
            trend = trend(c.getExtensionByUrl(FhirCodes.TREND_EXTENSION), location, read);
        }
        read.evidence(f, new Evidence(status, onset, trend, location));
    }

    private static boolean referencedBy(ServiceRequest order, Condition c) {
        if (order == null || c.getIdElement().getIdPart() == null) {
            return false;
        }
        return order.getReasonReference().stream()
                .anyMatch(r -> c.getIdElement().getIdPart().equals(r.getReferenceElement().getIdPart()));
    }

    private static Trend trend(Extension e, String location, Read read) {
        if (e == null) {
            return null;
        }
        String code = e.getValue() == null ? null : e.getValue().primitiveValue();
        try {
            return Trend.valueOf(String.valueOf(code));
        } catch (IllegalArgumentException x) {
            read.problem(location + ".extension('" + FhirCodes.TREND_EXTENSION + "')", "UNKNOWN_CODE",
                    "trend [" + Violation.shown(code) + "] is not one of WORSENING, STABLE, IMPROVING, NOT_RECORDED");
            return null;
        }
    }

    private void observation(Observation o, String location, Read read) {
        if (o.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                || o.getStatus() == Observation.ObservationStatus.CANCELLED) {
            return;
        }
        checkSubject(o.getSubject(), location + ".subject", read);
        CodeableConcept code = o.getCode();
        if (code.getCoding().stream().anyMatch(c -> FhirCodes.LOINC.equals(c.getSystem())
                && FhirCodes.PAIN_SCORE_LOINC.equals(c.getCode()))) {
            Integer score = integer(o.getValue(), location + ".value", read);
            if (score != null && !o.hasDataAbsentReason()) {
                read.painScores.add(score);
            }
            return;
        }
        if (isItem(code, FhirCodes.STARTBACK_TOTAL)) {
            read.startBackTotal = integer(o.getValue(), location + ".value", read);
            return;
        }
        if (isItem(code, FhirCodes.STARTBACK_DISTRESS)) {
            read.startBackDistress = integer(o.getValue(), location + ".value", read);
            return;
        }
        if (isItem(code, FhirCodes.RISK_CATEGORY)) {
            riskCategory(o, location, read);
            return;
        }
        Finding f = finding(code, location + ".code", read);
        if (f == null) {
            return;
        }
        FindingStatus status;
        if (o.hasDataAbsentReason()) {
            status = FindingStatus.NOT_RECORDED;
        } else {
            status = answer(o.getValue(), location + ".value", read);
        }
        read.evidence(f, new Evidence(status, null, null, location));
    }

    private static void riskCategory(Observation o, String location, Read read) {
        RiskTool tool = null;
        for (Coding c : o.getMethod().getCoding()) {
            if (FhirCodes.ITEM_SYSTEM.equals(c.getSystem())) {
                try {
                    tool = RiskTool.valueOf(c.getCode());
                } catch (IllegalArgumentException e) {
                    // reported below as no tool
                }
            }
        }
        RiskCategory category = null;
        if (o.getValue() instanceof CodeableConcept cc) {
            for (Coding c : cc.getCoding()) {
                if (FhirCodes.ITEM_SYSTEM.equals(c.getSystem())) {
                    try {
                        category = RiskCategory.valueOf(c.getCode());
                    } catch (IllegalArgumentException e) {
                        // reported below
                    }
                }
            }
        }
        if (tool == null || category == null) {
            read.problem(location, "UNKNOWN_CODE", "a risk category needs method (STARTBACK, STARTMSK or OTHER) and value"
                    + " (LOW, MEDIUM or HIGH) in " + FhirCodes.ITEM_SYSTEM);
            return;
        }
        read.category = RiskStratification.category(tool, category);
    }

    private static Integer integer(Type value, String location, Read read) {
        if (value instanceof org.hl7.fhir.r4.model.IntegerType i) {
            return i.getValue();
        }
        if (value instanceof org.hl7.fhir.r4.model.Quantity q && q.hasValue()) {
            try {
                return q.getValue().intValueExact();
            } catch (ArithmeticException e) {
                read.problem(location, "NOT_A_WHOLE_NUMBER", "[" + q.getValue() + "] is not a whole number");
                return null;
            }
        }
        if (value != null) {
            read.problem(location, "WRONG_TYPE", "expected valueInteger or valueQuantity, not [" + value.fhirType() + "]");
        }
        return null;
    }

    /** Yes, no or unknown, from a boolean or a coded answer. */
    private static FindingStatus answer(Type value, String location, Read read) {
        if (value instanceof org.hl7.fhir.r4.model.BooleanType b && b.getValue() != null) {
            return b.getValue() ? FindingStatus.PRESENT : FindingStatus.ABSENT;
        }
        if (value instanceof CodeableConcept cc) {
            for (Coding c : cc.getCoding()) {
                FindingStatus s = answer(c);
                if (s != null) {
                    return s;
                }
            }
        }
        if (value instanceof Coding c && answer(c) != null) {
            return answer(c);
        }
        read.note(location, "UNREADABLE_ANSWER", "neither yes nor no; read as not recorded");
        return FindingStatus.NOT_RECORDED;
    }

    private static FindingStatus answer(Coding c) {
        if (FhirCodes.SNOMED.equals(c.getSystem())) {
            return switch (String.valueOf(c.getCode())) {
                case FhirCodes.YES, "10828004" -> FindingStatus.PRESENT; // yes; positive
                case FhirCodes.NO, "260385009" -> FindingStatus.ABSENT; // no; negative
                case FhirCodes.UNKNOWN -> FindingStatus.NOT_RECORDED;
                default -> null;
            };
        }
        if ("http://terminology.hl7.org/CodeSystem/v2-0136".equals(c.getSystem())) {
            return "Y".equals(c.getCode()) ? FindingStatus.PRESENT : "N".equals(c.getCode()) ? FindingStatus.ABSENT : null;
        }
        return null;
    }

    private void items(List<QuestionnaireResponseItemComponent> items, String location, Read read) {
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireResponseItemComponent item = items.get(i);
            String at = location + "[" + i + "]";
            String linkId = String.valueOf(item.getLinkId());
            List<QuestionnaireResponseItemAnswerComponent> answers = item.getAnswer();
            Type first = answers.isEmpty() ? null : answers.get(0).getValue();
            if (linkId.equals("symptomOnset")) {
                if (first instanceof org.hl7.fhir.r4.model.DateType d) {
                    LocalDate onset = date(d, at + ".answer[0].valueDate", false, read);
                    if (onset != null) {
                        read.episodeOnsets.add(onset);
                    }
                }
            } else if (linkId.equals("painScore")) {
                Integer score = integer(first, at + ".answer[0].value", read);
                if (score != null) {
                    read.painScores.add(score);
                }
            } else if (linkId.endsWith("/onset") && finding(linkId.substring(0, linkId.length() - 6)) != null) {
                if (first instanceof org.hl7.fhir.r4.model.DateType d) {
                    LocalDate onset = date(d, at + ".answer[0].valueDate", false, read);
                    if (onset != null) {
                        read.evidence(finding(linkId.substring(0, linkId.length() - 6)),
                                new Evidence(FindingStatus.NOT_RECORDED, onset, null, at));
                    }
                }
            } else if (finding(linkId) != null) {
                FindingStatus status = first == null ? FindingStatus.NOT_RECORDED : answer(first, at + ".answer[0]", read);
                read.evidence(finding(linkId), new Evidence(status, null, null, at));
            }
            items(item.getItem(), at + ".item", read);
            for (int a = 0; a < answers.size(); a++) {
                items(answers.get(a).getItem(), at + ".answer[" + a + "].item", read);
            }
        }
    }

    private static Finding finding(String name) {
        try {
            return Finding.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static org.mskrules.msk.Observation merge(Finding f, List<Evidence> list, Read read) {
        boolean present = list.stream().anyMatch(e -> e.status() == FindingStatus.PRESENT);
        boolean absent = list.stream().anyMatch(e -> e.status() == FindingStatus.ABSENT);
        if (present && absent) {
            read.note(list.stream().filter(e -> e.status() == FindingStatus.ABSENT).findFirst().orElseThrow().location(),
                    "FINDING_CONFLICT", f + " is recorded present at " + locations(list, FindingStatus.PRESENT)
                            + " and absent at " + locations(list, FindingStatus.ABSENT) + "; read as present, the safe direction");
        }
        if (!present) {
            return org.mskrules.msk.Observation.of(absent ? FindingStatus.ABSENT : FindingStatus.NOT_RECORDED);
        }
        // The latest onset makes the finding look newest, which the cauda equina rules treat as more urgent.
        LocalDate onset = list.stream().filter(e -> e.status() != FindingStatus.ABSENT).map(Evidence::onset)
                .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        List<Trend> trends = list.stream().map(Evidence::trend).filter(java.util.Objects::nonNull).distinct().toList();
        Trend trend = trends.size() == 1 ? trends.get(0) : trends.contains(Trend.WORSENING) ? Trend.WORSENING : null;
        return new org.mskrules.msk.Observation(FindingStatus.PRESENT, onset, trend);
    }

    private static List<String> locations(List<Evidence> list, FindingStatus status) {
        return list.stream().filter(e -> e.status() == status).map(Evidence::location).toList();
    }

    private static String describe(CodeableConcept cc) {
        if (cc.hasCoding()) {
            Coding c = cc.getCodingFirstRep();
            return c.getSystem() + "|" + c.getCode();
        }
        return cc.getText();
    }
}
