package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mskrules.core.io.Json;
import org.mskrules.governance.SyntheticReferrals;

/**
 * Generated garbage through the command line, as an integration engine would send it on standard
 * input: valid referrals and waiting-list lines, mutated, truncated, spliced with random bytes,
 * invalid UTF-8 and blank lines, with LF or CRLF. Whatever comes in, the run ends with exit 0 or 1,
 * never an internal failure; every input record gets exactly one answer naming its line, in order;
 * and the summary's read = decided + rejected.
 */
class CliGarbageProperties {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final long SEED = 0x6A5BA6EL;
    private static final Pattern SUMMARY = Pattern.compile("read (\\d+), decided (\\d+), rejected (\\d+)");

    @Test
    void everyLineOfGarbledReferralInputIsAnsweredOnceInOrder() {
        qt().withExamples(30).withShrinkCycles(0).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int n = random.nextInt(1, 25);
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            for (int i = 0; i < n; i++) {
                in.writeBytes(garbled(random, referral(random)));
                in.writeBytes(random.nextBoolean() ? new byte[] {'\n'} : new byte[] {'\r', '\n'});
            }
            Cli.Result r = Cli.withInput(in.toByteArray(), "assess", "-", "--as-of", AS_OF.toString());
            assertThat(r.exit()).as("stderr: %s", r.err()).isIn(MskRulesCli.DECIDED, MskRulesCli.REJECTED);
            List<String> lines = r.lines();
            assertThat(lines).hasSize(n);
            int decided = 0;
            for (int i = 0; i < n; i++) {
                JsonNode out = parse(lines.get(i));
                assertThat(out.get("line").asLong()).isEqualTo(i + 1);
                assertThat(out.has("decision") ^ out.has("error")).isTrue();
                decided += out.has("decision") ? 1 : 0;
            }
            assertSummary(r.err(), n, decided);
        });
    }

    @Test
    void everyEntryOfAGarbledWaitingListIsAnsweredOnceInOrder() {
        qt().withExamples(30).withShrinkCycles(0).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int n = random.nextInt(1, 25);
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            int blank = 0;
            for (int i = 0; i < n; i++) {
                byte[] line = garbled(random, entry(random));
                if (new String(line, StandardCharsets.UTF_8).isBlank()) {
                    blank++;
                }
                in.writeBytes(line);
                in.writeBytes(random.nextBoolean() ? new byte[] {'\n'} : new byte[] {'\r', '\n'});
            }
            Cli.Result r = Cli.withInput(in.toByteArray(), "waitlist", "-", "--format", "jsonl", "--jsonl",
                    "--as-of", "2023-11-20");
            assertThat(r.exit()).as("stderr: %s", r.err()).isIn(MskRulesCli.DECIDED, MskRulesCli.REJECTED);
            List<String> lines = r.lines();
            assertThat(lines).hasSize(n - blank);
            long previous = 0;
            int decided = 0;
            for (String l : lines) {
                JsonNode out = parse(l);
                assertThat(out.get("line").asLong()).isGreaterThan(previous);
                previous = out.get("line").asLong();
                assertThat(out.has("decision") ^ out.has("error")).isTrue();
                decided += out.has("decision") ? 1 : 0;
            }
            assertSummary(r.err(), n - blank, decided);
        });
    }

    private static void assertSummary(String err, int read, int decided) {
        Matcher m = SUMMARY.matcher(err);
        assertThat(m.find()).as("summary on stderr: %s", err).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(read);
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(decided);
        assertThat(Integer.parseInt(m.group(3))).isEqualTo(read - decided);
    }

    private static String referral(SplittableRandom random) {
        try {
            return Json.writeValueAsString(SyntheticReferrals.referral((min, max) -> random.nextInt(min, max + 1), AS_OF));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String entry(SplittableRandom random) {
        return "{\"entryId\":\"E" + random.nextInt(40) + "\",\"category\":\"" + (random.nextBoolean() ? "PRIORITY" : "NON_PRIORITY")
                + "\",\"received\":\"" + LocalDate.of(2023, 11, 20).minusDays(random.nextInt(400)) + "\"}";
    }

    /** The line as is, or spoiled: cut short, a character changed, random bytes spliced in, made blank. */
    private static byte[] garbled(SplittableRandom random, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(7)) {
            case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 1 -> {
                bytes[random.nextInt(bytes.length)] = notALineEnd(random);
                yield bytes;
            }
            case 2 -> {
                byte[] noise = new byte[random.nextInt(1, 40)];
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = notALineEnd(random);
                }
                yield noise;
            }
            case 3 -> "  ".getBytes(StandardCharsets.UTF_8);
            default -> bytes;
        };
    }

    /** Any byte but a line end, which would make two lines of one. */
    private static byte notALineEnd(SplittableRandom random) {
        byte b;
        do {
            b = (byte) random.nextInt(256);
        } while (b == '\n' || b == '\r');
        return b;
    }

    private static JsonNode parse(String line) {
        try {
            return Json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("output line is not JSON: " + line, e);
        }
    }
}
