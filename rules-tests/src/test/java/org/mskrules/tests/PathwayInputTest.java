package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.Json;
import org.mskrules.core.Violation;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.PathwayStage;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ReferralJson;
import org.mskrules.msk.ReferralSource;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.Specialty;

/**
 * The inputs of issue 17: the pathway stage and referral source on a referral, the pathway switches
 * of a service profile; read, checked, echoed, and refused by the versions that do not read them.
 */
class PathwayInputTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 21);
    static final String KNEE = """
            {"referralId": "P-1", "ageYears": 40, "referralDate": "2026-12-18", "regions": ["KNEE"]%s}
            """;

    private static String knee(String more) {
        return KNEE.formatted(more);
    }

    @Test
    void aSelfReferralIsAcceptedAndEchoedWithItsStage() {
        Referral r = ReferralJson.read(knee(", \"pathwayStage\": \"FIRST_CONTACT\", \"referralSource\": \"SELF_REFERRAL\""), AS_OF);
        assertThat(r.pathwayStage()).isEqualTo(PathwayStage.FIRST_CONTACT);
        assertThat(r.referralSource()).isEqualTo(ReferralSource.SELF_REFERRAL);
        Assessment a = MskRules.builder().ruleSetVersion("2.0.0").build().assess(r, AS_OF);
        assertThat(a.pathwayStage()).isEqualTo(PathwayStage.FIRST_CONTACT);
        assertThat(a.referralSource()).isEqualTo(ReferralSource.SELF_REFERRAL);
        // The national defaults accept self-referral: the service's front door (PR2022, seeds/004 line 42).
        assertThat(a.route().reasons()).extracting(x -> x.ruleId()).containsExactly("RT-FC-003");
        assertThat(Json.tree(a).path("referralSource").asText()).isEqualTo("SELF_REFERRAL");
    }

    @Test
    void aReferralWithoutAStageIsDecidedAtTheAssessmentAndSaysSo() {
        Assessment a = MskRules.builder().ruleSetVersion("2.0.0").build().assess(ReferralJson.read(knee(""), AS_OF), AS_OF);
        assertThat(a.pathwayStage()).isEqualTo(PathwayStage.FCP_OR_GP_ASSESSMENT);
        assertThat(a.referralSource()).isNull();
    }

    @Test
    void unknownStagesAndSourcesAreSchemaErrors() {
        assertThat(ReferralJson.check(knee(", \"pathwayStage\": \"WARD\", \"referralSource\": \"PHARMACY\""), AS_OF))
                .extracting(Violation::path).containsExactly("/pathwayStage", "/referralSource");
    }

    @Test
    void aFirstContactFromAnFcpOrSecondaryCareAndAReturnFromAGpAreInconsistent() {
        assertThat(ReferralJson.check(knee(", \"pathwayStage\": \"FIRST_CONTACT\", \"referralSource\": \"FIRST_CONTACT_PRACTITIONER\""), AS_OF))
                .extracting(Violation::path, Violation::code).containsExactly(tuple("/referralSource", "INCONSISTENT"));
        assertThat(ReferralJson.check(knee(", \"pathwayStage\": \"RETURN_FROM_SECONDARY_CARE\", \"referralSource\": \"GP\""), AS_OF))
                .extracting(Violation::path, Violation::code).containsExactly(tuple("/referralSource", "INCONSISTENT"));
        assertThat(ReferralJson.check(knee(", \"pathwayStage\": \"RETURN_FROM_SECONDARY_CARE\", \"referralSource\": \"SECONDARY_CARE\""), AS_OF))
                .isEmpty();
    }

    @Test
    void versionsBefore2_0_0RefuseAStageOrSourceRatherThanIgnoreThem() {
        Referral r = ReferralJson.read(knee(", \"pathwayStage\": \"COMMUNITY_MSK_TRIAGE\", \"referralSource\": \"GP\""), AS_OF);
        for (String version : new String[] {"1.0.0", "1.1.0"}) {
            MskRules rules = MskRules.builder().ruleSetVersion(version).build();
            assertThat(rules.readsPathwayStage()).isFalse();
            assertThatThrownBy(() -> rules.assess(r, AS_OF)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.violations()).extracting(Violation::path, Violation::code).containsExactly(
                            tuple("/pathwayStage", "UNSUPPORTED_BY_VERSION"), tuple("/referralSource", "UNSUPPORTED_BY_VERSION")));
            assertThat(rules.validate(r, AS_OF)).hasSize(2);
        }
    }

    @Test
    void aProfileReadsThePathwaySwitchesAndAnOldProfileReadsAsBefore() {
        ServiceProfile p = read("{\"name\": \"IMPRS\", \"singlePointOfAccess\": true,"
                + " \"adviceAndGuidanceSpecialties\": [\"PAIN_MANAGEMENT\", \"RHEUMATOLOGY\"]}");
        assertThat(p.singlePointOfAccess()).isTrue();
        assertThat(p.adviceAndGuidanceSpecialties()).containsExactly(Specialty.RHEUMATOLOGY, Specialty.PAIN_MANAGEMENT);
        assertThat(p.offersAdviceAndGuidance(Specialty.ORTHOPAEDICS)).isFalse();
        ServiceProfile old = read("{\"name\": \"Old\", \"fcpAccess\": false}");
        assertThat(old.singlePointOfAccess()).isFalse();
        assertThat(old.adviceAndGuidanceSpecialties()).isEmpty();
        assertThat(old).isEqualTo(new ServiceProfile("Old", false, true, null, 14, 84));
        // Left out of JSON when off, so a decision's profile reads as before 2.0.0.
        assertThat(Json.tree(old).has("singlePointOfAccess")).isFalse();
        assertThat(Json.tree(old).has("adviceAndGuidanceSpecialties")).isFalse();
    }

    @Test
    void aProfileThatSwitchesSomethingOnNeedsItsOwnName() {
        assertThatThrownBy(() -> read("{\"singlePointOfAccess\": true}")).isInstanceOfSatisfying(
                InvalidConfigurationException.class, e -> assertThat(e.violations()).extracting(Violation::path,
                        Violation::code).containsExactly(tuple("/name", "REQUIRED")));
        assertThatThrownBy(() -> ServiceProfile.NATIONAL.toBuilder().adviceAndGuidanceSpecialties(Specialty.RHEUMATOLOGY)
                .build()).isInstanceOf(InvalidConfigurationException.class);
    }

    private static ServiceProfile read(String json) {
        return ServiceProfile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
