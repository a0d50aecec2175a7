package org.mskrules.cdshooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.RulesException;
import org.mskrules.core.Violation;
import org.mskrules.fhir.FhirDecision;
import org.mskrules.fhir.FhirReading;
import org.mskrules.fhir.FhirRecord;
import org.mskrules.fhir.FhirReferrals;
import org.mskrules.fhir.SourcedResource;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Screen;

/**
 * The MSK referral decision as a CDS Hooks 2.0 service, without a web server: discovery, and the
 * {@code order-select} and {@code order-sign} hooks on a draft referral (a ServiceRequest). The
 * answer is one card per red flag (critical for an emergency, warning for urgent, info for soon),
 * one card for the open screens linking the generated Questionnaires, one card for the route with
 * suggestions that update the draft ServiceRequest (and, on the red-flag pathway, create the
 * request to the flag's destination), and a card listing how the record was read when anything was
 * resolved or assumed. A card's uuid is fixed per rule, so an EHR's feedback counts overrides per
 * rule. When no decision can be made the answer is a warning card saying why, never an empty list.
 *
 * <p>Patient data comes only from the prefetch (no call back to the EHR's FHIR server): a missing
 * Patient is a 412, a missing list of Conditions, Observations or QuestionnaireResponses leaves
 * their findings not recorded and says so.
 *
 * <p>Thread-safe: build one and share it; each call is independent.
 */
public final class CdsHooksService {
    /** The service ids, one per hook. */
    public static final String ORDER_SELECT_ID = "msk-referral-order-select";
    public static final String ORDER_SIGN_ID = "msk-referral-order-sign";

    static final Map<String, String> HOOKS = Map.of(ORDER_SELECT_ID, "order-select", ORDER_SIGN_ID, "order-sign");

    /** Prefetch templates: what the mapping reads, for the patient in context. */
    static final Map<String, String> PREFETCH = Map.of(
            "patient", "Patient/{{context.patientId}}",
            "conditions", "Condition?patient={{context.patientId}}",
            "observations", "Observation?patient={{context.patientId}}",
            "questionnaireResponses", "QuestionnaireResponse?subject={{context.patientId}}");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The largest request read, in characters (16 MiB, the server's own limit in bytes): a whole prefetched record. */
    static final int MAX_REQUEST_CHARS = 16 << 20;

    private final MskRules rules;
    private final FhirReferrals fhir;
    private final Clock clock;
    private final String discovery;

    private CdsHooksService(MskRules rules, FhirReferrals fhir, Clock clock) {
        this.rules = rules;
        this.fhir = fhir;
        this.clock = clock;
        this.discovery = buildDiscovery();
    }

    /**
     * A service deciding with {@code rules}, dating every decision by {@code clock} (UK local date
     * for a service in England: {@code Clock.system(ZoneId.of("Europe/London"))}).
     */
    public static CdsHooksService create(MskRules rules, Clock clock) {
        return new CdsHooksService(Objects.requireNonNull(rules, "rules"), FhirReferrals.create(),
                Objects.requireNonNull(clock, "clock"));
    }

    /** A service deciding with {@code rules} by today's date in Europe/London. */
    public static CdsHooksService create(MskRules rules) {
        return create(rules, Clock.system(ZoneId.of("Europe/London")));
    }

    /** The discovery document, {@code GET /cds-services}. */
    public CdsResponse discovery() {
        return new CdsResponse(200, discovery);
    }

    private String buildDiscovery() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode services = root.putArray("services");
        for (String id : List.of(ORDER_SELECT_ID, ORDER_SIGN_ID)) {
            ObjectNode s = services.addObject();
            s.put("hook", HOOKS.get(id));
            s.put("id", id);
            s.put("title", "MSK referral red flags, screens and route (" + MskRules.RULE_SET_ID + " " + rules.version() + ")");
            s.put("description", "On a draft MSK referral (ServiceRequest): red flags needing emergency, urgent or soon"
                    + " escalation, screens still to complete, the priority category and the one route, from the versioned"
                    + " rule set " + MskRules.RULE_SET_ID + " " + rules.version() + " (" + rules.contentHash() + ").");
            ObjectNode prefetch = s.putObject("prefetch");
            List.of("patient", "conditions", "observations", "questionnaireResponses").forEach(k -> prefetch.put(k, PREFETCH.get(k)));
            s.put("usageRequirements", "Send the Patient in the prefetch; findings not sent are not recorded, never absent.");
        }
        return write(root);
    }

