package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.JsonContract;
import org.mskrules.core.Violation;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.Finding;
import org.mskrules.msk.FindingStatus;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ReferralJson;

/** Reading a referral document: every problem together, each with its JSON Pointer and stable code. */
class ReferralJsonTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    private static List<Violation> check(String json) {
        return ReferralJson.check(json, AS_OF);
    }

    @Test
    void everyProblemOfADocumentIsReportedTogetherSchemaAndClinicalConsistencyAlike() {
        String json = """
                {"ageYears": "fifty", "referralDate": "2026-13-40", "sex": "M",
                 "regions": ["KNEE", "ELBOW"],
                 "findings": {"FEVER": "YES", "BOGUS": "PRESENT", "LEG_PAIN": 5,
                              "NIGHT_PAIN": {"status": "ABSENT", "trend": "WORSENING", "colour": "red"}},
                 "painScore": 11, "extra": true,
                 "riskStratification": {"tool": "STARTBACK", "totalScore": 3, "distressScore": 4}}
                """;
        assertThat(check(json)).extracting(Violation::path, Violation::code).containsExactly(
                tuple("/ageYears", "WRONG_TYPE"),
                tuple("/extra", "UNKNOWN_FIELD"),
                tuple("/findings/BOGUS", "UNKNOWN_CODE"),
                tuple("/findings/FEVER", "UNKNOWN_CODE"),
                tuple("/findings/LEG_PAIN", "WRONG_TYPE"),
                tuple("/findings/NIGHT_PAIN", "INCONSISTENT"),
                tuple("/findings/NIGHT_PAIN/colour", "UNKNOWN_FIELD"),
                tuple("/painScore", "OUT_OF_RANGE"),
                tuple("/referralDate", "INVALID_DATE"),
                tuple("/regions/1", "UNKNOWN_CODE"),
                tuple("/riskStratification/distressScore", "INCONSISTENT"),
                tuple("/riskStratification/tool", "INVALID"),
                tuple("/sex", "UNKNOWN_CODE"));
        assertThatThrownBy(() -> ReferralJson.read(json, AS_OF)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).hasSize(13));
    }

    @Test
    void datesAreCheckedAgainstTheEvaluationDateAndEachOther() {
        assertThat(check("""
                {"ageYears": 50, "referralDate": "2026-11-24", "symptomOnset": "2026-11-25",
                 "findings": {"FEVER": {"status": "PRESENT", "onset": "2026-11-30"}}}
                """)).extracting(Violation::path, Violation::code).containsExactly(
                tuple("/findings/FEVER/onset", "AFTER_REFERRAL_DATE"),
                tuple("/referralDate", "AFTER_AS_OF"),
                tuple("/symptomOnset", "AFTER_REFERRAL_DATE"));
        // The same document is fine a week later: the evaluation date is an input, not the clock.
        assertThat(ReferralJson.check("""
                {"ageYears": 50, "referralDate": "2026-11-24", "symptomOnset": "2026-11-20"}
                """, AS_OF.plusWeeks(1))).isEmpty();
    }

    @Test
    void missingRequiredFieldsAndNullsAreNamed() {
        assertThat(check("{}")).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/ageYears", "REQUIRED"), tuple("/referralDate", "REQUIRED"));
        // null is not "not recorded": leave the field out.
        assertThat(check("{\"ageYears\": null, \"referralDate\": \"2026-11-20\", \"painScore\": null}"))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/ageYears", "WRONG_TYPE"), tuple("/painScore", "WRONG_TYPE"));
        assertThat(check("{\"ageYears\": 131, \"referralDate\": \"2026-11-20\"}"))
                .extracting(Violation::path, Violation::code).containsExactly(tuple("/ageYears", "OUT_OF_RANGE"));
        assertThat(check("{\"ageYears\": 50.5, \"referralDate\": \"2026-11-20\"}"))
                .extracting(Violation::path, Violation::code).containsExactly(tuple("/ageYears", "WRONG_TYPE"));
    }

    @Test
    void aDocumentThatCannotBeParsedHasOneProblemSayingWhereAndWhy() {
        assertThat(check("{\"ageYears\": 50,")).extracting(Violation::code).containsExactly("MALFORMED_JSON");
        assertThat(check("{\"ageYears\": 50,").get(0).message()).contains("line 1");
        assertThat(check("")).extracting(Violation::code).containsExactly("EMPTY_DOCUMENT");
        assertThat(check("  \r\n")).extracting(Violation::code).containsExactly("EMPTY_DOCUMENT");
        assertThat(check("{\"ageYears\": 50, \"ageYears\": 51, \"referralDate\": \"2026-11-20\"}"))
                .extracting(Violation::path, Violation::code).containsExactly(tuple("/ageYears", "DUPLICATE_FIELD"));
        assertThat(check("{\"ageYears\": 50, \"referralDate\": \"2026-11-20\"} {}"))
                .extracting(Violation::code).containsExactly("MALFORMED_JSON");
        assertThat(check("[1, 2]")).extracting(Violation::path, Violation::code).containsExactly(tuple("", "WRONG_TYPE"));
    }

    @Test
    void limitsOnSizeNestingAndStringLengthAreEnforcedWithAClearError() {
        String deep = "{\"findings\": " + "[".repeat(200) + "]".repeat(200) + "}";
        assertThat(check(deep)).extracting(Violation::code).containsExactly("NESTING_TOO_DEEP");
        String longString = "{\"referralId\": \"" + "x".repeat(200_000) + "\"}";
        assertThat(check(longString)).extracting(Violation::code).containsExactly("STRING_TOO_LONG");
        String huge = "{\"referralId\": \"x\"" + ", \"a\": 1".repeat(JsonContract.MAX_DOCUMENT_CHARS / 8 + 1) + "}";
        assertThat(check(huge)).extracting(Violation::code).containsExactly("DOCUMENT_TOO_LARGE");
        assertThat(check("{\"ageYears\": 5" + "0".repeat(2000) + ", \"referralDate\": \"2026-11-20\"}"))
                .extracting(Violation::code).containsExactly("NUMBER_TOO_LONG");
        // A long id within the string limit is the schema's problem, with its own code.
        assertThat(check("{\"referralId\": \"" + "x".repeat(65) + "\", \"ageYears\": 50, \"referralDate\": \"2026-11-20\"}"))
                .extracting(Violation::path, Violation::code).containsExactly(tuple("/referralId", "INVALID_LENGTH"));
    }

    @Test
    void aNumberWithNothingAfterThePointIsTheIntegerItIsAsTheSchemaSays() {
        assertThat(ReferralJson.read("{\"ageYears\": 50.0, \"referralDate\": \"2026-11-20\", \"painScore\": 7e0}", AS_OF))
                .satisfies(r -> {
                    assertThat(r.ageYears()).isEqualTo(50);
                    assertThat(r.painScore()).isEqualTo(7);
                });
        // And the other problems of the document are still all found.
        assertThat(check("{\"ageYears\": 40.0, \"referralDate\": \"2026-12-01\", \"symptomOnset\": \"2027-01-01\", \"painScore\": 7.5}"))
                .extracting(Violation::path, Violation::code).containsExactly(
                        tuple("/painScore", "WRONG_TYPE"), tuple("/referralDate", "AFTER_AS_OF"),
                        tuple("/symptomOnset", "AFTER_REFERRAL_DATE"));
    }

    @Test
    void aFindingWithABadStatusIsOneProblemAndTheRestOfTheDocumentIsStillChecked() {
        assertThat(check("{\"ageYears\": 50, \"referralDate\": \"2026-12-01\", \"findings\": {\"FEVER\": {\"status\": \"PRESNT\"},"
                + " \"NIGHT_PAIN\": {\"onset\": \"2026-11-01\"}}}"))
                .extracting(Violation::path, Violation::code).containsExactly(
                        tuple("/findings/FEVER/status", "UNKNOWN_CODE"), tuple("/findings/NIGHT_PAIN/status", "REQUIRED"),
                        tuple("/referralDate", "AFTER_AS_OF"));
    }

    @Test
    void aCheckThatWouldReadAValueWithItsOwnProblemIsNotMade() {
        // Duplicate regions are the problem; "no back region" would be a false second one.
        assertThat(check("{\"ageYears\": 50, \"referralDate\": \"2026-11-20\", \"regions\": [\"LUMBAR_SPINE\", \"LUMBAR_SPINE\"],"
                + " \"riskStratification\": {\"tool\": \"STARTBACK\", \"totalScore\": 3, \"distressScore\": 1}}"))
                .extracting(Violation::path, Violation::code).containsExactly(tuple("/regions", "DUPLICATE_ITEM"));
        // Without a usable referral date, onsets in the future are still found.
        assertThat(check("{\"ageYears\": 50, \"referralDate\": \"2026-02-30\", \"symptomOnset\": \"2099-01-01\","
                + " \"findings\": {\"FEVER\": {\"status\": \"PRESENT\", \"onset\": \"2099-01-01\"}}}"))
                .extracting(Violation::path, Violation::code).containsExactly(
                        tuple("/findings/FEVER/onset", "AFTER_AS_OF"), tuple("/referralDate", "INVALID_DATE"),
                        tuple("/symptomOnset", "AFTER_AS_OF"));
    }

    @Test
    void namesThatNeedEscapingMakeValidPointersAndMessagesStayShort() {
        // Names are at most Json.MAX_NAME_LENGTH characters (issue 15): a longer one is NAME_TOO_LONG below.
        String longKey = "Jane Smith 943 476 5919 ".repeat(40);
        List<Violation> v = check("{\"ageYears\": 50, \"referralDate\": \"2026-11-20\", \"a/b~c\": 1, \"\": 2, \""
                + longKey + "\": 3, \"findings\": {\"x/y\": \"PRESENT\"}}");
        assertThat(v).extracting(Violation::path, Violation::code).contains(
                tuple("/a~1b~0c", "UNKNOWN_FIELD"), tuple("/", "UNKNOWN_FIELD"), tuple("/findings/x~1y", "UNKNOWN_CODE"));
        assertThat(v).allSatisfy(x -> assertThat(x.message()).hasSizeLessThan(200));
        assertThat(check("{\"" + longKey + "\": 1, \"" + longKey + "\": 2}")).singleElement()
                .satisfies(x -> assertThat(x.message()).hasSizeLessThan(200));
        // Issue 15 (failure 11): a name over the limit is its own code, in the library's words, not the parser's.
        String hugeKey = "Jane Smith 943 476 5919 ".repeat(2500);
        assertThat(check("{\"" + hugeKey + "\": 1, \"ageYears\": 50}")).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("NAME_TOO_LONG");
            assertThat(x.message()).doesNotContain("Jane").doesNotContain("StreamReadConstraints").hasSizeLessThan(100);
        });
    }

    @Test
    void aDocumentWithThousandsOfProblemsListsAHundredAndSaysHowManyMore() {
        String regions = String.join(",", java.util.Collections.nCopies(5_000, "\"ELBOW\""));
        List<Violation> v = check("{\"ageYears\": 50, \"referralDate\": \"2026-11-20\", \"regions\": [" + regions + "]}");
        assertThat(v).hasSize(JsonContract.MAX_VIOLATIONS + 1);
        assertThat(v.get(v.size() - 1)).satisfies(last -> {
            assertThat(last.code()).isEqualTo("TOO_MANY_PROBLEMS");
            assertThat(last.message()).startsWith((5_001 - JsonContract.MAX_VIOLATIONS) + " more");
        });
    }

    @Test
    void lengthsAreCountedInCharactersAndBlankMeansWhatTheSchemaMeans() {
        String emoji = "\uD83D\uDE00".repeat(60);
        assertThat(check("{\"referralId\": \"" + emoji + "\", \"ageYears\": 50, \"referralDate\": \"2026-11-20\"}")).isEmpty();
        assertThat(check("{\"referralId\": \"" + emoji + "x".repeat(5) + "\", \"ageYears\": 50, \"referralDate\": \"2026-11-20\"}"))
                .extracting(Violation::path, Violation::code).containsExactly(tuple("/referralId", "INVALID_LENGTH"));
        assertThat(check("{\"referralId\": \" \", \"ageYears\": 50, \"referralDate\": \"2026-11-20\"}"))
                .extracting(Violation::path, Violation::code).containsExactly(tuple("/referralId", "INVALID_FORMAT"));
        assertThat(check("{\"referralId\": \"\", \"ageYears\": 50, \"referralDate\": \"2026-11-20\"}"))
                .extracting(Violation::path, Violation::code).containsExactly(tuple("/referralId", "INVALID_LENGTH"));
        assertThat(check("{\"sex\": null, \"ageYears\": 50, \"referralDate\": \"2026-11-20\"}"))
                .extracting(Violation::path, Violation::code).containsExactly(tuple("/sex", "WRONG_TYPE"));
        assertThat(check("{\"sex\": 5, \"ageYears\": 50, \"referralDate\": \"2026-11-20\"}").get(0).message())
                .contains("an integer");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreNotContent() {
        String doc = "\uFEFF{\r\n\"ageYears\": 50,\r\n\"referralDate\": \"2026-11-20\"\r\n}\r\n";
        assertThat(check(doc)).isEmpty();
    }

    @Test
    void aMessageNeverCarriesAWholeValueOrControlCharacters() {
        List<Violation> v = check("{\"ageYears\": 50, \"referralDate\": \"2026-11-20\", \"sex\": \"" + "\\u0007".repeat(3)
                + "y".repeat(5000) + "\"}");
        assertThat(v).extracting(Violation::code).containsExactly("UNKNOWN_CODE");
        assertThat(v.get(0).message()).hasSizeLessThan(200).doesNotContain("\u0007").contains("\\u0007");
        // A raw control character inside a string is not JSON at all.
        assertThat(check("{\"referralId\": \"a\u0007b\"}")).extracting(Violation::code).containsExactly("MALFORMED_JSON");
    }

    @Test
    void aDocumentReadThroughTheContractIsAssessedLikeTheSameReferralBuiltInJava() {
        String json = """
                {"referralId": "R-1", "ageYears": 47, "sex": "MALE", "referralDate": "2026-11-20",
                 "regions": ["LUMBAR_SPINE"],
                 "findings": {"SADDLE_ANAESTHESIA": {"status": "PRESENT", "onset": "2026-11-18", "trend": "WORSENING"},
                              "LEG_PAIN": "PRESENT"}}
                """;
        Referral read = ReferralJson.read(json, AS_OF);
        assertThat(read.status(Finding.SADDLE_ANAESTHESIA)).isEqualTo(FindingStatus.PRESENT);
        assertThat(read.status(Finding.FEVER)).isEqualTo(FindingStatus.NOT_RECORDED);
        MskRules rules = MskRules.builder().build();
        Assessment a = rules.assess(read, AS_OF);
        assertThat(a.escalation()).isEqualTo(EscalationLevel.EMERGENCY);
        assertThat(a).isEqualTo(rules.assess(Referral.builder().referralId("R-1").ageYears(47)
                .sex(org.mskrules.msk.Sex.MALE).referralDate(LocalDate.of(2026, 11, 20))
                .region(org.mskrules.msk.BodyRegion.LUMBAR_SPINE)
                .finding(Finding.SADDLE_ANAESTHESIA, org.mskrules.msk.Observation.present(LocalDate.of(2026, 11, 18),
                        org.mskrules.msk.Trend.WORSENING))
                .present(Finding.LEG_PAIN).build(), AS_OF));
    }
}
