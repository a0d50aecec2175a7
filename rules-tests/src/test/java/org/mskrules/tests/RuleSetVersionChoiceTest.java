package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.io.Json;
import org.mskrules.core.NoVersionInForceException;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.core.RulesException;
import org.mskrules.core.Violation;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.Finding;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.RedFlag;
import org.mskrules.msk.Referral;
import org.mskrules.msk.Sex;
import org.mskrules.msk.waitinglist.Answer;
import org.mskrules.msk.waitinglist.ValidationDecision;
import org.mskrules.msk.waitinglist.ValidationReason;
import org.mskrules.msk.waitinglist.ValidationRecord;
import org.mskrules.msk.waitinglist.WaitingListEntry;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * How the facades choose a version: by number (any version, working ones included), by the date it
 * is in force, or by default the newest released version; and that a facade built with rules
 * disabled never fires them in any evaluation and names them in every trace.
 *
 * <p>Besides the class path, a registry with a working {@code 9.9.9} of each rule set (the 1.0.0
 * kbase and files, effective from 2020) shows that a working version is never chosen unless named.
 */
class RuleSetVersionChoiceTest {
    static final String WORKING = "9.9.9";
    static final LocalDate REFERRAL_RELEASE = LocalDate.of(2026, 11, 2);
    static final LocalDate WAITING_LIST_RELEASE = LocalDate.of(2023, 4, 1);

    static RuleSetRegistry withWorking;

    @BeforeAll
    static void registryWithWorkingVersions(@TempDir Path dir) throws IOException {
        withWorking = RuleSetRegistry.fromClasspath(withWorkingCopies(dir, MskRules.RULE_SET_ID, WaitingListRules.RULE_SET_ID));
    }

    static final Referral SADDLE_ANAESTHESIA = Referral.builder()
            .referralId("R-1").ageYears(47).sex(Sex.MALE)
            .referralDate(LocalDate.of(2026, 11, 20))
            .region(BodyRegion.LUMBAR_SPINE)
            .present(Finding.LEG_PAIN, Finding.SADDLE_ANAESTHESIA)
            .absent(Finding.BLADDER_OR_BOWEL_DISTURBANCE, Finding.CANCER_HISTORY)
            .build();
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @Test
    void byDefaultTheNewestReleasedVersionDecidesNeverAWorkingOne() {
        RuleSetRegistry classpath = RuleSetRegistry.fromClasspath();
        for (String id : List.of(MskRules.RULE_SET_ID, WaitingListRules.RULE_SET_ID)) {
            List<RuleSetManifest> released = classpath.released(id);
            String newest = released.get(released.size() - 1).version();
            String chosen = id.equals(MskRules.RULE_SET_ID) ? MskRules.builder().build().version()
                    : WaitingListRules.builder().build().version();
            assertThat(chosen).as(id).isEqualTo(newest);
        }
        List<String> all = withWorking.versions(MskRules.RULE_SET_ID);
        assertThat(all.get(all.size() - 1)).as("the newest version is the working one").isEqualTo(WORKING);
        assertThat(MskRules.builder().registry(withWorking).build().version()).isNotEqualTo(WORKING);
        assertThat(WaitingListRules.builder().registry(withWorking).build().version()).isNotEqualTo(WORKING);
    }

    @Test
    void inForceOnChoosesTheReleasedVersionInForceOnThatDate() {
        assertThat(MskRules.builder().registry(withWorking).inForceOn(REFERRAL_RELEASE).build().version())
                .isEqualTo("1.0.0");
        assertThat(WaitingListRules.builder().registry(withWorking).inForceOn(WAITING_LIST_RELEASE).build()
                .version()).isEqualTo("1.0.0");
        // The working 9.9.9 says it is effective from 2020, but a working version is never in force.
        String later = MskRules.builder().registry(withWorking).inForceOn(LocalDate.of(2030, 1, 1)).build().version();
        assertThat(later).isNotEqualTo(WORKING);
        assertThat(withWorking.manifest(MskRules.RULE_SET_ID, later).status()).isEqualTo(RuleSetManifest.Status.RELEASED);
    }