    /**
     * Calls service {@code serviceId} with a CDS Hooks request body.
     *
     * @param baseUrl the service's own base URL as the EHR sees it (for example
     *                {@code http://127.0.0.1:8080}); Questionnaire links start with it
     */
    public CdsResponse call(String serviceId, String body, String baseUrl) {
        try {
            return decide(serviceId, body, baseUrl);
        } catch (RuntimeException e) {
            // A defect: the EHR still gets a card saying no decision was made, never a stack trace.
            return error(500, "INTERNAL_ERROR", List.of(new Violation("", "INTERNAL_ERROR",
                    "the service failed without deciding (" + e.getClass().getSimpleName() + "); see the service log")));
        }
    }

    private CdsResponse decide(String serviceId, String body, String baseUrl) {
        String hook = HOOKS.get(serviceId);
        if (hook == null) {
            return error(404, "UNKNOWN_SERVICE", List.of(new Violation("", "UNKNOWN_SERVICE",
                    "no service [" + Violation.shown(serviceId) + "]; known: " + List.of(ORDER_SELECT_ID, ORDER_SIGN_ID))));
        }
        JsonNode request;
        try {
            if (body == null || body.length() > MAX_REQUEST_CHARS) {
                return error(400, "TOO_LARGE", List.of(new Violation("", "TOO_LARGE", "the request body is missing or too large")));
            }
            request = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return error(400, "MALFORMED_JSON", List.of(new Violation("", "MALFORMED_JSON",
                    "the request is not JSON: " + Violation.shown(e.getOriginalMessage()))));
        }
        List<Violation> problems = new ArrayList<>();
        if (request == null || !request.isObject()) {
            return error(400, "MALFORMED_REQUEST", List.of(new Violation("", "NOT_AN_OBJECT", "a CDS Hooks request is a JSON object")));
        }
        if (!request.path("hook").isTextual()) {
            problems.add(new Violation("/hook", "REQUIRED", "the hook is required"));
        } else if (!hook.equals(request.get("hook").asText())) {
            problems.add(new Violation("/hook", "WRONG_HOOK", "service [" + serviceId + "] answers [" + hook + "], not ["
                    + Violation.shown(request.get("hook").asText()) + "]"));
        }
        if (!request.path("hookInstance").isTextual()) {
            problems.add(new Violation("/hookInstance", "REQUIRED", "the hookInstance is required"));
        }
        JsonNode context = request.get("context");
        if (context == null || !context.isObject()) {
            problems.add(new Violation("/context", "REQUIRED", "the context is required"));
        } else {
            for (String field : List.of("userId", "patientId", "draftOrders")) {
                if (context.get(field) == null || context.get(field).isNull()) {
                    problems.add(new Violation("/context/" + field, "REQUIRED", field + " is required in " + hook + " context"));
                }
            }
            if (hook.equals("order-select") && !context.path("selections").isArray()) {
                problems.add(new Violation("/context/selections", "REQUIRED", "selections is required in order-select context"));
            }
        }
        if (!problems.isEmpty()) {
            return error(400, "MALFORMED_REQUEST", problems);
        }

        List<Violation> fhirProblems = new ArrayList<>();
        Bundle drafts = asBundle(context.get("draftOrders"), "context.draftOrders", fhirProblems);
        JsonNode prefetch = request.path("prefetch");
        JsonNode patientNode = prefetch.get("patient");
        if (patientNode == null || patientNode.isNull()) {
            return error(412, "PREFETCH_MISSING", List.of(new Violation("prefetch.patient", "PREFETCH_MISSING",
                    "the Patient was not prefetched; this service does not query the FHIR server, and without the birth date"
                            + " it cannot decide")));
        }
        Resource patient = parse(patientNode, "prefetch.patient", fhirProblems);
        String patientId = context.get("patientId").asText();
        if (patient != null && patient.getIdElement().getIdPart() != null
                && !patient.getIdElement().getIdPart().equals(patientId)) {
            // The prefetched Patient must be the patient in context: a decision on another's record is a hazard.
            fhirProblems.add(new Violation("prefetch.patient.id", "OTHER_PATIENT", "the prefetched Patient is ["
                    + Violation.shown(patient.getIdElement().getIdPart()) + "], not the context's patientId ["
                    + Violation.shown(patientId) + "]"));
        }
        if (!fhirProblems.isEmpty()) {
            return cards(failure(fhirProblems));
        }
        ServiceRequest order = chooseOrder(drafts, hook, context.path("selections"));
        if (order == null) {
            // Nothing to decide: no draft referral among the orders.
            return cards(JSON.createArrayNode());
        }

        List<SourcedResource> resources = new ArrayList<>();
        resources.add(new SourcedResource(patient, "prefetch.patient"));
        List<Violation> notes = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        int orderIndex = drafts.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList().indexOf(order);
        if (!order.hasAuthoredOn()) {
            // A draft order is often not yet dated: the referral is being made now.
            order = order.copy();
            order.setAuthoredOnElement(new DateTimeType(today.toString()));
            notes.add(new Violation("context.draftOrders.entry[" + orderIndex + "].resource.authoredOn", "REFERRAL_DATE_TODAY",
                    "the draft order has no authoredOn; the referral date is today [" + today + "]"));
        }
        resources.add(new SourcedResource(order, "context.draftOrders.entry[" + orderIndex + "].resource"));
        Set<String> missing = new LinkedHashSet<>();
        for (String key : List.of("conditions", "observations", "questionnaireResponses")) {
            JsonNode node = prefetch.get(key);
            if (node == null || node.isNull()) {
                missing.add(key);
                continue;
            }
            Bundle b = asBundle(node, "prefetch." + key, fhirProblems);
            if (b != null) {
                resources.addAll(FhirReferrals.entries(b, "prefetch." + key));
            }
        }
        if (!fhirProblems.isEmpty()) {
            return cards(failure(fhirProblems));
        }
        FhirReading reading;
        Assessment assessment;
        try {
            reading = fhir.read(new FhirRecord(resources, missing));
            assessment = rules.assess(reading.referral(), today);
        } catch (InvalidInputException e) {
            return cards(failure(e.violations()));
        } catch (RulesException e) {
            return cards(failure(List.of(new Violation("", "NOT_DECIDED", Violation.shown(e.getMessage())))));
        }
        notes.addAll(reading.notes());
        String patientRef = "Patient/" + patientId;
        FhirDecision decision = fhir.decision(assessment, patientRef);
        return cards(Cards.forDecision(assessment, decision, order, orderIndex, patientRef, notes, baseUrl, fhir));
    }

