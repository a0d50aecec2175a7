package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.EvaluationDate;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.core.RulesException;
import org.mskrules.core.UnknownRuleSetVersionException;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.Referral;
import org.mskrules.msk.waitinglist.WaitingListEntry;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * Issue 15 through the Java API: dates outside 1900-01-01 to 2999-12-31 are refused with
 * {@code OUT_OF_RANGE} and their pointer (failure 14), a list file that cannot be read is a
 * {@link RulesException} (failure 15), and a version that is not a version is an unknown version
 * (failure 8). The command line's side is in {@code rules-cli}'s {@code InputEdgesTest}.
 */
class InputEdgesApiTest {
    private static final MskRules RULES = MskRules.builder().build();
    private static final WaitingListRules LISTS = WaitingListRules.builder().build();
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    private static Referral referral(LocalDate referralDate) {
        return Referral.builder().ageYears(47).referralDate(referralDate).region(BodyRegion.KNEE).build();
    }

    private static List<String> problems(Runnable call) {
        InvalidInputException e = catchThrowableOfType(call::run, InvalidInputException.class);
        assertThat(e).as("InvalidInputException").isNotNull();
        return e.violations().stream().map(v -> v.path() + " " + v.code()).toList();
    }

    @Test
    void aReferralDateOrEvaluationDateOutsideTheRangeIsOutOfRange() {
        assertThat(problems(() -> RULES.assess(referral(LocalDate.MIN), AS_OF))).containsExactly("/referralDate OUT_OF_RANGE");
        assertThat(problems(() -> RULES.assess(referral(LocalDate.of(1899, 12, 31)), AS_OF)))
                .containsExactly("/referralDate OUT_OF_RANGE");
        assertThat(problems(() -> RULES.assess(referral(LocalDate.of(2026, 11, 20)), LocalDate.MAX)))
                .containsExactly("/asOf OUT_OF_RANGE");
        assertThat(RULES.validate(referral(LocalDate.of(2026, 11, 20)), LocalDate.of(3000, 1, 1)))
                .extracting(v -> v.path() + " " + v.code()).containsExactly("/asOf OUT_OF_RANGE");
        // The edges themselves are dates like any other.
        assertThat(RULES.validate(referral(EvaluationDate.EARLIEST), EvaluationDate.EARLIEST)).isEmpty();
        assertThat(RULES.validate(referral(LocalDate.of(2026, 11, 20)), EvaluationDate.LATEST)).isEmpty();
    }

    @Test
    void aWaitingListOutsideTheRangeIsRefusedOrItsEntryRejected() {
        WaitingListEntry entry = WaitingListEntry.of("A1", PriorityCategory.PRIORITY, LocalDate.of(2023, 11, 1));
        assertThat(problems(() -> LISTS.review(List.of(entry), LocalDate.MAX))).containsExactly("/asOf OUT_OF_RANGE");
        assertThat(problems(() -> LISTS.reviewEntry(entry, LocalDate.MIN))).containsExactly("/asOf OUT_OF_RANGE");
        assertThat(problems(() -> LISTS.policy(LocalDate.of(3000, 1, 1)))).containsExactly("/asOf OUT_OF_RANGE");
        WaitingListReview review = LISTS.review(List.of(WaitingListEntry.of("A2", PriorityCategory.PRIORITY,
                LocalDate.MIN)), LocalDate.of(2023, 11, 20));
        assertThat(review.rejected()).singleElement().satisfies(r -> assertThat(r.violations())
                .extracting(v -> v.path() + " " + v.code()).containsExactly("/received OUT_OF_RANGE"));
    }

    @Test
    void aListFileThatCannotBeReadIsARulesExceptionNamingIt(@TempDir Path dir) throws Exception {
        for (Path file : List.of(dir.resolve("missing.csv"), Files.createDirectory(dir.resolve("folder.csv")))) {
            InvalidInputException e = catchThrowableOfType(() -> LISTS.review(file, LocalDate.of(2023, 11, 20)),
                    InvalidInputException.class);
            assertThat(e).as("%s", file).isNotNull().isInstanceOf(RulesException.class);
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo("UNREADABLE");
                assertThat(v.message()).contains(file.toString());
            });
        }
    }

    @Test
    void aFieldWhoseNameStartsWithAHashIsAnUnknownFieldLikeAnyOther() {
        // Found by Jazzer: the schema validator lets such a name pass additionalProperties: false.
        assertThat(org.mskrules.msk.ReferralJson.check("{\"#geYears\": 60, \"ageYears\": 40, \"referralDate\": \"2026-11-10\"}",
                AS_OF)).extracting(v -> v.path() + " " + v.code()).containsExactly("/#geYears UNKNOWN_FIELD");
        InvalidConfigurationExceptionCheck.profile("{\"name\": \"X\", \"#fcpAccess\": true}", "/#fcpAccess UNKNOWN_FIELD");
    }

    /** A service profile's problems, as "path CODE". */
    private static final class InvalidConfigurationExceptionCheck {
        static void profile(String json, String expected) {
            org.mskrules.core.InvalidConfigurationException e = catchThrowableOfType(() -> org.mskrules.msk.ServiceProfile.read(
                    new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                    org.mskrules.core.InvalidConfigurationException.class);
            assertThat(e).isNotNull();
            assertThat(e.violations()).extracting(v -> v.path() + " " + v.code()).contains(expected);
        }
    }

    @Test
    void aCsvHeaderOfControlCharactersGivesAShortPointerAndMessage() {
        // Found by Jazzer: 40 escaped NULs made a 240-character excerpt, and the pointer held the name whole.
        String header = "entryId,category," + "\u0000".repeat(5_000) + "received\nA1,PRIORITY,2023-11-01\n";
        InvalidInputException e = catchThrowableOfType(() -> LISTS.review(new java.io.ByteArrayInputStream(
                header.getBytes(java.nio.charset.StandardCharsets.UTF_8)), org.mskrules.msk.waitinglist.EntryFormat.CSV,
                LocalDate.of(2023, 11, 20)), InvalidInputException.class);
        assertThat(e).isNotNull();
        assertThat(e.violations()).allSatisfy(v -> {
            assertThat(v.path()).hasSizeLessThan(60).doesNotContain("\u0000");
            assertThat(v.message()).hasSizeLessThan(300);
        });
        assertThat(org.mskrules.core.Violation.shown("\u0000".repeat(100))).hasSizeLessThanOrEqualTo(43);
    }

    @Test
    void aVersionThatIsNotAVersionIsUnknownNotANumberFormatError() {
        RuleSetRegistry registry = RuleSetRegistry.fromClasspath(MskRules.class.getClassLoader());
        for (String version : List.of("../../etc/passwd", "1.0", "1.0.0.0", "", "x".repeat(500))) {
            assertThatThrownBy(() -> registry.ruleSet(MskRules.RULE_SET_ID, version))
                    .isInstanceOf(UnknownRuleSetVersionException.class).hasMessageContaining("MAJOR.MINOR.PATCH")
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        }
    }
}