    @Test
    void theDayBeforeTheFirstReleaseNoVersionIsInForce() {
        assertThatThrownBy(() -> MskRules.builder().registry(withWorking).inForceOn(REFERRAL_RELEASE.minusDays(1)).build())
                .isInstanceOf(NoVersionInForceException.class)
                .hasMessageContaining("no version of rule set [msk-referral] is in force on [2026-11-01]")
                .hasMessageContaining("1.0.0 from 2026-11-02")
                .hasMessageNotContaining(WORKING);
        assertThatThrownBy(() -> WaitingListRules.builder().inForceOn(WAITING_LIST_RELEASE.minusDays(1)).build())
                .isInstanceOf(NoVersionInForceException.class)
                .hasMessageContaining("[msk-waiting-list] is in force on [2023-03-31]")
                .hasMessageContaining("1.0.0 from 2023-04-01");
    }

    @Test
    void aWorkingVersionDecidesOnlyWhenNamed() {
        MskRules working = MskRules.builder().registry(withWorking).ruleSetVersion(WORKING).build();
        assertThat(working.version()).isEqualTo(WORKING);
        assertThat(working.assess(SADDLE_ANAESTHESIA, AS_OF).trace().version()).isEqualTo(WORKING);
        assertThat(WaitingListRules.builder().registry(withWorking).ruleSetVersion(WORKING).build().version())
                .isEqualTo(WORKING);
    }

