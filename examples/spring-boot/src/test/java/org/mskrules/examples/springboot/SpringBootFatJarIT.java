package org.mskrules.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the library works inside a Spring Boot fat jar, where its jars are nested in
 * {@code BOOT-INF/lib} and loaded by Boot's class loader (the layout Drools has had trouble with,
 * DROOLS-7388). The executable jar is started as a user would, {@code java -jar}, on a free port;
 * it must log the rule set it loaded, and answer a referral over HTTP with the library's decision.
 */
class SpringBootFatJarIT {

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theFatJarLoadsTheRulesAtStartAndAnswersAReferral() throws Exception {
        Path jar = Path.of(System.getProperty("example.jar", "target/msk-rules-spring-boot-example.jar"));
        assertThat(jar).isRegularFile();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
                    .as("the library is nested in the fat jar, not unpacked")
                    .anyMatch(n -> n.matches("BOOT-INF/lib/rules-msk-.*\\.jar"))
                    .anyMatch(n -> n.matches("BOOT-INF/lib/rules-core-.*\\.jar"))
                    .noneMatch(n -> n.matches("BOOT-INF/lib/rules-msk-working-.*\\.jar"));
        }
        String referral = Files.readString(Path.of(System.getProperty("example.referral")));
        int port = freePort();
        Path log = Files.createTempFile("spring-boot-example", ".log");
        Process app = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI assess = URI.create("http://127.0.0.1:" + port + "/assess?asOf=2026-11-23");
            HttpResponse<String> answer = null;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (answer == null && System.nanoTime() < deadline) {
                assertThat(app.isAlive()).as("the application is running: %s", Files.readString(log)).isTrue();
                try {
                    answer = http.send(HttpRequest.newBuilder(assess).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(referral)).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                } catch (IOException notYetListening) {
                    Thread.sleep(500);
                }
            }
            assertThat(answer).as("an answer within 3 minutes: %s", Files.readString(log)).isNotNull();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"referralId\":\"EX-0001\"").contains("\"escalation\":\"EMERGENCY\"")
                    .contains("\"route\":\"RED_FLAG_PATHWAY\"").contains("\"version\":\"1.1.0\"");

            HttpResponse<String> invalid = http.send(HttpRequest.newBuilder(assess).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"referralId\":\"X\",\"ageYears\":470}")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.body()).contains("/ageYears").contains("OUT_OF_RANGE");

            HttpResponse<String> rules = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/rules")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(rules.body()).contains("\"version\":\"1.1.0\"").contains("\"decisions\":1");

            String output = Files.readString(log);
            // The start-up line of the library, through Boot's logging (Logback).
            assertThat(output).contains("Loaded rule set msk-referral 1.1.0 RELEASED effective 2026-12-14 sha256:c37a0d99");
            // No patient data from the referral in the application's log.
            assertThat(output).doesNotContain("EX-0001").doesNotContain("2026-11-20");
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }
}
