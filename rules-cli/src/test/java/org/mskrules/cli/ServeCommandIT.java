package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mskrules.core.io.Json;

/**
 * {@code msk-rules serve} as the README starts it, from the executable jar in a process of its own
 * (on any free port): discovery answers, the saddle-numbness request of examples/fhir gets the cauda
 * equina emergency card first, and the process stops cleanly when terminated.
 */
class ServeCommandIT {
    static final Pattern STARTED = Pattern.compile("^msk-rules: CDS Hooks service on http://127\\.0\\.0\\.1:(\\d+)/cds-services.*");

    @Test
    void serveAnswersDiscoveryAndTheSaddleNumbnessRequest() throws Exception {
        Path jar = Path.of(System.getProperty("mskrules.jar", "target/msk-rules.jar")).toAbsolutePath();
        Path root = Path.of("..").toAbsolutePath().normalize();
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "serve", "--port", "0", "--as-of", "2026-11-23")).directory(root.toFile()).start();
        try {
            int port = -1;
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                Matcher m = STARTED.matcher(line);
                if (m.matches()) {
                    port = Integer.parseInt(m.group(1));
                    break;
                }
            }
            assertThat(port).as("the port serve printed").isPositive();
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> discovery = client.send(HttpRequest.newBuilder(URI.create(base + "/cds-services")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(discovery.body()).contains("\"id\":\"msk-referral-order-sign\"", "\"hook\":\"order-select\"");
            HttpResponse<String> cards = client.send(HttpRequest.newBuilder(URI.create(base + "/cds-services/msk-referral-order-sign"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(root.resolve("examples/fhir/cds-order-sign-back-pain-saddle-numbness.json")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(cards.statusCode()).isEqualTo(200);
            JsonNode first = Json.readTree(cards.body()).path("cards").get(0);
            assertThat(first.path("indicator").asText()).isEqualTo("critical");
            assertThat(first.path("source").path("topic").path("code").asText()).isEqualTo("RF-CES-001");
        } finally {
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("serve stopped on SIGTERM").isTrue();
        }
    }
}
