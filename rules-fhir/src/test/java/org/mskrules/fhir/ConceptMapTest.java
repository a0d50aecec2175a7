package org.mskrules.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ConceptMap.SourceElementComponent;
import org.hl7.fhir.r4.model.ConceptMap.TargetElementComponent;
import org.junit.jupiter.api.Test;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.Finding;

/** The ConceptMap is reviewed clinical content: complete, unambiguous, and honest about what is verified. */
class ConceptMapTest {
    static final FhirReferrals FHIR = FhirReferrals.create();

    private static ConceptMap raw() {
        return FhirReferrals.context().newJsonParser().parseResource(ConceptMap.class,
                ConceptMapTest.class.getClassLoader().getResourceAsStream(ConceptMapping.RESOURCE));
    }

    @Test
    void everyFindingIsListed() {
        for (Finding f : Finding.values()) {
            assertThat(FHIR.maps(f)).as("finding %s in the ConceptMap", f).isTrue();
        }
    }

    @Test
    void everyBodyRegionHasABodySiteCode() {
        for (BodyRegion r : BodyRegion.values()) {
            assertThat(FHIR.maps(r)).as("body region %s in the ConceptMap", r).isTrue();
        }
    }

    @Test
    void everyTargetIsMarkedVerifiedOrToVerifyAndEveryCodeIsListedOnce() {
        Set<String> sources = new HashSet<>();
        int verified = 0;
        int toVerify = 0;
        for (ConceptMap.ConceptMapGroupComponent g : raw().getGroup()) {
            for (SourceElementComponent e : g.getElement()) {
                assertThat(sources.add(g.getSource() + "|" + e.getCode())).as("%s listed once", e.getCode()).isTrue();
                assertThat(e.getTarget()).as("targets of %s", e.getCode()).isNotEmpty();
                for (TargetElementComponent t : e.getTarget()) {
                    String status = t.getExtensionByUrl(FhirCodes.REVIEW_STATUS_EXTENSION).getValue().primitiveValue();
                    assertThat(status).isIn("verified", "to-verify");
                    if (status.equals("verified")) {
                        verified++;
                    } else {
                        toVerify++;
                    }
                }
            }
        }
        // Findings and regions all listed (plus three answers and the pain score).
        assertThat(sources).hasSize(Finding.values().length + BodyRegion.values().length + 3 + 1);
        assertThat(verified).isPositive();
        assertThat(toVerify).isPositive();
    }

    @Test
    void theMapIsVersionedAndItsUrlIsTheOneProvenanceNames() {
        assertThat(FHIR.conceptMapVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(FHIR.conceptMapUrl()).isEqualTo("https://mskrules.org/fhir/ConceptMap/msk-findings-to-snomed");
    }
}
