package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mskrules.core.io.Json;
import org.mskrules.core.Violation;
import org.mskrules.governance.SyntheticReferrals;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ReferralJson;
import org.mskrules.msk.waitinglist.EntryFormat;
import org.mskrules.msk.waitinglist.RejectedEntry;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * Generated garbage: valid documents mutated at random, in their tree (a value replaced by another of
 * any type, removed, an unknown field added) and in their text (truncated, bytes inserted or deleted,
 * invalid UTF-8), fed to the referral reader and to the waiting-list review. Nothing may throw, every
 * record is decided or rejected, and the library never accepts what the published schema refuses.
 * Each example is drawn from a seed that QuickTheories reports on failure, so it can be replayed;
 * shrinking a seed means nothing, so none is attempted.
 */
class GarbageInputProperties {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final LocalDate LIST_AS_OF = LocalDate.of(2023, 11, 20);
    static final int EXAMPLES = 1_500;
    static final long SEED = 0x6A5BA6EL;
    /** Every code the library may give for bad input; docs/schema/README.md documents each. */
    static final Set<String> CODES = Set.of("MALFORMED_JSON", "EMPTY_DOCUMENT", "INVALID_ENCODING", "DUPLICATE_FIELD",
            "DOCUMENT_TOO_LARGE", "NESTING_TOO_DEEP", "STRING_TOO_LONG", "NUMBER_TOO_LONG", "NAME_TOO_LONG", "REQUIRED", "UNKNOWN_FIELD",
            "WRONG_TYPE", "UNKNOWN_CODE", "OUT_OF_RANGE", "INVALID_DATE", "INVALID_FORMAT", "INVALID_LENGTH",
            "DUPLICATE_ITEM", "INVALID", "INCONSISTENT", "AFTER_AS_OF", "AFTER_REFERRAL_DATE", "TOO_MANY_PROBLEMS");
    /** What the library may find in a referral the schema accepts: what only the date or another field tells. */
    static final Set<String> BEYOND_THE_SCHEMA = Set.of("INVALID", "INCONSISTENT", "AFTER_AS_OF", "AFTER_REFERRAL_DATE",
            "OUT_OF_RANGE"); // OUT_OF_RANGE: a date outside 1900-2999 (issue 15), checked after the schema
    /** The same for a waiting-list line: dates against each other and the evaluation date, hidden characters, duplicates. */
    static final Set<String> LIST_BEYOND_THE_SCHEMA = Set.of("AFTER_AS_OF", "BEFORE_RECEIVED", "OUT_OF_RANGE", "INVALID",
            "REQUIRED", "DUPLICATE_ENTRY_ID");

    private static final MskRules RULES = MskRules.builder().build();
    private static final WaitingListRules LIST_RULES = WaitingListRules.builder().build();

