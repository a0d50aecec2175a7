package org.mskrules.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.mskrules.cdshooks.CdsHooksServer;
import org.mskrules.cdshooks.CdsHooksService;
import org.mskrules.cdshooks.CdsResponse;
import org.mskrules.fhir.FhirReferrals;
import org.mskrules.governance.Population;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Referral;

/**
 * Latency of the CDS Hooks service per hook under a bounded concurrent load, over real HTTP on
 * 127.0.0.1 (Javalin on Jetty, the JDK's HTTP client): a closed loop of {@code C} clients, each
 * sending its next request as soon as the last is answered, over 200 synthetic referrals
 * ({@link Population#syntheticCase}) with every prefetch key filled. Prints p50, p90, p99 and the
 * maximum per hook and concurrency, the throughput, and the in-process handler's own latency (no
 * HTTP) for comparison. Every answer must be 200 with at least one card, or the run fails.
 *
 * <p>Arguments: requests per measurement (default 2000), warm-up requests (default 4000),
 * concurrencies (default 1,4,16). A harness, not a JMH benchmark: the server and client threads
 * are the point. Not a test; run on demand (docs/performance.md).
 */
public final class CdsHooksLatency {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final long SEED = 20_261_207L;
    static final int REFERRALS = 200;
    static final ObjectMapper JSON = new ObjectMapper();

    private CdsHooksLatency() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int[] concurrencies = Arrays.stream((args.length > 2 ? args[2] : "1,4,16").split(",")).mapToInt(Integer::parseInt).toArray();

        MskRules rules = MskRules.builder().build();
        Clock clock = Clock.fixed(AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        CdsHooksService service = CdsHooksService.create(rules, clock);
        FhirReferrals fhir = FhirReferrals.create();
        List<String> sign = new ArrayList<>();
        List<String> select = new ArrayList<>();
        for (int i = 0; i < REFERRALS; i++) {
            Referral r = Population.syntheticCase(SEED, i, AS_OF).referral();
            sign.add(request(fhir, "order-sign", r));
            select.add(request(fhir, "order-select", r));
        }
        System.out.printf(Locale.ROOT, "cds-hooks-latency java=%s cpus=%d load=%.2f rules=%s %s requests=%d warmup=%d%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), MskRules.RULE_SET_ID,
                rules.version(), requests, warmup);

        // In-process: the transport-neutral handler alone, one thread.
        for (int i = 0; i < warmup; i++) {
            check(service.call(CdsHooksService.ORDER_SIGN_ID, sign.get(i % REFERRALS), "http://127.0.0.1"));
        }
        long[] inProcess = new long[requests];
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            check(service.call(CdsHooksService.ORDER_SIGN_ID, sign.get(i % REFERRALS), "http://127.0.0.1"));
            inProcess[i] = System.nanoTime() - t;
        }
        report("in-process order-sign", 1, inProcess, -1);

        try (CdsHooksServer server = CdsHooksServer.start(service, CdsHooksServer.DEFAULT_HOST, 0)) {
            String base = "http://127.0.0.1:" + server.port() + "/cds-services/";
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            run(client, base + CdsHooksService.ORDER_SIGN_ID, sign, warmup, 4);
            for (int c : concurrencies) {
                for (String hook : List.of("order-select", "order-sign")) {
                    boolean isSign = hook.equals("order-sign");
                    String url = base + (isSign ? CdsHooksService.ORDER_SIGN_ID : CdsHooksService.ORDER_SELECT_ID);
                    long start = System.nanoTime();
                    long[] ns = run(client, url, isSign ? sign : select, requests, c);
                    report("http " + hook, c, ns, System.nanoTime() - start);
                }
            }
        }
    }

    private static long[] run(HttpClient client, String url, List<String> bodies, int n, int concurrency) throws Exception {
        long[] ns = new long[n];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                clients.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build();
                        long t = System.nanoTime();
                        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                        ns[i] = System.nanoTime() - t;
                        check(new CdsResponse(r.statusCode(), r.body()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return ns;
    }

    private static void check(CdsResponse r) {
        try {
            JsonNode cards = JSON.readTree(r.json()).path("cards");
            if (r.status() != 200 || cards.size() == 0) {
                throw new IllegalStateException("answer " + r.status() + " with " + cards.size() + " cards: " + r.json());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void report(String what, int concurrency, long[] ns, long wallNs) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-22s c=%-3d n=%-6d p50=%7.2f ms p90=%7.2f ms p99=%7.2f ms max=%7.2f ms%s%n",
                what, concurrency, sorted.length, ms(pct(sorted, 50)), ms(pct(sorted, 90)), ms(pct(sorted, 99)),
                ms(sorted[sorted.length - 1]),
                wallNs < 0 ? "" : String.format(Locale.ROOT, " throughput=%.0f/s", sorted.length / (wallNs / 1e9)));
    }

    private static long pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long ns) {
        return ns / 1e6;
    }

    /** The request an EHR would send for {@code referral}: draft order in context, everything else prefetched. */
    static String request(FhirReferrals fhir, String hook, Referral referral) throws Exception {
        Bundle collection = fhir.toBundle(referral);
        Bundle drafts = searchset();
        Bundle conditions = searchset();
        Bundle observations = searchset();
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
            }
        }
        ObjectNode req = JSON.createObjectNode();
        req.put("hook", hook);
        req.put("hookInstance", "bench");
        ObjectNode context = req.putObject("context");
        context.put("userId", "Practitioner/bench");
        context.put("patientId", "patient");
        if (hook.equals("order-select")) {
            context.putArray("selections").add("ServiceRequest/referral");
        }
        context.set("draftOrders", JSON.readTree(fhir.toJson(drafts)));
        ObjectNode prefetch = req.putObject("prefetch");
        prefetch.set("patient", JSON.readTree(fhir.toJson(patient)));
        prefetch.set("conditions", JSON.readTree(fhir.toJson(conditions)));
        prefetch.set("observations", JSON.readTree(fhir.toJson(observations)));
        prefetch.set("questionnaireResponses", JSON.readTree(fhir.toJson(searchset())));
        return JSON.writeValueAsString(req);
    }

    private static Bundle searchset() {
        Bundle b = new Bundle();
        b.setType(Bundle.BundleType.SEARCHSET);
        return b;
    }
}
