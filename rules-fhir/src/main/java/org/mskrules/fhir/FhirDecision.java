package org.mskrules.fhir;

import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.RequestGroup;

/**
 * One decision written as FHIR R4: the GuidanceResponse ({@code data-required} while a screen the
 * presentation needs is open, else {@code success}), the RequestGroup holding one action per red
 * flag, per open screen and for the route, the Provenance naming the rule-set version, its content
 * hash and the ConceptMap version, and one Questionnaire per open screen asking exactly the items
 * the decision lists as missing. The HAPI resources are mutable objects: treat them as read-only,
 * and do not share one instance between threads that change it.
 *
 * @param guidance       the GuidanceResponse
 * @param requestGroup   what to do: red-flag actions, screen actions, the route
 * @param provenance     which rule set, version and hash made the decision
 * @param questionnaires one per open screen, in screen order; empty when every screen is complete
 */
public record FhirDecision(GuidanceResponse guidance, RequestGroup requestGroup, Provenance provenance,
        List<Questionnaire> questionnaires) {
    public FhirDecision {
        Objects.requireNonNull(guidance, "guidance");
        Objects.requireNonNull(requestGroup, "requestGroup");
        Objects.requireNonNull(provenance, "provenance");
        questionnaires = List.copyOf(questionnaires);
    }

    /** Everything in one collection Bundle, guidance first. A new Bundle each call. */
    public Bundle toBundle() {
        Bundle b = new Bundle();
        b.setType(Bundle.BundleType.COLLECTION);
        b.addEntry().setFullUrl(FhirCodes.BASE + "GuidanceResponse/" + guidance.getIdElement().getIdPart()).setResource(guidance);
        b.addEntry().setFullUrl(FhirCodes.BASE + "RequestGroup/" + requestGroup.getIdElement().getIdPart()).setResource(requestGroup);
        b.addEntry().setFullUrl(FhirCodes.BASE + "Provenance/" + provenance.getIdElement().getIdPart()).setResource(provenance);
        for (Questionnaire q : questionnaires) {
            b.addEntry().setFullUrl(q.getUrl()).setResource(q);
        }
        return b;
    }
}
