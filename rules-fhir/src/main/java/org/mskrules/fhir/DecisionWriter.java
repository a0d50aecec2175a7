package org.mskrules.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DataRequirement;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.RequestGroup.RequestGroupActionComponent;
import org.hl7.fhir.r4.model.RequestGroup.RequestPriority;
import org.mskrules.core.Trace;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.Finding;
import org.mskrules.msk.IncompleteScreen;
import org.mskrules.msk.PriorityReason;
import org.mskrules.msk.RedFlag;
import org.mskrules.msk.RouteDecision;
import org.mskrules.msk.RouteReason;
import org.mskrules.msk.Screen;

/**
 * Writes an {@link Assessment} as FHIR R4 ({@link FhirDecision}). Action ids are the rule ids, so
 * an EHR's record of which action was taken or overridden counts per rule. Every word a clinician
 * reads comes from the rule's own metadata (time frame, source, description), never from here.
 * Stateless; thread-safe.
 */
final class DecisionWriter {
    private final ConceptMapping map;
    private final BundleWriter codes;

    DecisionWriter(ConceptMapping map) {
        this.map = map;
        this.codes = new BundleWriter(map);
    }

    FhirDecision write(Assessment a, String patientReference) {
        Trace trace = a.trace();
        String module = FhirCodes.RULE_SET_BASE + trace.ruleSetId() + "|" + trace.version();
        String id = "msk-" + trace.ruleSetId() + "-" + (a.referralId() == null ? "decision" : safeId(a.referralId()));
        List<Questionnaire> questionnaires = questionnaires(a);

        RequestGroup group = new RequestGroup();
        group.setId(id + "-actions");
        group.setStatus(RequestGroup.RequestStatus.DRAFT);
        group.setIntent(RequestGroup.RequestIntent.PROPOSAL);
        group.addInstantiatesUri(module);
        group.setPriority(priority(a.escalation()));
        if (patientReference != null) {
            group.setSubject(new Reference(patientReference));
        }
        group.setAuthoredOnElement(new DateTimeType(trace.asOf().toString()));
        for (RedFlag f : a.redFlags()) {
            RequestGroupActionComponent action = group.addAction();
            action.setId(f.ruleId());
            action.setPrefix(f.level().name());
            action.setTitle("Red flag: " + words(f.condition().name()) + " -> " + words(f.destination().name()));
            action.setDescription(f.timeFrame());
            action.setPriority(priority(f.level()));
            action.addCode(new CodeableConcept(new Coding(FhirCodes.RULE_SYSTEM, f.ruleId(), null)));
            action.addDocumentation(new RelatedArtifact().setType(RelatedArtifact.RelatedArtifactType.CITATION).setCitation(f.source()));
        }
        for (IncompleteScreen s : a.incompleteScreens()) {
            RequestGroupActionComponent action = group.addAction();
            action.setId(s.ruleId());
            action.setTitle("Complete the " + words(s.screen().name()) + " screen");
            action.setDescription("Not recorded: " + String.join(", ", s.missing()));
            action.addCode(new CodeableConcept(new Coding(FhirCodes.RULE_SYSTEM, s.ruleId(), null)));
            action.setResource(new Reference(questionnaireUrl(s.screen())));
            action.addDocumentation(new RelatedArtifact().setType(RelatedArtifact.RelatedArtifactType.CITATION).setCitation(s.source()));
        }
        RouteDecision route = a.route();
        RequestGroupActionComponent routeAction = group.addAction();
        routeAction.setId("route");
        routeAction.setTitle("Route: " + words(route.route().name())
                + (route.destination() != null ? " -> " + words(route.destination().name()) : "")
                + (route.specialty() != null ? " -> " + words(route.specialty().name()) : ""));
        routeAction.setDescription(route.timeFrame());
        routeAction.addCode(new CodeableConcept(new Coding(FhirCodes.ROUTE_SYSTEM, route.route().name(), null)));
        for (RouteReason reason : route.reasons()) {
            routeAction.addDocumentation(new RelatedArtifact().setType(RelatedArtifact.RelatedArtifactType.JUSTIFICATION)
                    .setLabel(reason.ruleId()).setDisplay(reason.description()).setCitation(reason.source()));
        }
        RequestGroupActionComponent priorityAction = group.addAction();
        priorityAction.setId(a.priority().ruleId());
        priorityAction.setTitle("Waiting-list category: " + words(a.priority().category().name())
                + ", threshold " + a.priority().waitingThresholdDays() + " days");
        for (PriorityReason reason : a.priority().reasons()) {
            priorityAction.addDocumentation(new RelatedArtifact().setType(RelatedArtifact.RelatedArtifactType.JUSTIFICATION)
                    .setLabel(reason.ruleId()).setDisplay(reason.description()).setCitation(reason.source()));
        }

        GuidanceResponse guidance = new GuidanceResponse();
        guidance.setId(id);
        guidance.setModule(new org.hl7.fhir.r4.model.UriType(module));
        guidance.setStatus(a.screensComplete() ? GuidanceResponse.GuidanceResponseStatus.SUCCESS
                : GuidanceResponse.GuidanceResponseStatus.DATAREQUIRED);
        if (patientReference != null) {
            guidance.setSubject(new Reference(patientReference));
        }
        guidance.setOccurrenceDateTime(java.sql.Date.valueOf(trace.asOf()));
        guidance.getOccurrenceDateTimeElement().setPrecision(ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY);
        guidance.setResult(new Reference("RequestGroup/" + group.getIdElement().getIdPart()));
        if (a.referralId() != null) {
            guidance.setRequestIdentifier(new Identifier().setSystem(FhirCodes.REFERRAL_ID_SYSTEM).setValue(a.referralId()));
        }
        guidance.addReasonCode(new CodeableConcept().setText("Escalation " + a.escalation() + "; route " + route.route()));
        Set<String> required = new LinkedHashSet<>();
        for (IncompleteScreen s : a.incompleteScreens()) {
            required.addAll(s.missing());
        }
        for (String pointer : required) {
            guidance.addDataRequirement(requirement(pointer));
        }

        Provenance provenance = new Provenance();
        provenance.setId(id + "-provenance");
        provenance.addTarget(new Reference("GuidanceResponse/" + guidance.getIdElement().getIdPart()));
        provenance.addTarget(new Reference("RequestGroup/" + group.getIdElement().getIdPart()));
        provenance.setOccurred(new DateTimeType(trace.asOf().toString()));
        provenance.setRecorded(new Date());
        provenance.addPolicy(module);
        provenance.addAgent().setWho(new Reference().setDisplay("msk-rules " + trace.ruleSetId() + " " + trace.version()
                + (trace.status() == null ? "" : " (" + trace.status() + ")")));
        provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
                .setWhat(new Reference().setIdentifier(new Identifier().setSystem(FhirCodes.CONTENT_HASH_SYSTEM)
                        .setValue(trace.contentHash())).setDisplay("rule set " + trace.ruleSetId() + " " + trace.version()));
        provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
                .setWhat(new Reference().setReference(map.url() + "|" + map.version()).setDisplay("finding-to-code mapping"));
        return new FhirDecision(guidance, group, provenance, questionnaires);
    }

