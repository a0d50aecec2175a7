package org.mskrules.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.Violation;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.Finding;
import org.mskrules.msk.Referral;

/**
 * FHIR R4 in and out for MSK referral decisions. Reads a Bundle (or the resources of a CDS Hooks
 * request) into a {@link Referral} through the reviewed ConceptMap {@code msk-findings-to-snomed},
 * and writes an {@link Assessment} as a GuidanceResponse, RequestGroup, Provenance and a
 * Questionnaire per open screen.
 *
 * <pre>{@code
 * FhirReferrals fhir = FhirReferrals.create();
 * FhirReading reading = fhir.readBundle(json);               // or InvalidInputException, every problem listed
 * Assessment a = rules.assess(reading.referral(), asOf);
 * FhirDecision d = fhir.decision(a, "Patient/123");
 * String out = fhir.toJson(d.toBundle());
 * }</pre>
 *
 * <p>Only the Patient's birth date (for the age on the referral date) and gender are read; no
 * identifier, name or address ever reaches the referral. Problems carry a FHIRPath-like location
 * ({@code Bundle.entry[1].resource.birthDate}) and a stable code; notes (conflicts resolved in the
 * safe direction, codes still to verify) come back with the referral.
 *
 * <p>Building one loads the HAPI R4 context and the ConceptMap (about a second); build one and share
 * it. Thread-safe.
 */
public final class FhirReferrals {
    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private final ConceptMapping map;
    private final ReferralReader reader;
    private final BundleWriter writer;
    private final DecisionWriter decisions;

    private FhirReferrals(ConceptMapping map) {
        this.map = map;
        this.reader = new ReferralReader(map);
        this.writer = new BundleWriter(map);
        this.decisions = new DecisionWriter(map);
    }

    /**
     * Loads the ConceptMap shipped with this module.
     *
     * @throws org.mskrules.core.RulesException if the map is missing or maps one code to two findings
     */
    public static FhirReferrals create() {
        return new FhirReferrals(ConceptMapping.load(CONTEXT));
    }

    /** The HAPI context for R4, shared; thread-safe. */
    public static FhirContext context() {
        return CONTEXT;
    }

    /** The version of the finding-to-code ConceptMap in use. */
    public String conceptMapVersion() {
        return map.version();
    }

    /** The canonical URL of the ConceptMap in use. */
    public String conceptMapUrl() {
        return map.url();
    }

    /** True if the ConceptMap lists {@code finding}, with a code or explicitly as unmatched. */
    public boolean maps(Finding finding) {
        return map.lists(finding);
    }

    /** True if the ConceptMap gives {@code region} at least one body-site code. */
    public boolean maps(BodyRegion region) {
        return !map.targets(region).isEmpty();
    }

    /**
     * The referral in a FHIR R4 Bundle (JSON) holding one Patient, one ServiceRequest and any
     * Conditions, Observations and QuestionnaireResponses.
     *
     * @throws InvalidInputException listing every problem: not JSON, not R4, not a Bundle, or
     *                               missing what the referral needs
     */
    public FhirReading readBundle(String json) {
        Objects.requireNonNull(json, "json");
        List<Violation> problems = new ArrayList<>();
        Resource parsed = StrictParser.parse(CONTEXT, json, "Bundle", problems);
        if (parsed == null) {
            throw new InvalidInputException(problems);
        }
        if (!(parsed instanceof Bundle bundle)) {
            throw new InvalidInputException(List.of(new Violation(parsed.fhirType(), "NOT_A_BUNDLE",
                    "expected a Bundle, found [" + parsed.fhirType() + "]")));
        }
        return read(new FhirRecord(entries(bundle, "Bundle"), Set.of()));
    }

    /** The resources of {@code bundle}, each located as {@code <location>.entry[i].resource}. */
    public static List<SourcedResource> entries(Bundle bundle, String location) {
        List<SourcedResource> out = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource r = bundle.getEntry().get(i).getResource();
            if (r != null) {
                out.add(new SourcedResource(r, location + ".entry[" + i + "].resource"));
            }
        }
        return out;
    }

    /**
     * The referral in {@code record}.
     *
     * @throws InvalidInputException listing every problem found
     */
    public FhirReading read(FhirRecord record) {
        return reader.read(Objects.requireNonNull(record, "record"));
    }

    /**
     * Parses one FHIR R4 resource strictly.
     *
     * @param location where the JSON came from, the start of every problem's location
     * @throws InvalidInputException if it is not JSON or not a valid R4 resource
     */
    public Resource parse(String json, String location) {
        List<Violation> problems = new ArrayList<>();
        Resource r = StrictParser.parse(CONTEXT, Objects.requireNonNull(json, "json"), location, problems);
        if (r == null) {
            throw new InvalidInputException(problems);
        }
        return r;
    }

    /** {@code referral} as a collection Bundle that {@link #readBundle} reads back as the same referral. */
    public Bundle toBundle(Referral referral) {
        return writer.write(Objects.requireNonNull(referral, "referral"));
    }

    /**
     * {@code assessment} as FHIR.
     *
     * @param patientReference the EHR's reference to the patient (e.g. {@code Patient/123}) to put on
     *                         the output resources, or {@code null}; it is the caller's, never read
     *                         into the referral
     */
    public FhirDecision decision(Assessment assessment, String patientReference) {
        return decisions.write(Objects.requireNonNull(assessment, "assessment"), patientReference);
    }

    /**
     * The Questionnaire for one screen asking {@code missing} (JSON Pointers as an
     * {@link org.mskrules.msk.IncompleteScreen} lists them), as {@link #decision} makes it; its id is
     * {@link #questionnaireId}.
     */
    public org.hl7.fhir.r4.model.Questionnaire questionnaire(org.mskrules.msk.Screen screen,
            java.util.Collection<String> missing, String ruleSetId, String version) {
        return Questionnaires.forScreen(screen, new java.util.LinkedHashSet<>(missing), writer, ruleSetId, version);
    }

    /** The id of the Questionnaire for {@code screen}, e.g. {@code msk-screen-cauda-equina}. */
    public static String questionnaireId(org.mskrules.msk.Screen screen) {
        return Questionnaires.id(screen);
    }

    /** Compact JSON of any resource. */
    public String toJson(IBaseResource resource) {
        return CONTEXT.newJsonParser().encodeResourceToString(resource);
    }

    /** Indented JSON of any resource, for examples and people. */
    public String toPrettyJson(IBaseResource resource) {
        return CONTEXT.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }
}
