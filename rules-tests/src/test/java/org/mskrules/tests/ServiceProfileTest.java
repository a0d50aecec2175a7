package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.Violation;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.Finding;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Observation;
import org.mskrules.msk.Referral;
import org.mskrules.msk.Route;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.Trend;

/** The service profile: national defaults, local overrides from JSON, validation, and its effect on routing. */
class ServiceProfileTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final Path EXAMPLES = Path.of("..", "examples");

    private static ServiceProfile read(String json) {
        return ServiceProfile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theNationalDefaultsAreTheNationalThresholdsWithFcpAccessAndSelfReferral() {
        ServiceProfile p = ServiceProfile.NATIONAL;
        assertThat(p.fcpAccess()).isTrue();
        assertThat(p.acceptsSelfReferral()).isTrue();
        assertThat(p.triageWithinHours()).isNull();
        assertThat(p.urgentSeenWithinDays()).isEqualTo(14);
        assertThat(p.routineSeenWithinDays()).isEqualTo(84);
        assertThat(read("{}")).isEqualTo(p);
    }

    @Test
    void theShippedEastLancashireExampleOverridesOnlyWhatItNames() {
        ServiceProfile p = ServiceProfile.read(EXAMPLES.resolve("service-profile-east-lancashire.json"));
        assertThat(p.name()).isEqualTo("East Lancashire IMPRS");
        assertThat(p.triageWithinHours()).isEqualTo(24);
        assertThat(p.urgentSeenWithinDays()).isEqualTo(5);
        assertThat(p.routineSeenWithinDays()).isEqualTo(28);
        assertThat(p.fcpAccess()).isEqualTo(ServiceProfile.NATIONAL.fcpAccess());
        // A single point of access (seeds/003 lines 8, 19, 29), read from msk-referral 2.0.0; no advice and guidance.
        assertThat(p.singlePointOfAccess()).isTrue();
        assertThat(p.adviceAndGuidanceSpecialties()).isEmpty();
    }

    @Test
    void everyBadValueIsReportedTogetherWithItsPointer() {
        assertThatThrownBy(() -> read("{\"name\": \" \", \"triageWithinHours\": 0, \"urgentSeenWithinDays\": 21,"
                + " \"routineSeenWithinDays\": 120}"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
                                Tuple.tuple("/name", "INVALID_FORMAT"),
                                Tuple.tuple("/triageWithinHours", "OUT_OF_RANGE"),
                                Tuple.tuple("/urgentSeenWithinDays", "OUT_OF_RANGE"),
                                Tuple.tuple("/routineSeenWithinDays", "OUT_OF_RANGE")));
    }

    @Test
    void aRoutineStandardShorterThanTheUrgentOneIsInconsistent() {
        assertThatThrownBy(() -> ServiceProfile.builder().name("Test service").urgentSeenWithinDays(10)
                .routineSeenWithinDays(7).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactly(Tuple.tuple("/routineSeenWithinDays", "INCONSISTENT")));
    }

    @Test
    void aProfileThatDiffersFromTheNationalDefaultsMustNameItsServiceAndNullIsNotADefault() {
        assertThatThrownBy(() -> read("{\"fcpAccess\": false}"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code).containsExactly(Tuple.tuple("/name", "REQUIRED")));
        assertThatThrownBy(() -> read("{\"name\": \"Practice A\", \"fcpAccess\": null}"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code).containsExactly(Tuple.tuple("/fcpAccess", "WRONG_TYPE")));
        assertThat(read("{\"name\": \"Practice A\", \"fcpAccess\": false}").fcpAccess()).isFalse();
        // The same rule holds however the profile is made, not only from JSON or the builder.
        assertThatThrownBy(() -> new ServiceProfile(ServiceProfile.NATIONAL.name(), false, true, null, 14, 84))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code).containsExactly(Tuple.tuple("/name", "REQUIRED")));
    }

    @Test
    void aWholeNumberWrittenWithAPointIsThatNumberAndAFractionIsAWrongType() {
        assertThat(read("{\"name\": \"Practice A\", \"triageWithinHours\": 24.0, \"urgentSeenWithinDays\": 1e1}"))
                .satisfies(p -> {
                    assertThat(p.triageWithinHours()).isEqualTo(24);
                    assertThat(p.urgentSeenWithinDays()).isEqualTo(10);
                });
        assertThatThrownBy(() -> read("{\"name\": \"Practice A\", \"triageWithinHours\": 24.5}"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code).containsExactly(Tuple.tuple("/triageWithinHours", "WRONG_TYPE")));
    }

    @Test
    void unknownFieldsAndWrongTypesAreErrorsWithTheirPointer() {
        assertThatThrownBy(() -> read("{\"fcpAcess\": false}"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("/fcpAcess", "/name"));
        assertThatThrownBy(() -> read("{\"routineSeenWithinDays\": \"four weeks\"}"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("/name", "/routineSeenWithinDays"));
        // With a name, the misspelt or mistyped field is the only problem.
        assertThatThrownBy(() -> read("{\"name\": \"Practice A\", \"fcpAcess\": false}"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code).containsExactly(Tuple.tuple("/fcpAcess", "UNKNOWN_FIELD")));
    }

    @Test
    void theProfileSetsTheTimeFrameOfCommunityRoutesAndNeverTheRedFlags() {
        // Recent knee replacement needing rehabilitation: a priority patient for community therapy.
        Referral r = Referral.builder().ageYears(70).referralDate(AS_OF.minusDays(2)).region(BodyRegion.KNEE)
                .painScore(3)
                .finding(Finding.SURGERY_OR_PROCEDURE_NEEDING_REHABILITATION,
                        Observation.present(AS_OF.minusDays(30), Trend.IMPROVING))
                .absent(Finding.INJURY_NEEDING_REHABILITATION).build();
        ServiceProfile east = ServiceProfile.read(EXAMPLES.resolve("service-profile-east-lancashire.json"));
        MskRules rules = MskRules.builder().serviceProfile(east).build();
        Assessment local = rules.assess(r, AS_OF);
        Assessment national = rules.assess(r, AS_OF, ServiceProfile.NATIONAL);
        assertThat(local.route().route()).isEqualTo(Route.COMMUNITY_MSK_THERAPY);
        assertThat(local.route().seenWithinDays()).isEqualTo(5);
        assertThat(national.route().seenWithinDays()).isEqualTo(14);
        assertThat(local.priority().waitingThresholdDays()).isEqualTo(14);
        assertThat(local.serviceProfile()).isEqualTo(east);
    }
}
