package org.mskrules.cdshooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.mskrules.core.Violation;
import org.mskrules.fhir.FhirDecision;
import org.mskrules.fhir.FhirReferrals;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.IncompleteScreen;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.RedFlag;
import org.mskrules.msk.Route;
import org.mskrules.msk.RouteDecision;
import org.mskrules.msk.RouteReason;
import org.mskrules.msk.Screen;

/**
 * Builds CDS Hooks 2.0 cards from a decision. Card uuids are name-based (version 3) UUIDs of the
 * rule id, the same on every call, so feedback on a card is feedback on a rule; the rule id is also
 * the card's {@code source.topic}. Summaries stay under the 140 characters the spec allows.
 */
final class Cards {
    static final String SOURCE_LABEL = "MSK rules";
    static final String RULE_SYSTEM = "https://mskrules.org/fhir/CodeSystem/msk-rule";

    private Cards() {
    }

    /** The uuid of every card a rule raises. */
    static String uuid(String ruleId) {
        return UUID.nameUUIDFromBytes(("mskrules:card:" + ruleId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String indicator(EscalationLevel level) {
        return switch (level) {
            case EMERGENCY -> "critical";
            case URGENT -> "warning";
            case SOON, NONE -> "info";
        };
    }

    static ArrayNode forDecision(Assessment a, FhirDecision decision, ServiceRequest order, int orderIndex,
            String patientRef, List<Violation> notes, String baseUrl, FhirReferrals fhir) {
        ArrayNode cards = CdsHooksService.json().createArrayNode();
        String version = a.trace().ruleSetId() + " " + a.trace().version();
        for (RedFlag f : a.redFlags()) {
            ObjectNode card = card(f.ruleId(), summary(f.level() + ": " + words(f.condition().name()) + " - "
                    + words(f.destination().name())), indicator(f.level()), f.source(), version);
            card.put("detail", "**" + f.timeFrame() + "**\n\nRule " + f.ruleId() + " (" + version + "). Source: " + f.source());
            cards.add(card);
        }
        if (!a.incompleteScreens().isEmpty()) {
            Map<Screen, Set<String>> byScreen = new LinkedHashMap<>();
            StringBuilder detail = new StringBuilder("Not recorded, so the red flags or criteria that depend on them cannot be"
                    + " ruled out and self-management is not offered:\n");
            for (IncompleteScreen s : a.incompleteScreens()) {
                byScreen.computeIfAbsent(s.screen(), k -> new LinkedHashSet<>()).addAll(s.missing());
                detail.append("\n* ").append(s.ruleId()).append(" ").append(words(s.screen().name())).append(": ")
                        .append(String.join(", ", s.missing().stream().map(Cards::item).toList()));
            }
            // One card for every open screen, with one fixed id: the screen rules are named in the detail.
            ObjectNode card = card("screens", summary("Complete " + byScreen.size() + " screen"
                    + (byScreen.size() == 1 ? "" : "s") + ": " + String.join(", ", byScreen.keySet().stream().map(s -> words(s.name())).toList())),
                    "warning", a.incompleteScreens().get(0).source(), version);
            card.put("detail", detail.toString());
            ArrayNode links = card.putArray("links");
            byScreen.forEach((screen, items) -> {
                StringBuilder url = new StringBuilder(baseUrl).append("/fhir/Questionnaire/").append(questionnaireId(screen));
                String sep = "?";
                for (String item : items) {
                    url.append(sep).append("item=").append(URLEncoder.encode(item, StandardCharsets.UTF_8));
                    sep = "&";
                }
                links.addObject().put("label", "Questionnaire: " + words(screen.name())).put("url", url.toString())
                        .put("type", "absolute");
            });
            cards.add(card);
        }
        cards.add(routeCard(a, order, orderIndex, patientRef, version, fhir));
        List<Violation> shown = notes.stream().filter(n -> !n.code().equals("UNVERIFIED_CODE")).toList();
        long unverified = notes.size() - shown.size();
        if (!shown.isEmpty() || unverified > 0) {
            StringBuilder detail = new StringBuilder();
            for (Violation n : shown) {
                detail.append("* `").append(n.code()).append("` at ").append(n.path()).append(": ").append(n.message()).append('\n');
            }
            if (unverified > 0) {
                detail.append("* `UNVERIFIED_CODE`: ").append(unverified)
                        .append(" code(s) read through mappings still marked to-verify (ConceptMap ")
                        .append(fhir.conceptMapUrl()).append("|").append(fhir.conceptMapVersion()).append(")\n");
            }
            ObjectNode card = card("reading-notes", summary("How the record was read: " + (shown.size() + (unverified > 0 ? 1 : 0))
                    + " note(s)"), "info", "rules-fhir mapping " + fhir.conceptMapVersion(), version);
            card.put("detail", detail.toString());
            cards.add(card);
        }
        return cards;
    }

    private static ObjectNode routeCard(Assessment a, ServiceRequest order, int orderIndex, String patientRef,
            String version, FhirReferrals fhir) {
        RouteDecision route = a.route();
        String where = route.destination() != null ? words(route.destination().name())
                : route.specialty() != null ? words(route.specialty().name()) : null;
        ObjectNode card = card("route:" + route.route(), summary("Route: " + words(route.route().name())
                + (where == null ? "" : " - " + where) + "; " + words(a.priority().category().name())),
                route.route() == Route.RED_FLAG_PATHWAY ? indicator(a.escalation()) : "info",
                route.reasons().get(0).source(), version);
        StringBuilder detail = new StringBuilder("**").append(route.timeFrame()).append("**\n\nBecause:\n");
        for (RouteReason r : route.reasons()) {
            detail.append("\n* ").append(r.ruleId()).append(": ").append(r.description());
        }
        detail.append("\n\nWaiting-list category ").append(a.priority().category()).append(" (")
                .append(a.priority().ruleId()).append("), threshold ").append(a.priority().waitingThresholdDays()).append(" days.");
        card.put("detail", detail.toString());

        ArrayNode suggestions = card.putArray("suggestions");
        ServiceRequest updated = order.copy();
        updated.setPriority(priority(a));
        updated.setPerformerType(new CodeableConcept().setText(words(route.route().name()) + (where == null ? "" : ": " + where)));
        updated.addNote().setText("MSK rules " + version + ": " + route.timeFrame());
        ObjectNode update = suggestions.addObject();
        update.put("label", "Update the referral: " + words(route.route().name()) + ", priority " + updated.getPriority().toCode());
        update.put("uuid", uuid("suggestion:update:" + route.route()));
        update.put("isRecommended", true);
        ArrayNode actions = update.putArray("actions");
        actions.addObject().put("type", "update").put("description", "Set priority, performer type and note on the draft referral")
                .set("resource", resource(updated, fhir));
        if (route.route() == Route.RED_FLAG_PATHWAY) {
            RedFlag first = a.redFlags().get(0);
            ServiceRequest urgent = new ServiceRequest();
            urgent.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
            urgent.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
            urgent.setPriority(first.level() == EscalationLevel.EMERGENCY ? ServiceRequest.ServiceRequestPriority.STAT
                    : ServiceRequest.ServiceRequestPriority.URGENT);
            urgent.setSubject(new Reference(patientRef));
            urgent.setCode(new CodeableConcept().setText("Referral: " + words(first.destination().name())));
            urgent.addReasonCode(new CodeableConcept().setText(words(first.condition().name()) + " (" + first.ruleId() + ")"));
            urgent.addNote().setText(first.timeFrame());
            ObjectNode create = suggestions.addObject();
            create.put("label", "Refer now: " + words(first.destination().name()));
            create.put("uuid", uuid("suggestion:create:" + first.ruleId()));
            create.putArray("actions").addObject().put("type", "create")
                    .put("description", "Create the referral to " + words(first.destination().name()))
                    .set("resource", resource(urgent, fhir));
        }
        card.put("selectionBehavior", "at-most-one");
        return card;
    }

    private static ServiceRequest.ServiceRequestPriority priority(Assessment a) {
        return switch (a.escalation()) {
            case EMERGENCY -> ServiceRequest.ServiceRequestPriority.STAT;
            case URGENT -> ServiceRequest.ServiceRequestPriority.URGENT;
            default -> a.priority().isPriority() ? ServiceRequest.ServiceRequestPriority.URGENT
                    : ServiceRequest.ServiceRequestPriority.ROUTINE;
        };
    }

    static ObjectNode failure(List<Violation> problems) {
        ObjectNode card = card("not-decided", summary("MSK rules made no decision: " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + " with the request"), "warning", "MSK rules input contract", null);
        StringBuilder detail = new StringBuilder("No red flags, screens or route were assessed. Assess this referral"
                + " clinically, or correct the record and try again.\n");
        for (Violation v : problems) {
            detail.append("\n* `").append(v.code()).append("` at ").append(v.path().isEmpty() ? "(request)" : v.path())
                    .append(": ").append(v.message());
        }
        card.put("detail", detail.toString());
        return card;
    }

    private static ObjectNode card(String ruleId, String summary, String indicator, String source, String version) {
        ObjectNode card = CdsHooksService.json().createObjectNode();
        card.put("uuid", uuid(ruleId));
        card.put("summary", summary);
        card.put("indicator", indicator);
        ObjectNode src = card.putObject("source");
        src.put("label", SOURCE_LABEL + (version == null ? "" : " " + version));
        ObjectNode topic = src.putObject("topic");
        topic.put("system", RULE_SYSTEM).put("code", ruleId).put("display", shorten(source, 200));
        return card;
    }

    private static com.fasterxml.jackson.databind.JsonNode resource(Resource r, FhirReferrals fhir) {
        try {
            return CdsHooksService.json().readTree(fhir.toJson(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String summary(String s) {
        return shorten(s, 140);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static String item(String pointer) {
        return pointer.startsWith("/findings/") ? pointer.substring("/findings/".length()) : pointer.substring(1);
    }

    static String words(String constant) {
        String s = constant.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String questionnaireId(Screen screen) {
        return FhirReferrals.questionnaireId(screen);
    }

    static Questionnaire questionnaire(Screen screen, List<String> items, FhirReferrals fhir, MskRules rules) {
        return fhir.questionnaire(screen, items, MskRules.RULE_SET_ID, rules.version());
    }
}
