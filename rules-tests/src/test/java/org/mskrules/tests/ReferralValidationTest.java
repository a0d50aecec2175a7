package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.Json;
import org.mskrules.core.UnknownRuleSetVersionException;
import org.mskrules.core.Violation;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.Finding;
import org.mskrules.msk.FindingStatus;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Observation;
import org.mskrules.msk.Referral;
import org.mskrules.msk.RiskCategory;
import org.mskrules.msk.RiskStratification;
import org.mskrules.msk.RiskTool;
import org.mskrules.msk.Trend;

class ReferralValidationTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static MskRules rules;

    @BeforeAll
    static void load() {
        rules = MskRules.builder().build();
    }

    @Nested
    class BadInput {
        @Test
        void everyProblemIsReportedTogetherWithItsFieldPath() {
            Referral r = new Referral("", -3, null, AS_OF.plusDays(1), AS_OF.plusDays(5), null,
                    java.util.Map.of(Finding.FEVER, new Observation(FindingStatus.ABSENT, AS_OF, null)), null, null, null);
            assertThatThrownBy(() -> rules.assess(r, AS_OF))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(Violation::path, Violation::code)
                            .containsExactlyInAnyOrder(
                                    org.assertj.core.groups.Tuple.tuple("/referralId", "INVALID"),
                                    org.assertj.core.groups.Tuple.tuple("/ageYears", "OUT_OF_RANGE"),
                                    org.assertj.core.groups.Tuple.tuple("/referralDate", "AFTER_AS_OF"),
                                    org.assertj.core.groups.Tuple.tuple("/symptomOnset", "AFTER_REFERRAL_DATE"),
                                    org.assertj.core.groups.Tuple.tuple("/findings/FEVER", "INCONSISTENT")));
        }

        @Test
        void missingAgeAndReferralDateAreRequired() {
            assertThat(rules.validate(new Referral(null, null, null, null, null, null, null, null, null, null), AS_OF))
                    .extracting(Violation::path)
                    .containsExactly("/ageYears", "/referralDate");
        }

        @Test
        void aFindingOnsetAfterTheReferralIsRejected() {
            Referral r = Referral.builder().ageYears(40).referralDate(AS_OF.minusDays(3))
                    .finding(Finding.LEG_PAIN, Observation.present(AS_OF, Trend.STABLE)).build();
            assertThat(rules.validate(r, AS_OF)).extracting(Violation::path, Violation::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("/findings/LEG_PAIN/onset", "AFTER_REFERRAL_DATE"));
        }

        @Test
        void aPainScoreOutsideZeroToTenAndAMalformedRiskResultAreAllReported() {
            Referral r = Referral.builder().ageYears(40).referralDate(AS_OF).painScore(11)
                    .riskStratification(new RiskStratification(RiskTool.STARTMSK, RiskCategory.LOW, 12, 6)).build();
            assertThat(rules.validate(r, AS_OF)).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("/painScore", "OUT_OF_RANGE"),
                    org.assertj.core.groups.Tuple.tuple("/riskStratification", "INCONSISTENT"),
                    org.assertj.core.groups.Tuple.tuple("/riskStratification", "INVALID"),
                    org.assertj.core.groups.Tuple.tuple("/riskStratification/totalScore", "OUT_OF_RANGE"),
                    org.assertj.core.groups.Tuple.tuple("/riskStratification/distressScore", "OUT_OF_RANGE"));
        }

        @Test
        void startBackScoresMustBothBeGivenAndTheDistressItemsArePartOfTheTotal() {
            Referral onlyTotal = Referral.builder().ageYears(40).referralDate(AS_OF).region(BodyRegion.LUMBAR_SPINE)
                    .riskStratification(new RiskStratification(RiskTool.STARTBACK, null, 5, null)).build();
            assertThat(rules.validate(onlyTotal, AS_OF)).extracting(Violation::path, Violation::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("/riskStratification/distressScore", "REQUIRED"));
            Referral distressAboveTotal = Referral.builder().ageYears(40).referralDate(AS_OF).region(BodyRegion.LUMBAR_SPINE)
                    .riskStratification(RiskStratification.startBack(2, 3)).build();
            assertThat(rules.validate(distressAboveTotal, AS_OF)).extracting(Violation::path, Violation::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("/riskStratification/distressScore", "INCONSISTENT"));
            Referral nothing = Referral.builder().ageYears(40).referralDate(AS_OF)
                    .riskStratification(new RiskStratification(null, null, null, null)).build();
            assertThat(rules.validate(nothing, AS_OF)).extracting(Violation::path)
                    .containsExactlyInAnyOrder("/riskStratification/tool", "/riskStratification/category");
        }

        @Test
        void startBackIsRefusedForAPresentationWithoutBackPain() {
            Referral knee = Referral.builder().ageYears(40).referralDate(AS_OF).region(BodyRegion.KNEE)
                    .riskStratification(RiskStratification.category(RiskTool.STARTBACK, RiskCategory.LOW)).build();
            assertThat(rules.validate(knee, AS_OF)).extracting(Violation::path, Violation::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("/riskStratification/tool", "INVALID"));
        }

        @Test
        void unknownJsonFieldsAreErrorsNotIgnored() {
            String json = "{\"ageYears\": 40, \"referralDate\": \"2026-11-20\", \"temperature\": 39}";
            assertThatThrownBy(() -> Json.readValue(json, Referral.class))
                    .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("temperature");
        }

        @Test
        void anUnknownFindingCodeIsAnError() {
            String json = "{\"ageYears\": 40, \"referralDate\": \"2026-11-20\", \"findings\": {\"FEVERISH\": \"PRESENT\"}}";
            assertThatThrownBy(() -> Json.readValue(json, Referral.class))
                    .isInstanceOf(MismatchedInputException.class).hasMessageContaining("FEVERISH");
        }

        @Test
        void anUnknownStatusOrObservationFieldIsAnError() {
            String bad = "{\"ageYears\": 40, \"referralDate\": \"2026-11-20\", \"findings\": {\"FEVER\": \"YES\"}}";
            assertThatThrownBy(() -> Json.readValue(bad, Referral.class)).hasMessageContaining("YES");
            String extra = "{\"ageYears\": 40, \"referralDate\": \"2026-11-20\","
                    + " \"findings\": {\"FEVER\": {\"status\": \"PRESENT\", \"severity\": 3}}}";
            assertThatThrownBy(() -> Json.readValue(extra, Referral.class)).hasMessageContaining("severity");
        }

        @Test
        void aFractionalAgeIsAnErrorNotTruncated() {
            String json = "{\"ageYears\": 40.9, \"referralDate\": \"2026-11-20\"}";
            assertThatThrownBy(() -> Json.readValue(json, Referral.class))
                    .isInstanceOf(MismatchedInputException.class);
        }

        @Test
        void anAgeGivenAsTextIsAnError() {
            String json = "{\"ageYears\": \"forty\", \"referralDate\": \"2026-11-20\"}";
            assertThatThrownBy(() -> Json.readValue(json, Referral.class))
                    .isInstanceOf(MismatchedInputException.class);
        }
    }

    @Nested
    class Configuration {
        @Test
        void anUnknownVersionIsRefusedNamingTheKnownOnes() {
            assertThatThrownBy(() -> MskRules.builder().ruleSetVersion("0.9.0").build())
                    .isInstanceOf(UnknownRuleSetVersionException.class)
                    .hasMessageContaining("[msk-referral:0.9.0]").hasMessageContaining("1.0.0");
        }

        @Test
        void anUnknownParameterOrOneOutOfRangeIsRefusedAtOnce() {
            assertThatThrownBy(() -> MskRules.builder().parameter("malignancyAge", 55))
                    .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("malignancyAgeYears");
            assertThatThrownBy(() -> MskRules.builder().parameter("malignancyAgeYears", 5))
                    .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("[40, 70]");
        }

        @Test
        void anOverriddenParameterChangesTheDecisionAndIsReported() {
            // Night pain alone at 52: one malignancy feature by default age (50) plus night pain = 2.
            Referral r = Referral.builder().ageYears(52).referralDate(AS_OF.minusDays(1))
                    .region(BodyRegion.LUMBAR_SPINE).present(Finding.NIGHT_PAIN).absent(Finding.CANCER_HISTORY).build();
            assertThat(rules.assess(r, AS_OF).escalation()).isEqualTo(EscalationLevel.URGENT);
            MskRules older = MskRules.builder().parameter("malignancyAgeYears", 55).build();
            assertThat(older.assess(r, AS_OF).escalation()).isEqualTo(EscalationLevel.NONE);
            assertThat(older.assess(r, AS_OF).parameters()).containsEntry("malignancyAgeYears", 55);
        }
    }
}
