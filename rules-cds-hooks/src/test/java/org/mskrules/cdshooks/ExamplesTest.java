package org.mskrules.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mskrules.core.io.Json;
import org.mskrules.core.Violation;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Referral;

/**
 * The FHIR examples under {@code examples/fhir}: each Bundle reads as the same referral as the JSON
 * example it was written from, and the CDS Hooks request for the saddle-numbness example gets the
 * cauda equina emergency card. Run with {@code -Dmskrules.writeExamples=true} to rewrite the files
 * from the JSON examples (then read the diff before committing).
 */
class ExamplesTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final Path EXAMPLES = Path.of("../examples");
    static final Path FHIR_DIR = EXAMPLES.resolve("fhir");
    /** Example file (or JSON Lines line id) -> FHIR Bundle file name. */
    static final Map<String, String> BUNDLES = Map.of(
            "EX-0001", "referral-back-pain-saddle-numbness.bundle.json",
            "EX-0002", "referral-ankle-fracture-rehabilitation.bundle.json",
            "EX-0003", "referral-knee-self-management.bundle.json",
            "EX-0004", "referral-invalid-age-and-date.bundle.json");
    static final String CDS_REQUEST = "cds-order-sign-back-pain-saddle-numbness.json";

    static MskRules rules;

    @BeforeAll
    static void load() throws Exception {
        rules = MskRules.builder().build();
        if (Boolean.getBoolean("mskrules.writeExamples")) {
            Files.createDirectories(FHIR_DIR);
            for (Map.Entry<String, Referral> e : jsonExamples().entrySet()) {
                Files.writeString(FHIR_DIR.resolve(BUNDLES.get(e.getKey())),
                        CdsRequests.FHIR.toPrettyJson(CdsRequests.FHIR.toBundle(e.getValue())) + "\n");
            }
            Files.writeString(FHIR_DIR.resolve(CDS_REQUEST), CdsHooksService.json().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(CdsRequests.request("order-sign", jsonExamples().get("EX-0001"))) + "\n");
        }
    }

    /** The referrals of examples/referrals.jsonl by id, read without validation (EX-0004 is invalid on purpose). */
    static Map<String, Referral> jsonExamples() throws Exception {
        Map<String, Referral> out = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(EXAMPLES.resolve("referrals.jsonl"))) {
            if (!line.isBlank()) {
                Referral r = Json.readValue(line, Referral.class);
                out.put(r.referralId(), r);
            }
        }
        return out;
    }

    @Test
    void theJsonLinesExamplesAreTheSingleFileExamples() throws Exception {
        Map<String, Referral> all = jsonExamples();
        assertThat(Json.readValue(EXAMPLES.resolve("referral-back-pain-saddle-numbness.json"), Referral.class))
                .isEqualTo(all.get("EX-0001"));
        assertThat(Json.readValue(EXAMPLES.resolve("referral-ankle-fracture-rehabilitation.json"), Referral.class))
                .isEqualTo(all.get("EX-0002"));
    }

    @Test
    void everyExampleBundleReadsAsItsJsonReferral() throws Exception {
        Map<String, Referral> all = jsonExamples();
        assertThat(all.keySet()).containsExactlyInAnyOrderElementsOf(BUNDLES.keySet());
        for (Map.Entry<String, Referral> e : all.entrySet()) {
            String bundle = Files.readString(FHIR_DIR.resolve(BUNDLES.get(e.getKey())));
            assertThat(CdsRequests.FHIR.readBundle(bundle).referral()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void theInvalidExampleReadsButIsRefusedWithTheSameProblemsAsItsJson() throws Exception {
        String bundle = Files.readString(FHIR_DIR.resolve(BUNDLES.get("EX-0004")));
        List<Violation> problems = rules.validate(CdsRequests.FHIR.readBundle(bundle).referral(), AS_OF);
        assertThat(problems).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("/ageYears", "OUT_OF_RANGE"),
                org.assertj.core.groups.Tuple.tuple("/referralDate", "AFTER_AS_OF"));
    }

    @Test
    void theSaddleNumbnessRequestGetsTheCaudaEquinaEmergencyCardFirst() throws Exception {
        Clock clock = Clock.fixed(AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        CdsResponse r = CdsHooksService.create(rules, clock).call(CdsHooksService.ORDER_SIGN_ID,
                Files.readString(FHIR_DIR.resolve(CDS_REQUEST)), "http://127.0.0.1:8080");
        assertThat(r.status()).isEqualTo(200);
        JsonNode first = CdsHooksService.json().readTree(r.json()).path("cards").get(0);
        assertThat(first.path("indicator").asText()).isEqualTo("critical");
        assertThat(first.path("source").path("topic").path("code").asText()).isEqualTo("RF-CES-001");
    }
}
