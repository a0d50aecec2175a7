package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.io.Json;

/**
 * The executable jar as a user runs it: {@code java -jar rules-cli/target/msk-rules.jar} in a process
 * of its own, from the repository root, on the shipped examples, for every command, and through the
 * launcher {@code bin/msk-rules}. Proves that the shaded jar finds the rule sets and Drools' parts
 * (merged service files, the kjar's model) outside Maven's class path. Run by failsafe in
 * {@code mvn verify}, after {@code package}.
 */
class ExecutableJarIT {
    static Path root;
    static Path jar;

    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    @BeforeAll
    static void locate() {
        jar = Path.of(System.getProperty("mskrules.jar", "target/msk-rules.jar")).toAbsolutePath();
        root = Path.of("..").toAbsolutePath().normalize();
        assertThat(jar).as("the executable jar; built by mvn package").isRegularFile();
        assertThat(root.resolve("examples")).isDirectory();
    }

    static Run run(byte[] stdin, List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile("msk-rules-out", ".txt");
        Path err = Files.createTempFile("msk-rules-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin);
        p.getOutputStream().close();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    static Run jar(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        return run(stdin, command, Map.of());
    }

    static Run jar(String... args) throws IOException, InterruptedException {
        return jar(new byte[0], args);
    }

    /** Nothing on standard error but what the command says: no log lines below WARN. */
    static void quiet(Run r) {
        assertThat(r.err()).doesNotContain(" INFO ").doesNotContain("[main] INFO").doesNotContain("DEBUG");
    }

    @Test
    void theJarHoldsTheKjarsReleaseIdAloneAndMergedServiceFiles() throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            // The KIE container reads the first pom.properties as the kjar's release id.
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith("pom.properties")))
                    .containsExactly("META-INF/maven/org.mskrules/rules-msk/pom.properties");
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".SF")
                    || n.endsWith(".RSA") || n.endsWith(".DSA"))).isEmpty();
            String suppliers = new String(zip.getInputStream(zip.getEntry(
                    "META-INF/services/org.drools.wiring.api.ComponentsSupplier")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(suppliers).contains("DynamicComponentsSupplier").contains("StaticComponentsSupplier");
            assertThat(zip.getEntry("META-INF/kmodule.xml")).isNotNull();
            assertThat(zip.getEntry("META-INF/kie/org.mskrules/rules-msk/drools-model")).isNotNull();
        }
        try (java.util.jar.JarFile jarFile = new java.util.jar.JarFile(jar.toFile())) {
            assertThat(jarFile.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("org.mskrules.cli.MskRulesCli");
        }
    }

    /** Issue 15, failure 1: a full device ends the run with exit 4 and says so; no summary claims the lines. */
    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void aFullDeviceAsStandardOutputEndsTheRunWithTheOutputFailureCode() throws Exception {
        String line = Files.readAllLines(root.resolve("examples/referrals.jsonl")).get(0) + "\n";
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "assess", "-", "--as-of", "2026-11-23").directory(root.toFile())
                .redirectOutput(new java.io.File("/dev/full"));
        Process p = pb.start();
        // Fed on its own thread: the run stops at its first failed write, before it has read all of this.
        Thread feeder = new Thread(() -> {
            try (java.io.OutputStream in = p.getOutputStream()) {
                in.write(line.repeat(2_000).getBytes(StandardCharsets.UTF_8));
            } catch (IOException stopped) {
                // the process has ended and closed its input: expected
            }
        });
        feeder.setDaemon(true);
        feeder.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(MskRulesCli.OUTPUT_FAILED);
        assertThat(err).contains("output failed (No space left on device)").doesNotContain("decided 2000");
    }

    /**
     * Issue 15, failure 2: {@code | head -1}. Once the reader of standard output has gone, the next
     * write fails and the run stops promptly with exit 4, though most of the input is still unread.
     */
    @Test
    void aClosedPipeStopsABatchPromptlyWithTheOutputFailureCode() throws Exception {
        String line = Files.readAllLines(root.resolve("examples/referrals.jsonl")).get(0) + "\n";
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "assess", "-", "--as-of", "2026-11-23").directory(root.toFile());
        Process p = pb.start();
        // Far more input than a run could assess in the time allowed below, fed as the process reads it.
        Thread feeder = new Thread(() -> {
            byte[] chunk = line.repeat(1_000).getBytes(StandardCharsets.UTF_8);
            try (java.io.OutputStream in = p.getOutputStream()) {
                for (int i = 0; i < 1_000; i++) {
                    in.write(chunk);
                }
            } catch (IOException stopped) {
                // the process has ended and closed its input: expected
            }
        });
        feeder.setDaemon(true);
        feeder.start();
        java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).startsWith("{\"line\":1,");
        long closed = System.nanoTime();
        p.getInputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped after its output closed").isTrue();
        double seconds = (System.nanoTime() - closed) / 1e9;
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(MskRulesCli.OUTPUT_FAILED);
        assertThat(err).contains("output failed").doesNotContain("read 1000000");
        System.out.printf("closed pipe: stopped %.2f s after standard output was closed%n", seconds);
    }

    @Test
    void helpAndVersion() throws Exception {
        Run help = jar("--help");
        assertThat(help.exit()).isEqualTo(0);
        assertThat(help.out()).contains("Usage: msk-rules").contains("Exit codes:").contains("msk-rules validate");
        Run version = jar("--version");
        assertThat(version.exit()).isEqualTo(0);
        assertThat(version.out()).startsWith("msk-rules ")
                .containsPattern("msk-referral +1\\.0\\.0 +RELEASED +effective 2026-11-02 +sha256:6b10ad93")
                .containsPattern("msk-referral +1\\.1\\.0 +RELEASED +effective 2026-12-14 +sha256:c37a0d99")
                .containsPattern("msk-waiting-list +1\\.0\\.0 +RELEASED +effective 2023-04-01 +sha256:dbd227dd")
                // Issue 20, HAZ-004: the release jar carries no WORKING version (ADR 0012).
                .doesNotContain("WORKING");
        quiet(version);
    }

    /**
     * Issue 20, ADR 0012: WORKING versions only through the explicit opt-in, msk-rules-working.jar
     * beside msk-rules.jar (the launcher's --working-versions); the release jar refuses them by name.
     */
    @Test
    void workingVersionsOnlyThroughTheOptInJar() throws Exception {
        Path working = Path.of(System.getProperty("mskrules.working.jar", "target/msk-rules-working.jar")).toAbsolutePath();
        assertThat(working).isRegularFile().hasParent(jar.getParent());
        Run refused = jar("assess", "examples/referral-knee-surgical-opinion.json", "--as-of", "2026-12-21",
                "--rules-version", "2.0.0");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("2.0.0").doesNotContain("\tat ");
        Run version = run(new byte[0], List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", working.toString(), "--version"), Map.of());
        assertThat(version.exit()).isEqualTo(0);
        assertThat(version.out())
                .containsPattern("msk-referral +1\\.1\\.0 +RELEASED +effective 2026-12-14 +sha256:c37a0d99")
                .containsPattern("msk-referral +2\\.0\\.0 +WORKING +not for clinical use +sha256:")
                .containsPattern("msk-waiting-list +1\\.1\\.0 +WORKING +not for clinical use +sha256:");
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS", "-Xmx512m");
        Run stage = run(new byte[0], List.of("sh", "bin/msk-rules", "--working-versions", "assess",
                "examples/referral-knee-surgical-opinion.json", "--as-of", "2026-12-21", "--rules-version", "2.0.0",
                "--stage", "FIRST_CONTACT"), env);
        assertThat(stage.exit()).as(stage.err()).isEqualTo(0);
        assertThat(stage.out()).contains("msk-referral 2.0.0").contains("not for clinical use");
    }

    @Test
    void assessOneReferralAsTheReadmeRunsIt() throws Exception {
        Run r = jar("assess", "examples/referral-ankle-fracture-rehabilitation.json", "--as-of", "2026-11-23",
                "--profile", "examples/service-profile-east-lancashire.json");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("Rule set:    msk-referral 1.0.0, in force on 2026-11-23")
                .contains("Priority:    PRIORITY (derived PRIORITY); waiting-time threshold 14 days (rule PRI-CAT-001)")
                .contains("Route:       COMMUNITY_MSK_THERAPY").contains("Seen within 5 days")
                .contains("rule set msk-referral 1.0.0 (sha256:6b10ad93");
        quiet(r);
        Run emergency = jar("assess", "examples/referral-back-pain-saddle-numbness.json", "--as-of", "2026-11-23",
                "--json");
        assertThat(emergency.exit()).isEqualTo(0);
        assertThat(Json.readTree(emergency.out()).get("escalation").asText()).isEqualTo("EMERGENCY");
    }

    @Test
    void assessJsonLinesFromAFileAndFromStandardInput() throws Exception {
        byte[] referrals = Files.readAllBytes(root.resolve("examples/referrals.jsonl"));
        for (Run r : List.of(jar("assess", "examples/referrals.jsonl", "--as-of", "2026-11-23"),
                jar(referrals, "assess", "-", "--as-of", "2026-11-23"))) {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.lines()).hasSize(4);
            for (int i = 0; i < 4; i++) {
                JsonNode node = Json.readTree(r.lines().get(i));
                assertThat(node.get("line").asInt()).isEqualTo(i + 1);
                assertThat(node.has(i < 3 ? "decision" : "error")).isTrue();
            }
            assertThat(r.err()).contains("read 4, decided 3, rejected 1");
            quiet(r);
        }
    }

    @Test
    void waitlistInEachFormatAndOutput() throws Exception {
        Run text = jar("waitlist", "examples/waiting-list.csv", "--as-of", "2023-11-20");
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("Entries:      28 in = 23 reviewed (21 waiting, 2 seen) + 5 rejected")
                .contains("Recovery plan: REQUIRED");
        assertThat(text.err()).contains("read 28, decided 23, rejected 5; 1 blank line skipped");
        Run lines = jar("waitlist", "examples/waiting-list.jsonl", "--as-of", "2023-11-20", "--jsonl");
        assertThat(lines.exit()).isEqualTo(0);
        assertThat(lines.lines()).hasSize(5).allMatch(l -> l.contains("\"decision\""));
        Run stdin = jar(Files.readAllBytes(root.resolve("examples/waiting-list.csv")), "waitlist", "-", "--format", "csv",
                "--as-of", "2023-11-20", "--json");
        assertThat(stdin.exit()).isEqualTo(1);
        assertThat(Json.readTree(stdin.out()).get("summary").get("entriesIn").asInt()).isEqualTo(28);
        quiet(stdin);
    }

    @Test
    void diffCatalogueAndValidate() throws Exception {
        Run diff = jar("diff", "--from", "1.0.0", "--to", "1.1.0", "--size", "300");
        assertThat(diff.exit()).isEqualTo(0);
        assertThat(diff.out()).startsWith("# Impact of msk-referral 1.0.0");
        assertThat(diff.err()).contains("300 cases: 300 compared");
        Run catalogue = jar("catalogue", "--rules-version", "1.0.0");
        assertThat(catalogue.exit()).isEqualTo(0);
        assertThat(catalogue.out()).isEqualTo(Files.readString(root.resolve("docs/rules/msk-referral-1.0.0.md"))
                .replace("\r\n", "\n"));
        Run valid = jar("validate", "examples/referral-back-pain-saddle-numbness.json", "examples/waiting-list.jsonl",
                "--kind", "referral", "--as-of", "2026-11-23");
        assertThat(valid.exit()).isEqualTo(1);
        Run ok = jar("validate", "examples/service-profile-east-lancashire.json", "--kind", "profile");
        assertThat(ok.exit()).isEqualTo(0);
        assertThat(ok.out()).contains("service-profile-east-lancashire.json: OK");
        Run list = jar("validate", "examples/waiting-list.csv", "--as-of", "2023-11-20");
        assertThat(list.exit()).isEqualTo(1);
        assertThat(list.out()).contains("DUPLICATE_ENTRY_ID");
    }

    @Test
    void usageErrorsExitTwoWithoutAStackTrace() throws Exception {
        for (Run r : List.of(jar("assess"), jar("frobnicate"), jar("assess", "examples/referrals.jsonl", "--as-of", "2026-11-01"),
                jar("assess", "examples/no-such.json"), jar("waitlist", "examples/waiting-list.csv", "--rules-version", "9.0.0"))) {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).isNotBlank().doesNotContain("\tat ");
            assertThat(r.out()).isEmpty();
        }
    }

    /**
     * Issue 20: on Java 25 or newer the launcher makes an AOT cache on first use (the training run's
     * output never reaches the user), uses it afterwards with the same output, and replaces it when the
     * jar changes. Needs the machine's second JDK, Temurin 25 (mskrules.java25 names another).
     */
    @Test
    void theLauncherMakesUsesAndRenewsAnAotCacheOnJava25(@TempDir Path dir) throws Exception {
        Path java25 = Path.of(System.getProperty("mskrules.java25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        assertThat(java25.resolve("bin/java")).as("a Java 25 JDK (set -Dmskrules.java25=JDK)").isRegularFile();
        startUpCacheIsMadeUsedAndRenewed(dir, java25, "msk-rules-java25-", ".aot");
    }

    /**
     * On the Java that runs the build (17, the baseline) the launcher makes a dynamic class-data-sharing
     * archive the same way, with the same output.
     */
    @Test
    void theLauncherMakesUsesAndRenewsAClassDataSharingArchiveOnJava17(@TempDir Path dir) throws Exception {
        assertThat(Runtime.version().feature()).as("the build's Java").isBetween(13, 24);
        startUpCacheIsMadeUsedAndRenewed(dir, Path.of(System.getProperty("java.home")),
                "msk-rules-java" + Runtime.version().feature() + "-", ".jsa");
    }

    private void startUpCacheIsMadeUsedAndRenewed(Path dir, Path javaHome, String prefix, String ext) throws Exception {
        // An installed copy: the launcher and the jar side by side, and a cache directory of its own.
        Path install = dir.resolve("install");
        Files.createDirectories(install);
        Files.copy(root.resolve("bin/msk-rules"), install.resolve("msk-rules"));
        Files.copy(jar, install.resolve("msk-rules.jar"));
        Path cache = dir.resolve("aot");
        Map<String, String> env = Map.of("JAVA_HOME", javaHome.toString(), "MSK_RULES_AOT_DIR", cache.toString());
        List<String> assess = List.of("sh", install.resolve("msk-rules").toString(), "assess",
                "examples/referral-ankle-fracture-rehabilitation.json", "--as-of", "2026-11-23");
        Run expected = jar("assess", "examples/referral-ankle-fracture-rehabilitation.json", "--as-of", "2026-11-23");

        Run first = run(new byte[0], assess, env);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo(expected.out());
        assertThat(first.err()).doesNotContain("aot").doesNotContain("cds").doesNotContain("WARNING")
                .doesNotContain("AOT-TRAINING");
        List<Path> made = aotFiles(cache);
        assertThat(made).hasSize(1);
        assertThat(made.get(0).getFileName().toString()).startsWith(prefix).endsWith(ext);
        long madeAt = Files.getLastModifiedTime(made.get(0)).toMillis();

        Run second = run(new byte[0], assess, env);
        assertThat(second.exit()).isZero();
        assertThat(second.out()).isEqualTo(expected.out());
        assertThat(second.err()).doesNotContain("aot").doesNotContain("cds").doesNotContain("WARNING");
        assertThat(aotFiles(cache)).containsExactly(made.get(0));
        assertThat(Files.getLastModifiedTime(made.get(0)).toMillis()).as("used, not made again").isEqualTo(madeAt);

        // A rebuilt jar (another modification time): the stale cache is replaced.
        Files.setLastModifiedTime(install.resolve("msk-rules.jar"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Run third = run(new byte[0], assess, env);
        assertThat(third.exit()).isZero();
        assertThat(third.out()).isEqualTo(expected.out());
        List<Path> renewed = aotFiles(cache);
        assertThat(renewed).hasSize(1).doesNotContain(made.get(0));
    }

    static List<Path> aotFiles(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".aot")
                    || p.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }

    @Test
    void theLauncherRunsTheJarAndSaysSoWhenItIsNotBuilt(@TempDir Path dir) throws Exception {
        Path launcher = root.resolve("bin/msk-rules");
        assertThat(Files.isExecutable(launcher)).as("bin/msk-rules is executable").isTrue();
        // JAVA_OPTS reaches java. (--version hashes every rule-set version without loading its rules
        // since issue 20, so it no longer needs the larger heap.)
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS", "-Xmx512m");
        Run version = run(new byte[0], List.of(launcher.toString(), "--version"), env);
        assertThat(version.exit()).isEqualTo(0);
        assertThat(version.out()).startsWith("msk-rules ");
        Run assess = run(new byte[0], List.of("sh", "bin/msk-rules", "assess", "examples/referrals.jsonl", "--as-of",
                "2026-11-23"), env);
        assertThat(assess.exit()).isEqualTo(1);
        assertThat(assess.lines()).hasSize(4);
        // A copy of the script with no jar beside it and no build to find.
        Path alone = dir.resolve("bin/msk-rules");
        Files.createDirectories(alone.getParent());
        Files.copy(launcher, alone);
        Run missing = run(new byte[0], List.of("sh", alone.toString(), "--version"), env);
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("msk-rules.jar").contains("mvn -B -q -DskipTests package");
    }
}
