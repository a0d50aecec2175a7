package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.Violation;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.waitinglist.Answer;
import org.mskrules.msk.waitinglist.BandCount;
import org.mskrules.msk.waitinglist.EntryFormat;
import org.mskrules.msk.waitinglist.EntryOutcome;
import org.mskrules.msk.waitinglist.EntryReview;
import org.mskrules.msk.waitinglist.RejectedEntry;
import org.mskrules.msk.waitinglist.ValidationRecord;
import org.mskrules.msk.waitinglist.WaitingListEntry;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;
import org.mskrules.tests.WaitingListProperties.Spec;

/**
 * Reading waiting lists from files: every rejection code of the specification with its line and
 * path, several problems on a line reported together, byte-order marks, CRLF, blank lines, CSV
 * quoting, header problems, invalid UTF-8, file extensions, a 10,000-line file, and a single bad
 * entry. Expected values come from the specification, never from the library's output.
 */
class WaitingListInputTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 1, 15);
    static final String HEADER = String.join(",", SyntheticWaitingLists.CSV_COLUMNS);
    /** Valid lines either side of the line under test, in each format. */
    static final String CSV_BEFORE = "OK-2,NON_PRIORITY,2023-12-01,,,,,,";
    static final String CSV_AFTER = "OK-4,PRIORITY,2024-01-10,,,,,,";
    static final String JSON_FIRST = "{\"entryId\":\"OK-1\",\"category\":\"NON_PRIORITY\",\"received\":\"2023-11-01\"}";
    static final String JSON_BEFORE = "{\"entryId\":\"OK-2\",\"category\":\"NON_PRIORITY\",\"received\":\"2023-12-01\"}";
    static final String JSON_AFTER = "{\"entryId\":\"OK-4\",\"category\":\"PRIORITY\",\"received\":\"2024-01-10\"}";

    static WaitingListRules rules;

    @BeforeAll
    static void load() {
        rules = WaitingListRules.builder().build();
    }

    static WaitingListReview csv(String text) {
        return rules.review(new StringReader(text), EntryFormat.CSV, AS_OF);
    }

    static WaitingListReview jsonLines(String text) {
        return rules.review(new StringReader(text), EntryFormat.JSON_LINES, AS_OF);
    }

    static List<String> problems(List<Violation> violations) {
        return violations.stream().map(v -> v.path() + " " + v.code()).toList();
    }

    static List<String> problems(RejectedEntry r) {
        return problems(r.violations());
    }

    /** The lines of the entries a review holds among its longest waits (all of them, in small lists). */
    static Map<String, Long> linesById(WaitingListReview review) {
        Map<String, Long> lines = new LinkedHashMap<>();
        review.longestWaits().forEach(r -> lines.put(r.entryId(), r.line()));
        return lines;
    }

    // ------------------------------------------------------------------ every rejection code

    static Stream<Arguments> csvRejections() {
        String days3653 = AS_OF.minusDays(3653).toString();
        return Stream.of(
                Arguments.of(",NON_PRIORITY,2023-12-01,,,,,,", null, List.of("/entryId REQUIRED")),
                Arguments.of("X".repeat(101) + ",NON_PRIORITY,2023-12-01,,,,,,", "X".repeat(101),
                        List.of("/entryId INVALID_LENGTH")),
                Arguments.of("\" A3\",NON_PRIORITY,2023-12-01,,,,,,", null, List.of("/entryId INVALID")),
                Arguments.of("A\t3,NON_PRIORITY,2023-12-01,,,,,,", null, List.of("/entryId INVALID")),
                Arguments.of("A3,,2023-12-01,,,,,,", "A3", List.of("/category REQUIRED")),
                Arguments.of("A3,URGENT,2023-12-01,,,,,,", "A3", List.of("/category UNKNOWN_CODE")),
                Arguments.of("A3,PRIORITY,,,,,,,", "A3", List.of("/received REQUIRED")),
                Arguments.of("A3,PRIORITY,2023-02-30,,,,,,", "A3", List.of("/received INVALID_DATE")),
                Arguments.of("A3,PRIORITY,15/01/2024,,,,,,", "A3", List.of("/received INVALID_DATE")),
                Arguments.of("A3,PRIORITY,2024-01-16,,,,,,", "A3", List.of("/received AFTER_AS_OF")),
                Arguments.of("A3,PRIORITY," + days3653 + ",,,,,,", "A3", List.of("/received OUT_OF_RANGE")),
                Arguments.of("A3,PRIORITY,2023-12-01,soon,,,,,", "A3", List.of("/firstContact INVALID_DATE")),
                Arguments.of("A3,PRIORITY,2023-12-01,2023-11-30,,,,,", "A3", List.of("/firstContact BEFORE_RECEIVED")),
                Arguments.of("A3,PRIORITY,2023-12-01,,,YES,,,", "A3", List.of("/validation/validatedOn REQUIRED")),
                Arguments.of("A3,PRIORITY,2023-12-01,,,,NO,,", "A3", List.of("/validation/validatedOn REQUIRED")),
                Arguments.of("A3,PRIORITY,2023-12-01,,2024-13-01,YES,,,", "A3",
                        List.of("/validation/validatedOn INVALID_DATE")),
                Arguments.of("A3,PRIORITY,2023-12-01,,2024-01-16,YES,,,", "A3",
                        List.of("/validation/validatedOn AFTER_AS_OF")),
                Arguments.of("A3,PRIORITY,2023-12-01,,2023-11-30,YES,,,", "A3",
                        List.of("/validation/validatedOn BEFORE_RECEIVED")),
                Arguments.of("A3,PRIORITY,2023-12-01,,2024-01-01,MAYBE,,,", "A3",
                        List.of("/validation/wishesToBeSeen UNKNOWN_CODE")),
                Arguments.of("A3,PRIORITY,2023-12-01,,2024-01-01,NO,UNSURE,YES,YES", "A3",
                        List.of("/validation/hasCapacity UNKNOWN_CODE")),
                Arguments.of("A3,PRIORITY,2023-12-01,,2024-01-01,NO,YES,PARTLY,YES", "A3",
                        List.of("/validation/understandsDecision UNKNOWN_CODE")),
                Arguments.of("A3,PRIORITY,2023-12-01,,2024-01-01,NO,YES,YES,Y", "A3",
                        List.of("/validation/communicationNeedsMet UNKNOWN_CODE")),
                Arguments.of("\"A3,PRIORITY,2023-12-01,,,,,,", null, List.of(" UNTERMINATED_QUOTE")),
                Arguments.of("A3,PRIORITY,2023-12-01", null, List.of(" WRONG_FIELD_COUNT")),
                Arguments.of("A3,PRIORITY,2023-12-01,,,,,,,", null, List.of(" WRONG_FIELD_COUNT")));
    }

    @ParameterizedTest(name = "CSV [{0}] is rejected: {2}")
    @MethodSource("csvRejections")
    void eachCsvRejectionNamesItsLineAndPath(String line, String entryId, List<String> expected) {
        WaitingListReview review = csv(HEADER + "\n" + CSV_BEFORE + "\n" + line + "\n" + CSV_AFTER + "\n");
        assertThat(review.rejected()).hasSize(1);
        RejectedEntry rejected = review.rejected().get(0);
        assertThat(rejected.line()).as("the header is line 1").isEqualTo(3);
        assertThat(problems(rejected)).containsExactlyElementsOf(expected);
        if (entryId != null) {
            assertThat(rejected.entryId()).isEqualTo(entryId);
        }
        assertThat(review.summary().entriesIn()).isEqualTo(3);
        assertThat(review.summary().reviewed()).isEqualTo(2);
        // The first of a duplicated id is reviewed; so are the neighbours of any bad line.
        assertThat(linesById(review)).containsEntry("OK-2", 2L).containsEntry("OK-4", 4L).hasSize(2);
    }

    static Stream<Arguments> jsonRejections() {
        return Stream.of(
                Arguments.of("{\"entryId\":null,\"category\":\"PRIORITY\",\"received\":\"2024-01-02\"}",
                        List.of("/entryId REQUIRED")),
                Arguments.of("{\"entryId\":\"A3\\u0007\",\"category\":\"PRIORITY\",\"received\":\"2024-01-02\"}",
                        List.of("/entryId INVALID")),
                Arguments.of("{\"entryId\":\"A3\",\"category\":\"URGENT\",\"received\":\"2024-01-02\"}",
                        List.of("/category UNKNOWN_CODE")),
                Arguments.of("{\"entryId\":\"A3\",\"category\":\"PRIORITY\"}", List.of("/received REQUIRED")),
                Arguments.of("{\"entryId\":\"A3\",\"category\":\"PRIORITY\",\"received\":\"2024-01-02\","
                        + "\"validation\":{}}", List.of("/validation/validatedOn REQUIRED")),
                Arguments.of("{\"entryId\":\"A3\",\"category\":\"PRIORITY\",\"received\":\"2024-01-02\","
                        + "\"validation\":{\"validatedOn\":\"2024-01-03\",\"hasCapacity\":\"MAYBE\"}}",
                        List.of("/validation/hasCapacity UNKNOWN_CODE")),
                Arguments.of("{\"entryId\":\"A3\",\"category\":\"PRIORITY\",", List.of(" MALFORMED_JSON")),
                Arguments.of("entryId=A3", List.of(" MALFORMED_JSON")),
                Arguments.of("{\"entryId\":\"A3\",\"category\":\"PRIORITY\",\"received\":\"2024-01-02\"} {}",
                        List.of(" MALFORMED_JSON")),
                Arguments.of("[\"A3\",\"PRIORITY\",\"2024-01-02\"]", List.of(" WRONG_TYPE")),
                Arguments.of("\"A3\"", List.of(" WRONG_TYPE")),
                Arguments.of("42", List.of(" WRONG_TYPE")),
                Arguments.of("null", List.of(" WRONG_TYPE")),
                Arguments.of("{\"entryId\":\"A3\",\"category\":\"PRIORITY\",\"received\":\"2024-01-02\",\"nhsNumber\":\"1\"}",
                        List.of("/nhsNumber UNKNOWN_FIELD")),
                Arguments.of("{\"entryId\":\"A3\",\"category\":\"PRIORITY\",\"received\":\"2024-01-02\","
                        + "\"validation\":{\"validatedOn\":\"2024-01-03\",\"reason\":\"moved away\"}}",
                        List.of("/validation/reason UNKNOWN_FIELD")),
                Arguments.of("{\"entryId\":3,\"category\":\"PRIORITY\",\"received\":\"2024-01-02\"}",
                        List.of("/entryId WRONG_TYPE")),
                Arguments.of("{\"entryId\":\"A3\",\"category\":\"PRIORITY\",\"received\":20240102}",
                        List.of("/received WRONG_TYPE")),
                Arguments.of("{\"entryId\":\"A3\",\"category\":\"PRIORITY\",\"received\":\"2024-01-02\",\"validation\":\"yes\"}",
                        List.of("/validation WRONG_TYPE")),
                Arguments.of("{\"entryId\":\"A3\",\"category\":\"PRIORITY\",\"received\":\"2024-01-02\","
                        + "\"validation\":{\"validatedOn\":\"2024-01-03\",\"wishesToBeSeen\":true}}",
                        List.of("/validation/wishesToBeSeen WRONG_TYPE")));
    }

    @ParameterizedTest(name = "JSON Lines [{0}] is rejected: {1}")
    @MethodSource("jsonRejections")
    void eachJsonLinesRejectionNamesItsLineAndPath(String line, List<String> expected) {
        WaitingListReview review = jsonLines(JSON_FIRST + "\n" + JSON_BEFORE + "\n" + line + "\n" + JSON_AFTER + "\n");
        assertThat(review.rejected()).hasSize(1);
        assertThat(review.rejected().get(0).line()).isEqualTo(3);
        assertThat(problems(review.rejected().get(0))).containsExactlyElementsOf(expected);
        assertThat(review.summary().entriesIn()).isEqualTo(4);
        assertThat(review.summary().reviewed()).isEqualTo(3);
        assertThat(linesById(review)).containsEntry("OK-1", 1L).containsEntry("OK-2", 2L).containsEntry("OK-4", 4L)
                .hasSize(3);
    }

    @Test
    void theLimitsOfIdLengthAndWaitAreInclusive() {
        String id100 = "Y".repeat(100);
        String received3652 = AS_OF.minusDays(3652).toString();
        WaitingListReview review = csv(HEADER + "\n" + id100 + ",NON_PRIORITY,2023-12-01,,,,,,\n"
                + "L3652,NON_PRIORITY," + received3652 + ",,,,,,\n" + "L0,PRIORITY,2024-01-15,,,,,,\n");
        assertThat(review.rejected()).isEmpty();
        assertThat(review.summary().waiting()).isEqualTo(3);
        assertThat(review.longestWaits()).extracting(EntryReview::entryId, EntryReview::daysWaited, EntryReview::band)
                .containsExactly(tuple("L3652", 3652L, "52w+"),
                        tuple(id100, 45L, "4-12w"),
                        tuple("L0", 0L, "0-1w"));
    }

    // ------------------------------------------------------------------ line length

    @Test
    void aLineLongerThanTheLimitIsRejectedOnItsOwnAndReadingGoesOn(@TempDir Path dir) throws IOException {
        String huge = "X".repeat(200_000);
        String text = HEADER + "\n" + CSV_BEFORE + "\n" + huge + "\r\n" + CSV_AFTER + "\n";
        Path file = dir.resolve("long.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        for (WaitingListReview review : List.of(csv(text), rules.review(file, AS_OF))) {
            assertThat(review.rejected()).extracting(RejectedEntry::line).containsExactly(3L);
            assertThat(problems(review.rejected().get(0))).containsExactly(" LINE_TOO_LONG");
            assertThat(review.summary().entriesIn()).isEqualTo(3);
            assertThat(review.summary().reviewed()).isEqualTo(2);
        }
    }

    // ------------------------------------------------------------------ each line's outcome

    @Test
    void eachEntryLineHasOneOutcomeInLineOrderAndTheRejectedOnesAreTheReviewsRejectedList() {
        byte[] input = concat(("\uFEFF" + HEADER + "\r\n" + CSV_BEFORE + "\r\n\r\n"
                        + "DUP,PRIORITY,2024-01-02,,2024-01-05,YES,,,\n" // reviewed, pending its outcome, until line 8
                        + "BAD,PRIORITY,2024-02-30,,,,,,\n").getBytes(StandardCharsets.UTF_8),
                "G2 Bj".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xF6}, ",PRIORITY,2024-01-01,,,,,,\n"
                        .getBytes(StandardCharsets.UTF_8),
                ("X".repeat(70_000) + "\n" + "DUP,NON_PRIORITY,2023-12-01,,,,,,\n" + CSV_AFTER + "\n")
                        .getBytes(StandardCharsets.UTF_8));
        List<EntryOutcome> outcomes = new ArrayList<>();
        WaitingListReview review = rules.review(new java.io.ByteArrayInputStream(input), EntryFormat.CSV, AS_OF,
                outcomes::add);
        assertThat(review.summary().entriesIn()).isEqualTo(7);
        assertThat(review.summary().blankLines()).isEqualTo(1);
        assertThat(outcomes).extracting(EntryOutcome::line).containsExactly(2L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(outcomes).extracting(EntryOutcome::wasReviewed).containsExactly(true, false, false, false, false,
                false, true);
        assertThat(outcomes.stream().filter(o -> !o.wasReviewed()).map(EntryOutcome::rejected).toList())
                .isEqualTo(review.rejected());
        assertThat(problems(outcomes.get(1).rejected())).containsExactly("/entryId DUPLICATE_ENTRY_ID");
        assertThat(problems(outcomes.get(2).rejected())).containsExactly("/received INVALID_DATE");
        assertThat(problems(outcomes.get(3).rejected())).containsExactly(" INVALID_ENCODING");
        assertThat(problems(outcomes.get(4).rejected())).containsExactly(" LINE_TOO_LONG");
        assertThat(outcomes.get(0).review().entryId()).isEqualTo("OK-2");
        assertThat(outcomes.get(6).review().entryId()).isEqualTo("OK-4");
    }

    @Test
    void aDuplicatedIdWhoseFirstLineWasReviewedIsTakenBackWhenNoLongestWaitsAreKept() {
        // longestWaits(0) with a retraction once failed sorting an immutable empty list.
        WaitingListRules none = WaitingListRules.builder().longestWaits(0).build();
        WaitingListReview review = none.review(new StringReader(HEADER + "\n" + CSV_BEFORE + "\n" + CSV_BEFORE + "\n"
                + CSV_AFTER + "\n"), EntryFormat.CSV, AS_OF);
        assertThat(review.longestWaits()).isEmpty();
        assertThat(review.rejected()).extracting(RejectedEntry::line).containsExactly(2L, 3L);
        assertThat(review.summary().reviewed()).isEqualTo(1);
    }

    @Test
    void aCsvHeaderThatCannotBeReadGivesNoOutcome() {
        List<EntryOutcome> outcomes = new ArrayList<>();
        assertThatThrownBy(() -> rules.review(new java.io.ByteArrayInputStream(
                "entryId,category\nA,PRIORITY\n".getBytes(StandardCharsets.UTF_8)), EntryFormat.CSV, AS_OF, outcomes::add))
                .isInstanceOf(InvalidInputException.class);
        assertThat(outcomes).isEmpty();
    }

    // ------------------------------------------------------------------ duplicate ids

    @Test
    void everyLineOfADuplicatedIdIsRejectedWhicheverComesFirstInBothFormats() {
        for (WaitingListReview review : List.of(
                csv(HEADER + "\n" + CSV_BEFORE + "\nOK-2,PRIORITY,2024-01-02,,,,,,\n" + CSV_AFTER + "\n"),
                jsonLines(JSON_BEFORE + "\n{\"entryId\":\"OK-2\",\"category\":\"PRIORITY\",\"received\":\"2024-01-02\"}\n"))) {
            assertThat(review.rejected()).extracting(RejectedEntry::entryId).containsExactly("OK-2", "OK-2");
            assertThat(review.rejected()).allSatisfy(r -> assertThat(problems(r)).containsExactly("/entryId DUPLICATE_ENTRY_ID"));
            assertThat(review.overThreshold()).extracting(e -> e.entryId()).doesNotContain("OK-2");
            assertThat(review.summary().entriesIn()).isEqualTo(review.summary().reviewed() + 2);
        }
    }

    @Test
    void aDuplicatedIdTakesBackTheCountsOfItsFirstLineEvenAfterItWasReviewed() {
        // Sorted into a different order, the same three lines give the same review.
        String a = "D1,PRIORITY,2023-12-01,,,,,,";   // 45 days, priority: over 14
        String b = "D1,NON_PRIORITY,2024-01-10,,,,,,";
        String c = "D2,NON_PRIORITY,2024-01-10,,,,,,";
        for (String text : List.of(a + "\n" + b + "\n" + c, b + "\n" + c + "\n" + a, c + "\n" + a + "\n" + b)) {
            WaitingListReview review = csv(HEADER + "\n" + text + "\n");
            assertThat(review.summary().reviewed()).isEqualTo(1);
            assertThat(review.summary().rejected()).isEqualTo(2);
            assertThat(review.overThreshold()).isEmpty();
            assertThat(review.longestWaits()).extracting(e -> e.entryId()).containsExactly("D2");
            assertThat(review.bandCounts().stream().mapToLong(x -> x.total()).sum()).isEqualTo(1);
            assertThat(review.recoveryPlan().status()).hasToString("UNDETERMINED");
        }
    }

    // ------------------------------------------------------------------ several problems on a line

    @Test
    void everyProblemOnACsvLineIsReportedTogether() {
        WaitingListReview review = csv(HEADER + "\n"
                + ",URGENT,2023-02-30,yesterday,2025-01-01,MAYBE,PERHAPS,YES,NO\n"
                + "B1,PRIORITY,2024-01-20,2024-01-10,2024-01-05,YES,,,\n"
                + "B1,,2023-01-01,,,,,,\n");
        assertThat(review.rejected()).extracting(RejectedEntry::line).containsExactly(2L, 3L, 4L);
        assertThat(problems(review.rejected().get(0))).containsExactlyInAnyOrder("/entryId REQUIRED",
                "/category UNKNOWN_CODE", "/received INVALID_DATE", "/firstContact INVALID_DATE",
                "/validation/validatedOn AFTER_AS_OF", "/validation/wishesToBeSeen UNKNOWN_CODE",
                "/validation/hasCapacity UNKNOWN_CODE");
        // B1 is on lines 3 and 4: line 3 names the duplication with its own problems.
        assertThat(problems(review.rejected().get(1))).containsExactlyInAnyOrder("/received AFTER_AS_OF",
                "/firstContact BEFORE_RECEIVED", "/validation/validatedOn BEFORE_RECEIVED", "/entryId DUPLICATE_ENTRY_ID");
        assertThat(problems(review.rejected().get(2))).containsExactlyInAnyOrder("/category REQUIRED",
                "/entryId DUPLICATE_ENTRY_ID");
        assertThat(review.summary().reviewed()).isZero();
    }

    @Test
    void everyProblemOnAJsonLineIsReportedTogether() {
        WaitingListReview review = jsonLines("{\"entryId\":\" x \",\"category\":1,\"received\":\"2023-13-01\","
                + "\"firstContact\":\"2024-01-01\",\"extra\":true,\"validation\":{\"wishesToBeSeen\":\"MAYBE\","
                + "\"hasCapacity\":\"YES\",\"note\":\"\"}}\n");
        assertThat(review.rejected()).hasSize(1);
        assertThat(problems(review.rejected().get(0))).containsExactlyInAnyOrder("/entryId INVALID",
                "/category WRONG_TYPE", "/received INVALID_DATE", "/extra UNKNOWN_FIELD",
                "/validation/note UNKNOWN_FIELD", "/validation/validatedOn REQUIRED",
                "/validation/wishesToBeSeen UNKNOWN_CODE");
    }

    // ------------------------------------------------------------------ BOM, CRLF, blank lines, quoting

    @Test
    void aByteOrderMarkAtTheStartIsNotPartOfTheFirstColumnOrField(@TempDir Path dir) throws IOException {
        WaitingListReview fromReader = csv("\uFEFF" + HEADER + "\nC1,PRIORITY,2024-01-01,,,,,,\n");
        assertThat(fromReader.rejected()).isEmpty();
        assertThat(linesById(fromReader)).containsExactly(Map.entry("C1", 2L));

        Path file = dir.resolve("list.csv");
        Files.write(file, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                (HEADER + "\nC1,PRIORITY,2024-01-01,,,,,,\n").getBytes(StandardCharsets.UTF_8)));
        WaitingListReview fromFile = rules.review(file, AS_OF);
        assertThat(fromFile.rejected()).isEmpty();
        assertThat(linesById(fromFile)).containsExactly(Map.entry("C1", 2L));

        Path jsonl = dir.resolve("list.jsonl");
        Files.write(jsonl, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                (JSON_FIRST + "\n").getBytes(StandardCharsets.UTF_8)));
        WaitingListReview fromJsonl = rules.review(jsonl, AS_OF);
        assertThat(fromJsonl.rejected()).isEmpty();
        assertThat(linesById(fromJsonl)).containsExactly(Map.entry("OK-1", 1L));
    }

    @Test
    void crlfLineEndingsAreLineEndings(@TempDir Path dir) throws IOException {
        String text = HEADER + "\r\nD1,PRIORITY,2024-01-01,,2024-01-02,NO,YES,YES,YES\r\n\r\nD2,NON_PRIORITY,2023-10-01,,,,,,\r\n"
                + "D3,PRIORITY,2024-01-20,,,,,,\r\n";
        Path file = dir.resolve("crlf.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        WaitingListReview review = rules.review(file, AS_OF);
        assertThat(review.summary().entriesIn()).isEqualTo(3);
        assertThat(review.summary().blankLines()).isEqualTo(1);
        assertThat(review.rejected()).extracting(RejectedEntry::line).containsExactly(5L);
        assertThat(problems(review.rejected().get(0))).containsExactly("/received AFTER_AS_OF");
        // The last field of each line is read without the carriage return.
        assertThat(review.validationOutcomes()).hasSize(1);
        assertThat(review.validationOutcomes().get(0).validationOutcome().decision()).hasToString("MAY_BE_REMOVED");
        assertThat(linesById(review)).containsEntry("D1", 2L).containsEntry("D2", 4L);

        WaitingListReview json = jsonLines(JSON_FIRST + "\r\n\r\n" + JSON_BEFORE + "\r\n");
        assertThat(json.rejected()).isEmpty();
        assertThat(json.summary().blankLines()).isEqualTo(1);
        assertThat(linesById(json)).containsEntry("OK-1", 1L).containsEntry("OK-2", 3L);
    }

    @Test
    void blankLinesAreCountedButAreNotEntries() {
        WaitingListReview review = csv("\n" + HEADER + "\n\nE1,PRIORITY,2024-01-01,,,,,,\n   \n\t\nE2,PRIORITY,2099-01-01,,,,,,\n\n");
        assertThat(review.summary().entriesIn()).isEqualTo(2);
        assertThat(review.summary().blankLines()).isEqualTo(5);
        assertThat(review.summary().reviewed()).isEqualTo(1);
        // Line numbers are physical: blank lines count.
        assertThat(linesById(review)).containsExactly(Map.entry("E1", 4L));
        assertThat(review.rejected()).extracting(RejectedEntry::line).containsExactly(7L);

        WaitingListReview json = jsonLines("\n\n" + JSON_FIRST + "\n \n");
        assertThat(json.summary().entriesIn()).isEqualTo(1);
        assertThat(json.summary().blankLines()).isEqualTo(3);
        assertThat(linesById(json)).containsExactly(Map.entry("OK-1", 3L));
    }

    @Test
    void quotedCsvFieldsMayHoldCommasAndDoubledQuotes() {
        WaitingListReview review = csv(HEADER + "\n"
                + "\"Smith, J \"\"Jo\"\"\",\"PRIORITY\",\"2024-01-01\",\"\",,,,,\n"
                + "\"a,b,c\",NON_PRIORITY,2023-06-01,\"2023-07-01\",,,,,\n"
                + "\"\"\"\",NON_PRIORITY,2023-12-01,,\"2024-01-02\",\"NO\",YES,YES,\"YES\"\n");
        assertThat(review.rejected()).isEmpty();
        assertThat(review.summary().waiting()).isEqualTo(2);
        assertThat(review.summary().seen()).isEqualTo(1);
        assertThat(linesById(review)).containsOnlyKeys("Smith, J \"Jo\"", "\"");
        assertThat(linesById(review)).containsEntry("Smith, J \"Jo\"", 2L).containsEntry("\"", 4L);
        EntryReview quote = review.validationOutcomes().get(0);
        assertThat(quote.entryId()).isEqualTo("\"");
        assertThat(quote.validationOutcome().decision()).hasToString("MAY_BE_REMOVED");
    }

    // ------------------------------------------------------------------ header problems

    @Test
    void anUnknownColumnIsAHeaderProblem() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> csv("entryId,category,received,nhsNumber\nF1,PRIORITY,2024-01-01,123\n"));
        assertThat(problems(e.violations())).containsExactly("/header/nhsNumber UNKNOWN_COLUMN");
    }

    @Test
    void aDuplicateColumnIsAHeaderProblem() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> csv("entryId,category,received,received\nF1,PRIORITY,2024-01-01,2024-01-01\n"));
        assertThat(problems(e.violations())).containsExactly("/header/received DUPLICATE_COLUMN");
    }

    @Test
    void aMissingRequiredColumnIsAHeaderProblem() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> csv("entryId,received,firstContact\nF1,2024-01-01,\n"));
        assertThat(problems(e.violations())).containsExactly("/header/category REQUIRED");
    }

    @Test
    void everyHeaderProblemIsNamedTogether() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> csv("entryId,entryId,ward,firstContact,bed\nF1,F1,3,,7\n"));
        assertThat(problems(e.violations())).containsExactlyInAnyOrder("/header/entryId DUPLICATE_COLUMN",
                "/header/ward UNKNOWN_COLUMN", "/header/bed UNKNOWN_COLUMN", "/header/category REQUIRED",
                "/header/received REQUIRED");
    }

    @Test
    void anEmptyCsvHasNoHeader(@TempDir Path dir) throws IOException {
        for (String text : List.of("", "\n", "\r\n  \n")) {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> csv(text));
            assertThat(problems(e.violations())).as("[%s]", text).containsExactly("/header REQUIRED");
        }
        Path file = dir.resolve("empty.csv");
        Files.write(file, new byte[0]);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> rules.review(file, AS_OF));
        assertThat(problems(e.violations())).containsExactly("/header REQUIRED");
    }

    @Test
    void aHeaderAloneIsAnEmptyListAndAnEmptyJsonLinesFileIsToo() {
        for (WaitingListReview review : List.of(csv(HEADER + "\n"), jsonLines(""))) {
            assertThat(review.summary().entriesIn()).isZero();
            assertThat(review.summary().complete()).isTrue();
            // An empty extract is more often a failed export than an empty list: nothing is concluded.
            assertThat(review.recoveryPlan().status()).hasToString("UNDETERMINED");
            assertThat(review.recoveryPlan().reasons()).extracting(r -> r.ruleId()).containsExactly("WL-RP-005");
        }
    }

    // ------------------------------------------------------------------ encoding and file names

    @Test
    void invalidUtf8RejectsOnlyTheLineItIsOn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, concat(
                (HEADER + "\nG1,PRIORITY,2024-01-01,,,,,,\n").getBytes(StandardCharsets.UTF_8),
                "G2 Bj".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xF6}, // ö in Latin-1
                "rk,PRIORITY,2024-01-01,,,,,,\n".getBytes(StandardCharsets.UTF_8),
                "G3,NON_PRIORITY,2023-11-01,,,,,,\n".getBytes(StandardCharsets.UTF_8),
                "G4,NON_PRIORITY,".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3}, // truncated sequence
                "\nG5 Ødegård,NON_PRIORITY,2023-12-01,,,,,,\n".getBytes(StandardCharsets.UTF_8)));
        WaitingListReview review = rules.review(file, AS_OF);
        assertThat(review.rejected()).extracting(RejectedEntry::line).containsExactly(3L, 5L);
        for (RejectedEntry r : review.rejected()) {
            assertThat(problems(r)).containsExactly(" INVALID_ENCODING");
        }
        assertThat(review.summary().entriesIn()).isEqualTo(5);
        assertThat(linesById(review)).containsOnlyKeys("G1", "G3", "G5 Ødegård").containsEntry("G5 Ødegård", 6L);

        Path jsonl = dir.resolve("bad.jsonl");
        Files.write(jsonl, concat((JSON_FIRST + "\n{\"entryId\":\"H").getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                ("\",\"category\":\"PRIORITY\",\"received\":\"2024-01-01\"}\n" + JSON_BEFORE + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
        WaitingListReview json = rules.review(jsonl, AS_OF);
        assertThat(json.rejected()).extracting(RejectedEntry::line).containsExactly(2L);
        assertThat(problems(json.rejected().get(0))).containsExactly(" INVALID_ENCODING");
        assertThat(linesById(json)).containsOnlyKeys("OK-1", "OK-2");
    }

    @Test
    void aReplacementCharacterWrittenAsValidUtf8IsNotAnEncodingError(@TempDir Path dir) throws IOException {
        // U+FFFD encoded correctly (EF BF BD) is valid UTF-8, and not a control character or a space.
        Path file = dir.resolve("valid.csv");
        Files.writeString(file, HEADER + "\nK\uFFFD1,PRIORITY,2024-01-01,,,,,,\n", StandardCharsets.UTF_8);
        WaitingListReview review = rules.review(file, AS_OF);
        assertThat(review.rejected()).as("rejections").isEmpty();
        assertThat(linesById(review)).containsOnlyKeys("K\uFFFD1");
    }

    @Test
    void aFileIsReadByItsExtension(@TempDir Path dir) throws IOException {
        Path txt = dir.resolve("list.txt");
        Files.writeString(txt, HEADER + "\n");
        assertThatThrownBy(() -> rules.review(txt, AS_OF)).isInstanceOf(InvalidInputException.class);
        Path none = dir.resolve("list");
        Files.writeString(none, JSON_FIRST + "\n");
        assertThatThrownBy(() -> rules.review(none, AS_OF)).isInstanceOf(InvalidInputException.class);

        Path ndjson = dir.resolve("list.ndjson");
        Files.writeString(ndjson, JSON_FIRST + "\n");
        assertThat(rules.review(ndjson, AS_OF).summary().reviewed()).isEqualTo(1);
        // A JSON Lines file named .csv is read as CSV: its first line is a (bad) header.
        Path misnamed = dir.resolve("list.csv");
        Files.writeString(misnamed, JSON_FIRST + "\n");
        assertThatThrownBy(() -> rules.review(misnamed, AS_OF)).isInstanceOf(InvalidInputException.class);
    }

    // ------------------------------------------------------------------ a long file

    @Test
    void theAccountingOfATenThousandLineFileAddsUp(@TempDir Path dir) throws IOException {
        // 10,000 physical lines: the header, 9,949 valid entries, 30 bad entries and 20 blank lines.
        List<WaitingListEntry> valid = SyntheticWaitingLists.list(7L, 9_949, AS_OF);
        String[] csvLines = SyntheticWaitingLists.toCsv(valid).split("\n");
        List<String> lines = new ArrayList<>(List.of(csvLines));
        List<Long> badLines = new ArrayList<>();
        List<Long> blank = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // Every 200th line from line 150: a bad entry, or (every third) a blank line.
            int at = 149 + 200 * i;
            if (i % 5 < 3) {
                lines.add(at, "BAD-" + i + ",NON_PRIORITY,not-a-date,,,,,,");
            } else {
                lines.add(at, "");
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                blank.add(i + 1L);
            } else if (lines.get(i).startsWith("BAD-")) {
                badLines.add(i + 1L);
            }
        }
        assertThat(lines).hasSize(10_000);
        assertThat(badLines).hasSize(30);
        assertThat(blank).hasSize(20);
        Path file = dir.resolve("long.csv");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

        WaitingListReview review = rules.review(file, AS_OF);
        long waiting = valid.stream().filter(e -> !Spec.seen(e, AS_OF)).count();
        var summary = review.summary();
        assertThat(summary.entriesIn()).isEqualTo(9_979);
        assertThat(summary.reviewed()).isEqualTo(9_949);
        assertThat(summary.rejected()).isEqualTo(30);
        assertThat(summary.blankLines()).isEqualTo(20);
        assertThat(summary.waiting()).isEqualTo(waiting);
        assertThat(summary.seen()).isEqualTo(9_949 - waiting);
        assertThat(summary.entriesIn()).isEqualTo(summary.reviewed() + summary.rejected());
        assertThat(summary.reviewed()).isEqualTo(summary.waiting() + summary.seen());
        assertThat(review.rejected()).extracting(RejectedEntry::line).containsExactlyElementsOf(badLines);
        assertThat(review.rejected()).allSatisfy(r -> assertThat(problems(r)).containsExactly("/received INVALID_DATE"));
        assertThat(review.bandCounts().stream().mapToLong(BandCount::total).sum()).isEqualTo(waiting);
        for (BandCount count : review.bandCounts()) {
            for (PriorityCategory category : PriorityCategory.values()) {
                long expected = valid.stream().filter(e -> !Spec.seen(e, AS_OF) && e.category() == category
                        && Spec.band(Spec.days(e, AS_OF)).equals(count.band())).count();
                assertThat(category == PriorityCategory.PRIORITY ? count.priority() : count.nonPriority())
                        .as("%s %s", count.band(), category).isEqualTo(expected);
            }
        }
        long over = valid.stream().filter(e -> !Spec.seen(e, AS_OF) && Spec.days(e, AS_OF) > Spec.threshold(e.category()))
                .count();
        assertThat(review.overThreshold()).hasSize((int) over);
        assertThat(review.recoveryPlan().required()).isEqualTo(over > 0);
    }

    // ------------------------------------------------------------------ one entry

    @Test
    void reviewingABadEntryOnItsOwnThrowsWithEveryViolation() {
        WaitingListEntry bad = new WaitingListEntry(null, null, AS_OF.plusDays(3), AS_OF.plusDays(1),
                new ValidationRecord(null, Answer.NO, null, null, null));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> rules.reviewEntry(bad, AS_OF));
        assertThat(problems(e.violations())).containsExactlyInAnyOrder("/entryId REQUIRED", "/category REQUIRED",
                "/received AFTER_AS_OF", "/firstContact BEFORE_RECEIVED", "/validation/validatedOn REQUIRED");

        WaitingListEntry old = new WaitingListEntry("  P1", PriorityCategory.PRIORITY, AS_OF.minusDays(3653), null,
                new ValidationRecord(AS_OF.plusDays(1), Answer.YES, Answer.YES, Answer.YES, Answer.YES));
        InvalidInputException e2 = catchThrowableOfType(InvalidInputException.class, () -> rules.reviewEntry(old, AS_OF));
        assertThat(problems(e2.violations())).containsExactlyInAnyOrder("/entryId INVALID", "/received OUT_OF_RANGE",
                "/validation/validatedOn AFTER_AS_OF");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
