package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.Violation;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.ReferralJson;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.waitinglist.EntryFormat;
import org.mskrules.msk.waitinglist.EntryOutcome;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * Issue 15's fuzzing harness: raw bytes, mutated from a seed corpus (the command line's bad-input
 * corpus and the examples), fed to the four readers: the JSON referral reader, the service-profile
 * reader, and the CSV and JSON Lines waiting-list readers. A reader may refuse its input only with
 * the library's own exception and documented codes; every message quotes at most a short excerpt;
 * and for a list, every entry is reviewed or rejected once, in input order, never more entries than
 * lines. Mutations splice in the bytes that broke readers before: lone CR, NUL, a byte order mark,
 * quotes, line separators, invalid UTF-8, long runs and digits with exponents.
 *
 * <p>Bounded for CI ({@value #CI_EXAMPLES} inputs per reader, a few seconds each); run longer on
 * demand with {@code -Dmskrules.fuzz.examples=200000} (and {@code -Dmskrules.fuzz.seed=N} for other
 * inputs). Beside {@link ReaderFuzzTest} (Jazzer, coverage-guided, which in a normal build only
 * replays its saved inputs), this draws new random inputs in every build. A failure prints the seed
 * of its input, so it can be replayed; every input that broke a reader is kept as a regression case
 * in {@link #REGRESSIONS} (and, for Jazzer, as a {@code crash-*} file).
 */
class ReaderFuzzProperties {
    static final int CI_EXAMPLES = 400;
    static final int EXAMPLES = Integer.getInteger("mskrules.fuzz.examples", CI_EXAMPLES);
    static final long SEED = Long.getLong("mskrules.fuzz.seed", 0x15F022L);
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final LocalDate LIST_AS_OF = LocalDate.of(2023, 11, 20);
    /** The longest message a violation may have: our sentence and a 40-character excerpt or two. */
    static final int MAX_MESSAGE = 400;
    /** Every code a reader may give for bad input (docs/schema/README.md and docs/waiting-list.md). */
    static final Set<String> CODES = Set.of("MALFORMED_JSON", "EMPTY_DOCUMENT", "INVALID_ENCODING", "DUPLICATE_FIELD",
            "DOCUMENT_TOO_LARGE", "NESTING_TOO_DEEP", "STRING_TOO_LONG", "NUMBER_TOO_LONG", "NAME_TOO_LONG", "REQUIRED",
            "UNKNOWN_FIELD", "WRONG_TYPE", "UNKNOWN_CODE", "OUT_OF_RANGE", "INVALID_DATE", "INVALID_FORMAT",
            "INVALID_LENGTH", "DUPLICATE_ITEM", "INVALID", "INCONSISTENT", "AFTER_AS_OF", "AFTER_REFERRAL_DATE",
            "TOO_MANY_PROBLEMS", "LINE_TOO_LONG", "DUPLICATE_ENTRY_ID", "BEFORE_RECEIVED", "UNKNOWN_COLUMN",
            "DUPLICATE_COLUMN", "WRONG_FIELD_COUNT", "UNTERMINATED_QUOTE", "LINE_BREAK_IN_FIELD", "UNREADABLE");
    /** Inputs that broke a reader once, each a regression case run every time. */
    static final List<String> REGRESSIONS = List.of(
            "{\"ageYears\":1e400,\"referralDate\":\"2026-11-20\",\"regions\":[\"KNEE\"]}",
            "{\"ageYears\":1e999999999,\"referralDate\":\"2026-11-20\",\"regions\":[\"KNEE\"]}",
            "{\"ageYears\":0.99999999999999999,\"referralDate\":\"2026-11-20\",\"regions\":[\"KNEE\"]}",
            // Found by the fuzzer (seed 77, 2,830 inputs): an exponent too long for an exact decimal.
            "{\"ageYears\":1" + "0".repeat(300) + "e-4" + "0".repeat(150) + ",\"referralDate\":\"2026-11-20\"}",
            "{\"entryId\":\"A1\",\"category\":\"PRIORITY\",\"received\":\"2023-11-01\",\"x\":1e-4" + "0".repeat(150) + "}",
            // Found by Jazzer (ReaderFuzzTest, 7,629 runs): the schema validator lets a name starting with # pass.
            "{\"#geYears\": 60, \"ageYears\": 40, \"referralDate\": \"2026-11-10\"}",
            "{\"#\": 1}",
            "entryId,category,received\n\"A1\nX\",PRIORITY,2023-11-01\n",
            "entryId,category,received\nA1,\"PRIORITY\n");

    private static final MskRules RULES = MskRules.builder().build();
    private static final WaitingListRules LIST_RULES = WaitingListRules.builder().build();
    private static final byte[][] SPLICES = {
            {'\r'}, {0}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {'"'}, {'\n'}, {','},
            {(byte) 0xE2, (byte) 0x80, (byte) 0xA8}, {(byte) 0xC2, (byte) 0xA0}, {(byte) 0xFF}, {(byte) 0xC3},
            "e-400".getBytes(StandardCharsets.UTF_8), ".99999999999999999".getBytes(StandardCharsets.UTF_8),
            "\\u0000".getBytes(StandardCharsets.UTF_8), "9999-12-31".getBytes(StandardCharsets.UTF_8),
            "{\"a\":[[[[".getBytes(StandardCharsets.UTF_8), "null".getBytes(StandardCharsets.UTF_8)};

    /** The seed corpus of one kind: files of the bad-input corpus and the examples, by name. */
    static List<byte[]> corpus(String... suffixes) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        Path root = RepoPaths.root();
        for (Path dir : List.of(root.resolve("rules-cli/src/test/resources/bad-input"), root.resolve("examples"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (Stream.of(suffixes).anyMatch(name::endsWith) && Files.size(f) < (1 << 20)) {
                        seeds.add(Files.readAllBytes(f));
                    }
                }
            }
        }
        assertThat(seeds).as("seed corpus for %s", List.of(suffixes)).isNotEmpty();
        return seeds;
    }

    /** One input: a seed from the corpus with a few random mutations, all drawn from {@code seed}. */
    static byte[] mutate(List<byte[]> seeds, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] b = seeds.get(r.nextInt(seeds.size())).clone();
        int mutations = 1 + r.nextInt(6);
        for (int m = 0; m < mutations; m++) {
            int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            switch (r.nextInt(6)) {
                case 0 -> { // splice in a troublesome byte sequence
                    byte[] s = SPLICES[r.nextInt(SPLICES.length)];
                    b = splice(b, at, 0, s);
                }
                case 1 -> { // flip a byte
                    if (b.length > 0) {
                        b[Math.min(at, b.length - 1)] = (byte) r.nextInt(256);
                    }
                }
                case 2 -> b = java.util.Arrays.copyOf(b, at); // truncate
                case 3 -> { // delete a slice
                    int n = Math.min(b.length - at, 1 + r.nextInt(8));
                    b = splice(b, at, Math.max(n, 0), new byte[0]);
                }
                case 4 -> { // repeat a slice, sometimes many times
                    if (b.length > 0) {
                        int from = r.nextInt(b.length);
                        int n = Math.min(b.length - from, 1 + r.nextInt(64));
                        byte[] slice = java.util.Arrays.copyOfRange(b, from, from + n);
                        int times = r.nextInt(10) == 0 ? 1 + r.nextInt(2000) : 1;
                        byte[] rep = new byte[slice.length * times];
                        for (int t = 0; t < times; t++) {
                            System.arraycopy(slice, 0, rep, t * slice.length, slice.length);
                        }
                        b = splice(b, at, 0, rep);
                    }
                }
                default -> { // splice in bytes of another seed
                    byte[] other = seeds.get(r.nextInt(seeds.size()));
                    if (other.length > 0) {
                        int from = r.nextInt(other.length);
                        int n = Math.min(other.length - from, 1 + r.nextInt(128));
                        b = splice(b, at, 0, java.util.Arrays.copyOfRange(other, from, from + n));
                    }
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    static void checkViolations(List<Violation> violations) {
        for (Violation v : violations) {
            assertThat(CODES).as("documented code: %s", v).contains(v.code());
            assertThat(v.message().length()).as("short message: %s", v).isLessThanOrEqualTo(MAX_MESSAGE);
        }
    }

    /** The JSON referral reader on bytes: strict UTF-8 decoding, then the contract and the checks after it. */
    static void referral(byte[] bytes) {
        String text;
        try {
            text = org.mskrules.core.io.JsonContract.readDocument(new ByteArrayInputStream(bytes));
        } catch (InvalidInputException e) {
            checkViolations(e.violations());
            return;
        }
        List<Violation> problems = ReferralJson.check(text, AS_OF);
        checkViolations(problems);
        if (problems.isEmpty()) {
            // What the reader accepts can be assessed.
            RULES.assess(ReferralJson.read(text, AS_OF), AS_OF);
        }
    }

    static void profile(byte[] bytes) {
        try {
            ServiceProfile.read(new ByteArrayInputStream(bytes));
        } catch (InvalidConfigurationException e) {
            checkViolations(e.violations());
        }
    }

    /** A list read in {@code format}: refused only for its header, else every entry answered once, in order. */
    static void list(byte[] bytes, EntryFormat format) {
        List<EntryOutcome> outcomes = new ArrayList<>();
        WaitingListReview review;
        try {
            review = LIST_RULES.review(new ByteArrayInputStream(bytes), format, LIST_AS_OF, outcomes::add);
        } catch (InvalidInputException e) {
            assertThat(format).as("only a CSV header stops a review: %s", e.violations()).isEqualTo(EntryFormat.CSV);
            assertThat(e.violations()).allSatisfy(v -> assertThat(v.path()).startsWith("/header"));
            checkViolations(e.violations());
            return;
        }
        long lines = 1;
        for (byte b : bytes) {
            lines += b == '\n' ? 1 : 0;
        }
        assertThat(review.summary().entriesIn()).isEqualTo(outcomes.size()).isLessThanOrEqualTo(lines);
        assertThat(review.summary().reviewed() + review.summary().rejected()).isEqualTo(review.summary().entriesIn());
        long previous = 0;
        for (EntryOutcome o : outcomes) {
            assertThat(o.line()).as("input order").isGreaterThan(previous);
            previous = o.line();
            if (!o.wasReviewed()) {
                checkViolations(o.rejected().violations());
            }
        }
    }

    @Test
    void theReferralReaderRefusesMutatedBytesOnlyWithDocumentedCodes() throws IOException {
        List<byte[]> seeds = corpus(".json", ".jsonl");
        REGRESSIONS.stream().filter(s -> s.startsWith("{")).forEach(s -> referral(s.getBytes(StandardCharsets.UTF_8)));
        qt().withExamples(EXAMPLES).withFixedSeed(SEED).forAll(longs().all())
                .checkAssert(seed -> referral(mutate(seeds, seed)));
    }

    @Test
    void theProfileReaderRefusesMutatedBytesOnlyWithDocumentedCodes() throws IOException {
        List<byte[]> seeds = corpus("profile-bad.json", "east-lancashire.json");
        qt().withExamples(EXAMPLES).withFixedSeed(SEED + 1).forAll(longs().all())
                .checkAssert(seed -> profile(mutate(seeds, seed)));
    }

    @Test
    void theCsvListReaderAnswersEveryEntryOnceInOrder() throws IOException {
        List<byte[]> seeds = corpus(".csv");
        REGRESSIONS.stream().filter(s -> s.startsWith("entryId")).forEach(s -> list(s.getBytes(StandardCharsets.UTF_8),
                EntryFormat.CSV));
        qt().withExamples(EXAMPLES).withFixedSeed(SEED + 2).forAll(longs().all())
                .checkAssert(seed -> list(mutate(seeds, seed), EntryFormat.CSV));
    }

    @Test
    void theJsonLinesListReaderAnswersEveryEntryOnceInOrder() throws IOException {
        List<byte[]> seeds = corpus("waiting-list.jsonl", "waitlist-problems.jsonl", "waitlist-invalid-utf8.jsonl");
        REGRESSIONS.stream().filter(s -> s.startsWith("{\"entryId")).forEach(s -> list(s.getBytes(StandardCharsets.UTF_8),
                EntryFormat.JSON_LINES));
        qt().withExamples(EXAMPLES).withFixedSeed(SEED + 3).forAll(longs().all())
                .checkAssert(seed -> list(mutate(seeds, seed), EntryFormat.JSON_LINES));
    }
}
