package org.mskrules.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.mskrules.fhir.FhirReferrals;
import org.mskrules.msk.Referral;

/** Builds CDS Hooks requests as an EHR would send them, from a referral written as FHIR. */
final class CdsRequests {
    static final FhirReferrals FHIR = FhirReferrals.create();

    private CdsRequests() {
    }

    /** An order-sign (or order-select) request with every prefetch key filled. */
    static ObjectNode request(String hook, Referral referral) {
        Bundle collection = FHIR.toBundle(referral);
        Bundle drafts = searchset();
        Bundle conditions = searchset();
        Bundle observations = searchset();
        Bundle responses = searchset();
        Patient patient = null;
        for (Bundle.BundleEntryComponent e : collection.getEntry()) {
            Resource r = e.getResource();
            if (r instanceof Patient p) {
                patient = p;
            } else if (r instanceof ServiceRequest) {
                drafts.addEntry().setResource(r);
            } else if (r instanceof Condition) {
                conditions.addEntry().setResource(r);
            } else if (r instanceof Observation) {
                observations.addEntry().setResource(r);
            } else if (r instanceof QuestionnaireResponse) {
                responses.addEntry().setResource(r);
            }
        }
        ObjectNode req = CdsHooksService.json().createObjectNode();
        req.put("hook", hook);
        req.put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
        ObjectNode context = req.putObject("context");
        context.put("userId", "Practitioner/example");
        context.put("patientId", "patient");
        if (hook.equals("order-select")) {
            context.putArray("selections").add("ServiceRequest/referral");
        }
        context.set("draftOrders", tree(drafts));
        ObjectNode prefetch = req.putObject("prefetch");
        prefetch.set("patient", tree(patient));
        prefetch.set("conditions", tree(conditions));
        prefetch.set("observations", tree(observations));
        prefetch.set("questionnaireResponses", tree(responses));
        return req;
    }

    private static Bundle searchset() {
        Bundle b = new Bundle();
        b.setType(Bundle.BundleType.SEARCHSET);
        return b;
    }

    static JsonNode tree(Resource r) {
        try {
            return CdsHooksService.json().readTree(FHIR.toJson(r));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
