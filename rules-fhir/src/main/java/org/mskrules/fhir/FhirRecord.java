package org.mskrules.fhir;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an EHR sent about one referral, as FHIR R4 resources: the Patient (only its birth date and
 * gender are read), exactly one ServiceRequest for the referral, and any Conditions, Observations
 * and QuestionnaireResponses that may record findings. {@code missingSources} names the CDS Hooks
 * prefetch keys the EHR did not fill: every finding they would have carried is not recorded,
 * never absent, and the reading says so. Immutable.
 *
 * @param resources      the resources, each with its location
 * @param missingSources names of sources that were expected but not sent (e.g. {@code conditions})
 */
public record FhirRecord(List<SourcedResource> resources, Set<String> missingSources) {
    public FhirRecord {
        resources = List.copyOf(resources);
        missingSources = Set.copyOf(Objects.requireNonNull(missingSources, "missingSources"));
    }
}