    @Test
    void aVersionAndADateTogetherAreRefusedWhicheverIsSetFirst() {
        Violation expected = new Violation("/ruleSetVersion", "INCONSISTENT",
                "choose the rule-set version by number (ruleSetVersion [1.0.0]) or by date (inForceOn [2026-11-23]), not both");
        assertThatThrownBy(() -> MskRules.builder().ruleSetVersion("1.0.0").inForceOn(AS_OF))
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.violations()).containsExactly(expected));
        assertThatThrownBy(() -> MskRules.builder().inForceOn(AS_OF).ruleSetVersion("1.0.0"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.violations()).containsExactly(expected));
        assertThatThrownBy(() -> WaitingListRules.builder().ruleSetVersion("1.0.0").inForceOn(AS_OF))
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.violations()).containsExactly(expected));
        assertThatThrownBy(() -> WaitingListRules.builder().inForceOn(AS_OF).ruleSetVersion("1.0.0"))
                .isInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void aDisabledReferralRuleDoesNotFireAndEveryTraceNamesIt() {
        Assessment normal = MskRules.builder().build().assess(SADDLE_ANAESTHESIA, AS_OF);
        assertThat(normal.trace().disabledRules()).isEmpty();
        List<String> flags = normal.redFlags().stream().map(RedFlag::ruleId).toList();
        assertThat(flags).contains("RF-CES-001");

        MskRules mutated = MskRules.builder().withRulesDisabled("RF-CES-001").build();
        Assessment a = mutated.assess(SADDLE_ANAESTHESIA, AS_OF);
        assertThat(a.redFlags()).extracting(RedFlag::ruleId).doesNotContain("RF-CES-001");
        assertThat(a.trace().firedRuleIds()).doesNotContain("RF-CES-001");
        assertThat(a.trace().disabledRules()).containsExactly("RF-CES-001");
        // The rest of the version still runs: the incomplete cauda equina screen is still reported.
        assertThat(a.trace().firedRuleIds()).contains("SCR-CES-001");
        assertThat(mutated.toString()).contains("disabled [RF-CES-001]");
    }

    @Test
    void unknownRuleIdsToDisableAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> MskRules.builder().withRulesDisabled("RF-CES-001", "RF-NOPE-001", "WL-VO-001").build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::message)
                        .containsExactly("rule [RF-NOPE-001] is not a rule of rule set [msk-referral:1.1.0]",
                                "rule [WL-VO-001] is not a rule of rule set [msk-referral:1.1.0]"));
        assertThatThrownBy(() -> WaitingListRules.builder().withRulesDisabled("RF-CES-001").build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("rule [RF-CES-001] is not a rule of rule set [msk-waiting-list:1.0.0]");
    }

    @Test
    void aWaitingListReviewHonoursDisabledRulesInEachOfItsEvaluations() {
        LocalDate asOf = LocalDate.of(2023, 11, 20);
        // Says they no longer wish to be seen, but neither capacity nor understanding is confirmed.
        WaitingListEntry entry = WaitingListEntry.of("A", PriorityCategory.PRIORITY, LocalDate.of(2023, 11, 10))
                .withValidation(new ValidationRecord(LocalDate.of(2023, 11, 15), Answer.NO, Answer.NO, Answer.NO,
                        Answer.YES));

        WaitingListReview normal = WaitingListRules.builder().build().review(List.of(entry), asOf);
        assertThat(normal.policy().upcomingMilestones()).isNotEmpty();
        assertThat(normal.validationOutcomes().get(0).validationOutcome().reasons()).extracting(ValidationReason::ruleId)
                .containsExactly("WL-VO-003", "WL-VO-004");
        assertThat(normal.trace().disabledRules()).isEmpty();

        // The policy evaluation (WL-MS-102) and the validation-outcome evaluation (WL-VO-003).
        WaitingListReview mutated = WaitingListRules.builder().withRulesDisabled("WL-VO-003", "WL-MS-102").build()
                .review(List.of(entry), asOf);
        assertThat(mutated.policy().upcomingMilestones()).isEmpty();
        assertThat(mutated.validationOutcomes().get(0).validationOutcome().decision()).isEqualTo(ValidationDecision.STAYS);
        assertThat(mutated.validationOutcomes().get(0).validationOutcome().reasons()).extracting(ValidationReason::ruleId)
                .containsExactly("WL-VO-004");
        assertThat(mutated.trace().firedRuleIds()).doesNotContain("WL-MS-102");
        assertThat(mutated.trace().disabledRules()).containsExactly("WL-MS-102", "WL-VO-003");

        // The list evaluation (WL-RP-004 decides "not required" here): without it there is no
        // decision, and the review fails rather than report one; a mutation test sees that.
        assertThatThrownBy(() -> WaitingListRules.builder().withRulesDisabled("WL-RP-004").build()
                .review(List.of(WaitingListEntry.of("B", PriorityCategory.PRIORITY, LocalDate.of(2023, 11, 10))), asOf))
                .isInstanceOf(RulesException.class)
                .hasMessageContaining("made no recovery-plan decision");
    }

    /**
     * The class path, plus a working {@code 9.9.9} of each rule set: a copy of its 1.0.0 manifest
     * (same kbase and files) that is working and claims to be effective from 2020.
     */
    static ClassLoader withWorkingCopies(Path dir, String... ruleSetIds) throws IOException {
        ClassLoader parent = RuleSetVersionChoiceTest.class.getClassLoader();
        RuleSetRegistry real = RuleSetRegistry.fromClasspath(parent);
        Map<String, String> manifests = new HashMap<>();
        List<String> paths = new ArrayList<>();
        for (String id : ruleSetIds) {
            RuleSetManifest m = real.manifest(id, "1.0.0");
            ObjectNode copy = Json.tree(m);
            copy.put("version", WORKING).put("status", "WORKING").put("effectiveFrom", "2020-01-01").putNull("contentHash");
            if (id.equals(MskRules.RULE_SET_ID)) {
                // Only 1.0.0 and 1.1.0 may use the routing policy frozen in Java; a later version declares its own.
                String policy = real.manifest(id, "2.0.0").policy();
                copy.put("policy", policy);
                ((com.fasterxml.jackson.databind.node.ArrayNode) copy.get("files")).add(policy);
            }
            String path = "test-working/" + id + "-" + WORKING + ".json";
            manifests.put(path, Json.writeValueAsString(copy));
            paths.add(path);
        }
        return ExtraRuleSets.classPathWith(dir, manifests, paths);
    }
}
