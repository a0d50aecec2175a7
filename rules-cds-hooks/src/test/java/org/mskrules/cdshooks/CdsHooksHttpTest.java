package org.mskrules.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.Finding;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ReferralJson;
import org.mskrules.msk.Sex;

/** The service over real HTTP on 127.0.0.1, any free port, with the JDK's HTTP client. */
class CdsHooksHttpTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static CdsHooksServer server;
    static HttpClient client;
    static String base;

    @BeforeAll
    static void start() {
        MskRules rules = MskRules.builder().build();
        Clock clock = Clock.fixed(AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        server = CdsHooksServer.start(CdsHooksService.create(rules, clock), CdsHooksServer.DEFAULT_HOST, 0);
        base = "http://127.0.0.1:" + server.port();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Answer(int status, JsonNode body) {
        List<String> summaries() {
            List<String> out = new ArrayList<>();
            body.path("cards").forEach(c -> out.add(c.path("summary").asText()));
            return out;
        }

        List<String> indicators() {
            List<String> out = new ArrayList<>();
            body.path("cards").forEach(c -> out.add(c.path("indicator").asText()));
            return out;
        }
    }

    static Answer get(String path) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), CdsHooksService.json().readTree(r.body()));
    }

    static Answer post(String service, String body) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/cds-services/" + service))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return new Answer(r.statusCode(), CdsHooksService.json().readTree(r.body()));
    }

    static Referral saddle() throws Exception {
        return ReferralJson.read(Files.readString(Path.of("../examples/referral-back-pain-saddle-numbness.json")), AS_OF);
    }

    @Test
    void discoveryListsBothHooksWithTheirPrefetchTemplates() throws Exception {
        Answer a = get("/cds-services");
        assertThat(a.status()).isEqualTo(200);
        List<String> hooks = new ArrayList<>();
        a.body().path("services").forEach(s -> {
            hooks.add(s.path("hook").asText() + " " + s.path("id").asText());
            assertThat(s.path("prefetch").path("patient").asText()).isEqualTo("Patient/{{context.patientId}}");
            assertThat(s.path("prefetch").has("conditions")).isTrue();
        });
        assertThat(hooks).containsExactly("order-select msk-referral-order-select", "order-sign msk-referral-order-sign");
    }

    @Nested
    class Hooks {
        @Test
        void orderSignOnSaddleNumbnessGivesACriticalCaudaEquinaCardFirst() throws Exception {
            Answer a = post(CdsHooksService.ORDER_SIGN_ID, CdsRequests.request("order-sign", saddle()).toString());
            assertThat(a.status()).isEqualTo(200);
            JsonNode first = a.body().path("cards").get(0);
            assertThat(first.path("indicator").asText()).isEqualTo("critical");
            assertThat(first.path("source").path("topic").path("code").asText()).isEqualTo("RF-CES-001");
            assertThat(first.path("uuid").asText()).isEqualTo(Cards.uuid("RF-CES-001"));
            // The cauda equina screen is open (bilateral deficit, sexual dysfunction not recorded), so a
            // screen card links its Questionnaire, and the route is the red-flag pathway to the ED.
            assertThat(a.summaries()).anySatisfy(s -> assertThat(s).startsWith("Complete").contains("Cauda equina"));
            assertThat(a.summaries()).anySatisfy(s -> assertThat(s).startsWith("Route: Red flag pathway - Emergency department"));
            JsonNode route = find(a, "Route:");
            assertThat(route.path("suggestions").get(0).path("actions").get(0).path("type").asText()).isEqualTo("update");
            assertThat(route.path("suggestions").get(0).path("actions").get(0).path("resource").path("priority").asText()).isEqualTo("stat");
            assertThat(route.path("suggestions").get(1).path("actions").get(0).path("type").asText()).isEqualTo("create");
        }

        @Test
        void theScreenCardLinksAQuestionnaireThatTheServiceServes() throws Exception {
            Answer a = post(CdsHooksService.ORDER_SIGN_ID, CdsRequests.request("order-sign", saddle()).toString());
            String url = find(a, "Complete").path("links").get(0).path("url").asText();
            assertThat(url).startsWith(base + "/fhir/Questionnaire/msk-screen-cauda-equina?item=");
            Answer q = get(url.substring(base.length()));
            assertThat(q.status()).isEqualTo(200);
            assertThat(q.body().path("resourceType").asText()).isEqualTo("Questionnaire");
            List<String> linkIds = new ArrayList<>();
            q.body().path("item").forEach(i -> linkIds.add(i.path("linkId").asText()));
            assertThat(linkIds).contains("BILATERAL_LEG_NEUROLOGICAL_DEFICIT").doesNotContain("SADDLE_ANAESTHESIA");
        }

        @Test
        void orderSelectDecidesTheSelectedDraftAndCardIdsAreStableAcrossCalls() throws Exception {
            String body = CdsRequests.request("order-select", saddle()).toString();
            Answer one = post(CdsHooksService.ORDER_SELECT_ID, body);
            Answer two = post(CdsHooksService.ORDER_SELECT_ID, body);
            assertThat(one.status()).isEqualTo(200);
            List<String> ids1 = new ArrayList<>();
            List<String> ids2 = new ArrayList<>();
            one.body().path("cards").forEach(c -> ids1.add(c.path("uuid").asText()));
            two.body().path("cards").forEach(c -> ids2.add(c.path("uuid").asText()));
            assertThat(ids1).isNotEmpty().isEqualTo(ids2);
            assertThat(one.indicators().get(0)).isEqualTo("critical");
        }

        @Test
        void aCompleteLowRiskKneeIsOneInfoRouteCardWithoutRedFlags() throws Exception {
            Referral knee = Referral.builder().ageYears(30).sex(Sex.FEMALE).referralDate(AS_OF.minusDays(3))
                    .region(BodyRegion.KNEE).painScore(3).absent(Finding.values()).build();
            Answer a = post(CdsHooksService.ORDER_SIGN_ID, CdsRequests.request("order-sign", knee).toString());
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.indicators()).doesNotContain("critical", "warning");
            assertThat(a.summaries()).anySatisfy(s -> assertThat(s).startsWith("Route:"));
            assertThat(a.summaries()).noneSatisfy(s -> assertThat(s).startsWith("Complete"));
        }

        @Test
        void aMissingConditionsPrefetchIsNotedAndTheFindingsItHeldAreNotRecorded() throws Exception {
            ObjectNode req = CdsRequests.request("order-sign", saddle());
            ((ObjectNode) req.get("prefetch")).remove("conditions");
            Answer a = post(CdsHooksService.ORDER_SIGN_ID, req.toString());
            assertThat(a.status()).isEqualTo(200);
            // Saddle anaesthesia and leg pain were Conditions: without them neither is recorded, so no
            // cauda equina flag can be raised (and, without leg symptoms, its screen is not required);
            // the reading card says the conditions were not sent.
            assertThat(a.indicators()).doesNotContain("critical");
            assertThat(a.summaries()).noneSatisfy(s -> assertThat(s).startsWith("Route: Red flag pathway"));
            assertThat(find(a, "How the record was read").path("detail").asText()).contains("MISSING_PREFETCH", "prefetch.conditions");
        }

        @Test
        void aDraftWithoutAuthoredOnIsDatedTodayAndSaysSo() throws Exception {
            ObjectNode req = CdsRequests.request("order-sign", saddle());
            ((ObjectNode) req.at("/context/draftOrders/entry/0/resource")).remove("authoredOn");
            Answer a = post(CdsHooksService.ORDER_SIGN_ID, req.toString());
            assertThat(a.status()).isEqualTo(200);
            assertThat(find(a, "How the record was read").path("detail").asText()).contains("REFERRAL_DATE_TODAY", AS_OF.toString());
        }
    }

    @Nested
    class BadRequests {
        @Test
        void malformedJsonIs400WithAProblemAndAWarningCard() throws Exception {
            Answer a = post(CdsHooksService.ORDER_SIGN_ID, "{\"hook\": \"order-sign\", ");
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body().path("problems").get(0).path("code").asText()).isEqualTo("MALFORMED_JSON");
            assertThat(a.indicators()).containsExactly("warning");
            assertThat(a.body().toString()).doesNotContain("\tat ", "Exception:");
        }

        @Test
        void missingContextIs400NamingIt() throws Exception {
            ObjectNode req = CdsRequests.request("order-sign", saddle());
            req.remove("context");
            Answer a = post(CdsHooksService.ORDER_SIGN_ID, req.toString());
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body().path("problems").get(0).path("path").asText()).isEqualTo("/context");
            assertThat(a.body().path("problems").get(0).path("code").asText()).isEqualTo("REQUIRED");
        }

        @Test
        void theWrongHookForTheServiceIs400() throws Exception {
            Answer a = post(CdsHooksService.ORDER_SIGN_ID, CdsRequests.request("order-select", saddle()).toString());
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body().path("problems").get(0).path("code").asText()).isEqualTo("WRONG_HOOK");
        }

        @Test
        void anUnknownServiceIs404() throws Exception {
            Answer a = post("patient-view-everything", CdsRequests.request("order-sign", saddle()).toString());
            assertThat(a.status()).isEqualTo(404);
            assertThat(a.body().path("error").asText()).isEqualTo("UNKNOWN_SERVICE");
        }

        @Test
        void withoutThePatientPrefetchIs412() throws Exception {
            ObjectNode req = CdsRequests.request("order-sign", saddle());
            ((ObjectNode) req.get("prefetch")).putNull("patient");
            Answer a = post(CdsHooksService.ORDER_SIGN_ID, req.toString());
            assertThat(a.status()).isEqualTo(412);
            assertThat(a.indicators()).containsExactly("warning");
        }

        @Test
        void invalidFhirInThePrefetchIsAWarningCardWithTheLocationNotAnEmptyAnswer() throws Exception {
            ObjectNode req = CdsRequests.request("order-sign", saddle());
            ((ObjectNode) req.at("/prefetch/patient")).put("birthDate", "20-11-1979");
            Answer a = post(CdsHooksService.ORDER_SIGN_ID, req.toString());
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body().path("cards")).hasSize(1);
            JsonNode card = a.body().path("cards").get(0);
            assertThat(card.path("indicator").asText()).isEqualTo("warning");
            assertThat(card.path("summary").asText()).startsWith("MSK rules made no decision");
            assertThat(card.path("detail").asText()).contains("prefetch.patient");
        }

        @Test
        void aPrefetchedPatientOtherThanTheContextsIsNotDecided() throws Exception {
            ObjectNode req = CdsRequests.request("order-sign", saddle());
            ((ObjectNode) req.get("context")).put("patientId", "someone-else");
            Answer a = post(CdsHooksService.ORDER_SIGN_ID, req.toString());
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.summaries()).hasSize(1).allSatisfy(s -> assertThat(s).startsWith("MSK rules made no decision"));
            assertThat(a.body().path("cards").get(0).path("detail").asText()).contains("prefetch.patient.id", "OTHER_PATIENT");
        }

        @Test
        void aRecordOfAnotherPatientIsNotDecided() throws Exception {
            ObjectNode req = CdsRequests.request("order-sign", saddle());
            ((ObjectNode) req.at("/prefetch/conditions/entry/0/resource/subject")).put("reference", "Patient/someone-else");
            Answer a = post(CdsHooksService.ORDER_SIGN_ID, req.toString());
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.summaries()).containsExactly("MSK rules made no decision: 1 problem with the request");
            assertThat(a.body().path("cards").get(0).path("detail").asText()).contains("OTHER_PATIENT");
        }
    }

    static JsonNode find(Answer a, String summaryPrefix) {
        for (JsonNode c : a.body().path("cards")) {
            if (c.path("summary").asText().startsWith(summaryPrefix)) {
                return c;
            }
        }
        throw new AssertionError("no card starting [" + summaryPrefix + "] in " + a.summaries());
    }
}