    private DataRequirement requirement(String pointer) {
        DataRequirement d = new DataRequirement();
        Finding f = findingOf(pointer);
        if (f != null) {
            d.setType("Observation");
            d.addMustSupport(pointer.endsWith("/onset") ? "onset" : "value");
            d.addCodeFilter().setPath("code").getCode().addAll(codes.code(f).getCoding());
        } else {
            d.setType("QuestionnaireResponse");
            d.addMustSupport(pointer.substring(1));
        }
        return d;
    }

    /** One Questionnaire per open screen; several rules of one screen share it, items in first-seen order. */
    private List<Questionnaire> questionnaires(Assessment a) {
        Map<Screen, Set<String>> byScreen = new LinkedHashMap<>();
        for (IncompleteScreen s : a.incompleteScreens()) {
            byScreen.computeIfAbsent(s.screen(), k -> new LinkedHashSet<>()).addAll(s.missing());
        }
        List<Questionnaire> out = new ArrayList<>();
        byScreen.forEach((screen, missing) -> out.add(Questionnaires.forScreen(screen, missing, codes,
                a.trace().ruleSetId(), a.trace().version())));
        return out;
    }

    static String questionnaireUrl(Screen screen) {
        return FhirCodes.QUESTIONNAIRE_BASE + Questionnaires.id(screen);
    }

    static Finding findingOf(String pointer) {
        if (!pointer.startsWith("/findings/")) {
            return null;
        }
        String rest = pointer.substring("/findings/".length());
        int slash = rest.indexOf('/');
        try {
            return Finding.valueOf(slash < 0 ? rest : rest.substring(0, slash));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static RequestPriority priority(EscalationLevel level) {
        return switch (level) {
            case EMERGENCY -> RequestPriority.STAT;
            case URGENT -> RequestPriority.URGENT;
            case SOON, NONE -> RequestPriority.ROUTINE;
        };
    }

    static String words(String constant) {
        String s = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String safeId(String referralId) {
        String s = referralId.replaceAll("[^A-Za-z0-9.-]", "-");
        return s.length() > 40 ? s.substring(0, 40) : s;
    }
}