    @Test
    void aReferralTheLibraryWritesReadsBackAsTheSameReferral() {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED).forAll(SyntheticGen.referrals(AS_OF, 30)).checkAssert(r -> {
            String json = Json.tree(r).toString();
            assertThat(InputSchemas.problems(InputSchemas.REFERRAL, Json.tree(r))).as(json).isEmpty();
            assertThat(ReferralJson.read(json, AS_OF)).isEqualTo(r);
        });
    }

    @Test
    void aMutatedReferralIsDecidedOrRejectedNeverAcceptedAgainstTheSchemaAndNeverThrows() {
        java.util.concurrent.atomic.AtomicInteger decided = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger rejected = new java.util.concurrent.atomic.AtomicInteger();
        qt().withExamples(EXAMPLES).withShrinkCycles(0).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            String doc = mutatedReferral(random);
            List<Violation> problems = ReferralJson.check(doc, AS_OF);
            assertThat(problems).allSatisfy(v -> {
                assertThat(CODES).as("documented code").contains(v.code());
                assertThat(v.path().isEmpty() || v.path().startsWith("/")).as("JSON Pointer %s", v.path()).isTrue();
                JsonPointer.compile(v.path());
                assertThat(v.message()).isNotBlank().hasSizeLessThan(600);
            });
            JsonNode parsed = parse(doc);
            boolean schemaValid = parsed != null && InputSchemas.valid(InputSchemas.REFERRAL, parsed);
            if (!schemaValid) {
                assertThat(problems).as("the schema refuses %s", doc).isNotEmpty();
            } else {
                // And the other way: what the schema accepts, the library refuses only for what the
                // schema cannot say.
                assertThat(problems).as("the schema accepts %s", doc)
                        .allSatisfy(v -> assertThat(BEYOND_THE_SCHEMA).contains(v.code()));
            }
            if (parsed != null) {
                for (Violation v : problems) {
                    if (Set.of("UNKNOWN_FIELD", "UNKNOWN_CODE", "WRONG_TYPE", "OUT_OF_RANGE", "INVALID_DATE").contains(v.code())
                            && !v.path().isEmpty()) {
                        // The pointer leads to the value it is about (escaping and all).
                        assertThat(parsed.at(JsonPointer.compile(v.path())).isMissingNode()).as("%s in %s", v, doc).isFalse();
                    }
                }
            }
            if (problems.isEmpty()) {
                Referral r = ReferralJson.read(doc, AS_OF);
                assertThat(RULES.assess(r, AS_OF).trace().firedRules()).isNotNull();
                decided.incrementAndGet();
            } else {
                rejected.incrementAndGet();
            }
        });
        // Both outcomes are exercised, or the property proves nothing about one of them.
        assertThat(decided.get()).isGreaterThan(EXAMPLES / 10);
        assertThat(rejected.get()).isGreaterThan(EXAMPLES / 2);
    }

    @Test
    void everyLineOfAGarbledJsonLinesListIsReviewedOrRejectedAndTheSchemaIsNeverOverruled() {
        qt().withExamples(200).withShrinkCycles(0).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int n = random.nextInt(1, 30);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            List<byte[]> lines = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] line = random.nextInt(10) == 0 ? new byte[0] : mutatedEntryLine(random);
                lines.add(line);
                bytes.writeBytes(line);
                bytes.writeBytes(random.nextBoolean() ? new byte[] {'\n'} : new byte[] {'\r', '\n'});
            }
            WaitingListReview review = LIST_RULES.review(new ByteArrayInputStream(bytes.toByteArray()),
                    EntryFormat.JSON_LINES, LIST_AS_OF);
            long entries = review.summary().entriesIn();
            assertThat(entries).isEqualTo(review.summary().reviewed() + review.summary().rejected());
            assertThat(entries + review.summary().blankLines()).isEqualTo(n);
            Set<Long> rejectedLines = new HashSet<>();
            review.rejected().stream().map(RejectedEntry::line).forEach(rejectedLines::add);
            assertThat(rejectedLines).hasSize((int) review.summary().rejected());
            for (int i = 0; i < n; i++) {
                String text = new String(lines.get(i), StandardCharsets.UTF_8);
                if (text.isBlank()) {
                    continue;
                }
                if (text.contains("\uFFFD") && !new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                        .equals(text) || java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), lines.get(i)) == false) {
                    // Not valid UTF-8: the reader rejects the line on its own, which the count above covers.
                    assertThat(rejectedLines).as("line %d is not UTF-8", i + 1).contains((long) i + 1);
                    continue;
                }
                JsonNode parsed = parse(text);
                if (parsed == null || !InputSchemas.valid(InputSchemas.WAITING_LIST_ENTRY, parsed)) {
                    assertThat(rejectedLines).as("line %d, refused by the schema: %s", i + 1, text).contains((long) i + 1);
                } else {
                    long line = i + 1;
                    review.rejected().stream().filter(r -> r.line() == line).flatMap(r -> r.violations().stream())
                            .forEach(v -> assertThat(LIST_BEYOND_THE_SCHEMA).as("line %d, accepted by the schema: %s", line, text)
                                    .contains(v.code()));
                }
            }
        });
    }

    @Test
    void everyRowOfAGarbledCsvListIsReviewedOrRejected() {
        qt().withExamples(200).withShrinkCycles(0).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            StringBuilder csv = new StringBuilder("entryId,category,received,firstContact\n");
            int n = random.nextInt(1, 30);
            for (int i = 0; i < n; i++) {
                String row = "E" + i + "," + (random.nextBoolean() ? "PRIORITY" : "NON_PRIORITY") + ","
                        + LIST_AS_OF.minusDays(random.nextInt(0, 400)) + ",";
                csv.append(mutateText(random, row, 3).replace("\n", " ").replace("\r", " ")).append('\n');
            }
            WaitingListReview review = LIST_RULES.review(new ByteArrayInputStream(csv.toString()
                    .getBytes(StandardCharsets.UTF_8)), EntryFormat.CSV, LIST_AS_OF);
            assertThat(review.summary().entriesIn()).isEqualTo(review.summary().reviewed() + review.summary().rejected());
            assertThat(review.summary().entriesIn() + review.summary().blankLines()).isEqualTo(n);
        });
    }

    // ---------------------------------------------------------------- mutations

    static String mutatedReferral(SplittableRandom random) {
        Referral r = SyntheticReferrals.referral((min, max) -> random.nextInt(min, max + 1), AS_OF);
        JsonNode tree = Json.tree(r);
        // A quarter left whole, so that what is accepted is checked as carefully as what is not.
        return random.nextInt(4) == 0 ? tree.toString() : mutate(random, tree);
    }

    static byte[] mutatedEntryLine(SplittableRandom random) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("entryId", "E-" + random.nextInt(0, 40));
        e.put("category", random.nextBoolean() ? "PRIORITY" : "NON_PRIORITY");
        LocalDate received = LIST_AS_OF.minusDays(random.nextInt(0, 500));
        e.put("received", received.toString());
        if (random.nextInt(2) == 0) {
            e.put("firstContact", received.plusDays(random.nextInt(0, 60)).toString());
        }
        if (random.nextInt(4) == 0) {
            ObjectNode v = e.putObject("validation");
            v.put("validatedOn", received.plusDays(random.nextInt(0, 60)).toString());
            v.put("wishesToBeSeen", List.of("YES", "NO", "NOT_RECORDED").get(random.nextInt(3)));
        }
        String text = random.nextInt(3) == 0 ? e.toString() : mutate(random, e);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(20) == 0 && bytes.length > 0) {
            // A byte that can never appear in UTF-8.
            bytes[random.nextInt(bytes.length)] = (byte) 0xFF;
        }
        return bytes;
    }

    /** One to four mutations of the tree, then perhaps one of the text. */
    static String mutate(SplittableRandom random, JsonNode tree) {
        JsonNode copy = tree.deepCopy();
        int k = random.nextInt(1, 5);
        for (int i = 0; i < k; i++) {
            List<JsonPointer> pointers = new ArrayList<>();
            collect(copy, JsonPointer.empty(), pointers);
            JsonPointer at = pointers.get(random.nextInt(pointers.size()));
            if (at.matches()) {
                // The root: add a field to it, the one mutation that leaves a document.
                if (copy instanceof ObjectNode o) {
                    o.set(randomName(random), randomValue(random, 0));
                }
                continue;
            }
            JsonNode parent = copy.at(at.head());
            switch (random.nextInt(5)) {
                case 0 -> replace(parent, at, randomValue(random, 0));
                case 1 -> {
                    if (parent instanceof ObjectNode o) {
                        o.remove(at.last().getMatchingProperty());
                    }
                }
                case 2 -> {
                    if (copy.at(at) instanceof ObjectNode o) {
                        o.set(randomName(random), randomValue(random, 0));
                    }
                }
                default -> replace(parent, at, awkwardValue(random));
            }
        }
        String text = copy.toString();
        return random.nextInt(4) == 0 ? mutateText(random, text, 1) : text;
    }

    static String mutateText(SplittableRandom random, String text, int edits) {
        StringBuilder b = new StringBuilder(text);
        String inserts = "{}[]\",:\\ 0-e.\u0000\uFEFF\u2028é";
        for (int i = 0; i < edits && b.length() > 0; i++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> b.setLength(at);
                case 1 -> b.deleteCharAt(at);
                case 2 -> b.insert(at, inserts.charAt(random.nextInt(inserts.length())));
                default -> b.insert(at, b.substring(at, Math.min(b.length(), at + random.nextInt(1, 12))));
            }
        }
        return b.toString();
    }

    private static void collect(JsonNode node, JsonPointer at, List<JsonPointer> out) {
        out.add(at);
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(f -> collect(node.get(f), at.append(JsonPointer.compile("/"
                    + f.replace("~", "~0").replace("/", "~1"))), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at.appendIndex(i), out);
            }
        }
    }

    private static void replace(JsonNode parent, JsonPointer at, JsonNode value) {
        if (parent instanceof ObjectNode o && at.last() != null) {
            o.set(at.last().getMatchingProperty(), value);
        } else if (parent instanceof ArrayNode a && at.last() != null && at.last().getMatchingIndex() >= 0) {
            a.set(at.last().getMatchingIndex(), value);
        }
    }

    private static JsonNode randomValue(SplittableRandom random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(depth > 2 ? 6 : 8)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(random.nextInt(-1000, 1000));
            case 3 -> f.numberNode(random.nextDouble() * 1e6);
            case 4 -> f.textNode(randomName(random));
            case 5 -> f.textNode(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(-4000, 4000)).toString());
            case 6 -> {
                ArrayNode a = f.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    a.add(randomValue(random, depth + 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = f.objectNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    o.set(randomName(random), randomValue(random, depth + 1));
                }
                yield o;
            }
        };
    }

    /** Values near the edges: absurd numbers, impossible dates, codes in the wrong case. */
    private static JsonNode awkwardValue(SplittableRandom random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(9)) {
            case 0 -> f.numberNode(Long.MAX_VALUE);
            case 1 -> f.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 2 -> f.numberNode(-1);
            case 3 -> f.textNode("2026-02-30");
            case 4 -> f.textNode("+12026-01-01");
            case 5 -> f.textNode("present");
            case 6 -> f.textNode("");
            case 7 -> f.textNode(" \t");
            default -> f.textNode("9999-12-31");
        };
    }

    private static String randomName(SplittableRandom random) {
        String[] names = {"FEVER", "fever", "PRESENT", "ABSENT", "NOT_RECORDED", "x", "", "ageYears", "status", "onset",
                "trend", "PRIORITY", "YES", "~/", "é", "referralDate", "entryId", "validation"};
        return names[random.nextInt(names.length)];
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode n = Json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
            return n == null || n.isMissingNode() ? null : n;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