    /**
     * The Questionnaire for {@code screen} asking {@code items} (JSON Pointers such as
     * {@code /findings/SADDLE_ANAESTHESIA}), as the screen card links it; 404 for an unknown screen.
     */
    public CdsResponse questionnaire(String screenId, List<String> items) {
        for (Screen s : Screen.values()) {
            if (Cards.questionnaireId(s).equals(screenId)) {
                Questionnaire q = Cards.questionnaire(s, items, fhir, rules);
                return new CdsResponse(200, fhir.toJson(q));
            }
        }
        return error(404, "UNKNOWN_QUESTIONNAIRE", List.of(new Violation("", "UNKNOWN_QUESTIONNAIRE",
                "no questionnaire [" + Violation.shown(screenId) + "]")));
    }

    private ServiceRequest chooseOrder(Bundle drafts, String hook, JsonNode selections) {
        if (drafts == null) {
            return null;
        }
        for (Bundle.BundleEntryComponent e : drafts.getEntry()) {
            if (e.getResource() instanceof ServiceRequest sr) {
                if (hook.equals("order-sign")) {
                    return sr;
                }
                String ref = "ServiceRequest/" + sr.getIdElement().getIdPart();
                for (JsonNode s : selections) {
                    if (ref.equals(s.asText())) {
                        return sr;
                    }
                }
            }
        }
        return null;
    }

    private Bundle asBundle(JsonNode node, String location, List<Violation> problems) {
        Resource r = parse(node, location, problems);
        if (r == null) {
            return null;
        }
        if (!(r instanceof Bundle b)) {
            problems.add(new Violation(location, "NOT_A_BUNDLE", "expected a Bundle, found [" + r.fhirType() + "]"));
            return null;
        }
        return b;
    }

    private Resource parse(JsonNode node, String location, List<Violation> problems) {
        try {
            return fhir.parse(write(node), location);
        } catch (InvalidInputException e) {
            problems.addAll(e.violations());
            return null;
        }
    }

    private static ArrayNode failure(List<Violation> problems) {
        ArrayNode cards = JSON.createArrayNode();
        cards.add(Cards.failure(problems));
        return cards;
    }

    private static CdsResponse cards(ArrayNode cards) {
        ObjectNode root = JSON.createObjectNode();
        root.set("cards", cards);
        return new CdsResponse(200, write(root));
    }

    static CdsResponse error(int status, String code, List<Violation> problems) {
        ObjectNode root = JSON.createObjectNode();
        root.put("error", code);
        ArrayNode list = root.putArray("problems");
        for (Violation v : problems) {
            list.addObject().put("path", v.path()).put("code", v.code()).put("message", v.message());
        }
        root.putArray("cards").add(Cards.failure(problems));
        return new CdsResponse(status, write(root));
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }
}
