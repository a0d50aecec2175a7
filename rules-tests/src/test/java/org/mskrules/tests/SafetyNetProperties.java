package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mskrules.governance.RandomDraws;
import org.mskrules.governance.SyntheticReferrals;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.Finding;
import org.mskrules.msk.FindingStatus;
import org.mskrules.msk.LocalParameters;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Observation;
import org.mskrules.msk.Referral;
import org.mskrules.msk.Route;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * The safety net (issue 14, clinical reference principles 2, 6 and 7), as properties over 100,000
 * fully answered synthetic referrals each ({@link SyntheticReferrals#answered}: every finding
 * absent but one to three present and up to two not recorded, mostly low risk), on which
 * self-management is reachable, so the properties bite. The serious findings and criteria below are
 * this test's own reading of the clinical reference (principles 2, 6 and 7 and the criteria of rule
 * set 1), the oracle: a criterion is partly met when it is not met and would be met with its items
 * not recorded present, with no further condition.
 *
 * <p>They hold from {@code msk-referral 1.1.0}; {@link SafetyNetMutationTest} shows each fails on
 * the 1.0.0 rules. Fixed seed; no shrinking (a seed reproduces a failure, and shrinking 100,000
 * draws takes minutes and means nothing here).
 */
class SafetyNetProperties {
    static final int EXAMPLES = 100_000;
    static final long SEED = 20_261_207L;
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 21);

    static MskRules rules;

    @BeforeAll
    static void load() {
        if (rules == null) {
            rules = MskRules.builder().ruleSetVersion("1.1.0").build();
        }
    }

    /** Warning signs in themselves (principle 6), not risk factors or context. */
    static final Set<Finding> SERIOUS = EnumSet.of(
            Finding.BLADDER_OR_BOWEL_DISTURBANCE, Finding.SADDLE_ANAESTHESIA, Finding.SEXUAL_DYSFUNCTION,
            Finding.BILATERAL_LEG_NEUROLOGICAL_DEFICIT, Finding.BILATERAL_RADICULAR_PAIN,
            Finding.LIMB_WEAKNESS, Finding.SENSORY_LOSS, Finding.DIFFICULTY_WALKING, Finding.HAND_CLUMSINESS,
            Finding.UNSTEADY_GAIT, Finding.UPPER_MOTOR_NEURON_SIGNS, Finding.RAPIDLY_PROGRESSIVE_NEUROLOGICAL_DEFICIT,
            Finding.FEVER, Finding.SYSTEMICALLY_UNWELL, Finding.SYSTEMIC_UPSET, Finding.HOT_SWOLLEN_JOINT,
            Finding.SUSPECTED_PROSTHETIC_JOINT_INFECTION, Finding.SUSPECTED_PERSISTENT_SYNOVITIS,
            Finding.MAJOR_TRAUMA, Finding.UNEXPLAINED_FRACTURE, Finding.SUSPECTED_FRACTURE, Finding.UNREDUCED_DISLOCATION,
            Finding.ACUTE_TENDON_RUPTURE, Finding.UNEXPLAINED_BONE_SWELLING, Finding.UNEXPLAINED_BONE_PAIN,
            Finding.GROWING_SOFT_TISSUE_LUMP, Finding.XRAY_SUGGESTS_BONE_SARCOMA, Finding.VISUAL_SYMPTOMS,
            Finding.JAW_OR_TONGUE_CLAUDICATION, Finding.COLLAPSE_OR_LOSS_OF_CONSCIOUSNESS,
            Finding.PAIN_OUT_OF_PROPORTION, Finding.PAIN_ON_PASSIVE_STRETCH);

    /** A limb deficit that community MSK physiotherapy assesses (NICE NG59, sciatica). */
    static final Set<Finding> LIMB_DEFICIT = EnumSet.of(Finding.LIMB_WEAKNESS, Finding.SENSORY_LOSS,
            Finding.DIFFICULTY_WALKING, Finding.HAND_CLUMSINESS, Finding.UNSTEADY_GAIT, Finding.UPPER_MOTOR_NEURON_SIGNS);

    /** Any neurological symptom or sign (principle 7), for cancer: metastatic cord compression. */
    static final List<Finding> NEUROLOGY = List.of(Finding.RADICULAR_PAIN, Finding.BILATERAL_RADICULAR_PAIN,
            Finding.LIMB_WEAKNESS, Finding.DIFFICULTY_WALKING, Finding.SENSORY_LOSS, Finding.BLADDER_OR_BOWEL_DISTURBANCE,
            Finding.SADDLE_ANAESTHESIA, Finding.SEXUAL_DYSFUNCTION, Finding.BILATERAL_LEG_NEUROLOGICAL_DEFICIT,
            Finding.UPPER_MOTOR_NEURON_SIGNS, Finding.UNSTEADY_GAIT, Finding.HAND_CLUMSINESS,
            Finding.RAPIDLY_PROGRESSIVE_NEUROLOGICAL_DEFICIT);

    private static final List<Finding> CES = List.of(Finding.BLADDER_OR_BOWEL_DISTURBANCE, Finding.SADDLE_ANAESTHESIA,
            Finding.BILATERAL_LEG_NEUROLOGICAL_DEFICIT, Finding.BILATERAL_RADICULAR_PAIN, Finding.SEXUAL_DYSFUNCTION);

    /**
     * A criterion of the clinical reference: the findings it needs present ({@code items}) and
     * whether a referral meets it.
     */
    record Criterion(String name, List<Finding> items, Predicate<Referral> met) {
        boolean partlyMet(Referral r) {
            return r.anyNotRecorded(items) && !met.test(r) && met.test(r.withNotRecordedPresent(items));
        }
    }

    static List<Criterion> criteria(LocalParameters p) {
        List<Finding> cesGate = List.of(Finding.LEG_PAIN, Finding.RADICULAR_PAIN, Finding.BILATERAL_RADICULAR_PAIN,
                Finding.BUTTOCK_PAIN);
        Predicate<Referral> legOrBack = r -> r.isBackPain() || r.hasRegion(BodyRegion.HIP_OR_THIGH)
                || r.hasRegion(BodyRegion.LOWER_LEG) || r.hasRegion(BodyRegion.ANKLE_OR_FOOT)
                || r.hasRegion(BodyRegion.SACROILIAC_OR_PELVIS) || r.anyPresent(cesGate);
        List<Finding> cesItems = concat(cesGate, CES);
        List<Finding> osteoporosis = List.of(Finding.LONG_TERM_CORTICOSTEROIDS, Finding.PREVIOUS_FRAGILITY_FRACTURE,
                Finding.KNOWN_OSTEOPOROSIS);
        List<Finding> gca = List.of(Finding.NEW_HEADACHE, Finding.SCALP_TENDERNESS, Finding.JAW_OR_TONGUE_CLAUDICATION,
                Finding.VISUAL_SYMPTOMS, Finding.POLYMYALGIA_SYMPTOMS, Finding.SYSTEMIC_UPSET);
        List<Finding> axSpa = List.of(Finding.WAKING_SECOND_HALF_OF_NIGHT, Finding.BUTTOCK_PAIN,
                Finding.IMPROVES_WITH_MOVEMENT, Finding.IMPROVES_WITHIN_48H_OF_NSAID,
                Finding.FIRST_DEGREE_RELATIVE_WITH_SPONDYLOARTHRITIS, Finding.CURRENT_OR_PAST_ARTHRITIS,
                Finding.CURRENT_OR_PAST_ENTHESITIS, Finding.CURRENT_OR_PAST_PSORIASIS);
        return List.of(
                new Criterion("CES (GIRFT 2023)", cesItems, r -> legOrBack.test(r) && r.anyPresent(CES)),
                new Criterion("MSCC (NG234)", concat(List.of(Finding.CANCER_HISTORY), NEUROLOGY),
                        r -> r.isPresent(Finding.CANCER_HISTORY) && r.anyPresent(NEUROLOGY)),
                new Criterion("AAA (NG156)", List.of(Finding.ABDOMINAL_PAIN, Finding.COLLAPSE_OR_LOSS_OF_CONSCIOUSNESS),
                        r -> (r.isPresent(Finding.ABDOMINAL_PAIN) || r.isBackPain())
                                && r.isPresent(Finding.COLLAPSE_OR_LOSS_OF_CONSCIOUSNESS)),
                new Criterion("Fragility fracture (NHSE 2020)", concat(List.of(Finding.MINOR_TRAUMA), osteoporosis),
                        r -> r.isBackPain() && r.isPresent(Finding.MINOR_TRAUMA)
                                && (r.anyPresent(osteoporosis) || r.age() >= p.fragilityFractureAgeFor(r.sex()))),
                new Criterion("Axial SpA, 4 features (NG65)", axSpa,
                        r -> r.isBackPain() && r.ageAtEpisodeOnset() >= 0 && r.ageAtEpisodeOnset() < 45
                                && r.episodeLongerThanMonths(3) && r.countPresent(axSpa)
                                + (r.ageAtEpisodeOnset() < 35 ? 1 : 0) >= 4),
                new Criterion("Compartment syndrome (BOAST 10)", List.of(Finding.FRACTURE_CRUSH_OR_TIGHT_CAST,
                        Finding.PAIN_OUT_OF_PROPORTION, Finding.PAIN_ON_PASSIVE_STRETCH),
                        r -> r.isPresent(Finding.FRACTURE_CRUSH_OR_TIGHT_CAST) && r.isPresent(Finding.PAIN_OUT_OF_PROPORTION)
                                && r.isPresent(Finding.PAIN_ON_PASSIVE_STRETCH)),
                new Criterion("Urgent synovitis (NG100)", List.of(Finding.SUSPECTED_PERSISTENT_SYNOVITIS,
                        Finding.SMALL_JOINTS_OF_HANDS_OR_FEET, Finding.MORE_THAN_ONE_JOINT),
                        r -> r.isPresent(Finding.SUSPECTED_PERSISTENT_SYNOVITIS)
                                && (r.isPresent(Finding.SMALL_JOINTS_OF_HANDS_OR_FEET) || r.isPresent(Finding.MORE_THAN_ONE_JOINT)
                                        || r.historyAtLeastMonths(Finding.SUSPECTED_PERSISTENT_SYNOVITIS, 3))),
                new Criterion("Spinal malignancy, combination (CD008686)", List.of(Finding.UNEXPLAINED_WEIGHT_LOSS,
                        Finding.NO_IMPROVEMENT_AFTER_ONE_MONTH, Finding.NIGHT_PAIN),
                        r -> r.isSpinalPain() && r.countPresent(List.of(Finding.UNEXPLAINED_WEIGHT_LOSS,
                                Finding.NO_IMPROVEMENT_AFTER_ONE_MONTH, Finding.NIGHT_PAIN))
                                + (r.age() >= p.malignancyAgeYears() ? 1 : 0) >= p.malignancyMinimumFeatures()),
                new Criterion("Giant cell arteritis (BSR 2020)", gca, r -> r.age() > 50 && r.anyPresent(gca)),
                new Criterion("Myeloma (NG12)", List.of(Finding.PERSISTENT_BONE_OR_BACK_PAIN, Finding.UNEXPLAINED_FRACTURE),
                        r -> r.age() >= 60 && r.anyPresent(List.of(Finding.PERSISTENT_BONE_OR_BACK_PAIN,
                                Finding.UNEXPLAINED_FRACTURE))));
    }

    private static List<Finding> concat(List<Finding> a, List<Finding> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }

    static Gen<Referral> answered() {
        return in -> SyntheticReferrals.answered(draws(in), AS_OF);
    }

    /** Fully answered referrals with a cancer history present. */
    static Gen<Referral> answeredWithCancer() {
        return answered().map(r -> SyntheticReferrals.with(r, Finding.CANCER_HISTORY, Observation.PRESENT));
    }

    private static RandomDraws draws(org.quicktheories.core.RandomnessSource in) {
        return (min, max) -> (int) in.next(Constraint.between(min, max));
    }

    @Test
    void noReferralWithASeriousFindingPresentOrNotRecordedIsSelfManagedAndAPresentOneIsNamed() {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED).withShrinkCycles(0).forAll(answered()).checkAssert(r -> {
            List<Finding> uncleared = SERIOUS.stream().filter(f -> !r.isAbsent(f)).toList();
            if (uncleared.isEmpty()) {
                return;
            }
            Assessment a = rules.assess(r, AS_OF);
            assertThat(a.route().route()).as("route of a referral with %s present or not recorded", uncleared)
                    .isNotEqualTo(Route.SUPPORTED_SELF_MANAGEMENT);
            List<Finding> present = SERIOUS.stream().filter(r::isPresent).toList();
            if (a.redFlags().isEmpty() && !present.isEmpty()) {
                // Only ABSENT clears; a present one the flags do not explain is named to the clinician.
                assertThat(a.route().timeFrame()).as("time frame with %s present and no red flag", present)
                        .contains(present.get(0).name());
                if (a.route().seenWithinDays() != null) {
                    // Seen to the urgent standard, as a priority patient is, not the routine one.
                    assertThat(a.route().seenWithinDays()).as("standard with %s present and no red flag", present)
                            .isEqualTo(a.serviceProfile().seenWithinDays(org.mskrules.msk.PriorityCategory.PRIORITY));
                }
                if (present.stream().anyMatch(f -> !LIMB_DEFICIT.contains(f))) {
                    // Not a physiotherapy-only pathway for a systemic, vascular, sphincter or bony sign.
                    assertThat(a.route().route()).as("route with %s present and no red flag", present)
                            .isNotEqualTo(Route.COMMUNITY_MSK_THERAPY);
                }
            }
        });
    }

    @Test
    void noPartlyMetCriterionWithTheRestNotRecordedIsSelfManaged() {
        List<Criterion> criteria = criteria(rules.parameters());
        qt().withExamples(EXAMPLES).withFixedSeed(SEED + 1).withShrinkCycles(0).forAll(answered()).checkAssert(r -> {
            List<String> partly = criteria.stream().filter(c -> c.partlyMet(r)).map(Criterion::name).toList();
            if (!partly.isEmpty()) {
                Assessment a = rules.assess(r, AS_OF);
                assertThat(a.route().route()).as("route with %s partly met", partly)
                        .isNotEqualTo(Route.SUPPORTED_SELF_MANAGEMENT);
                if (a.route().route() == Route.FIRST_CONTACT_PRACTITIONER && a.seriousFindings().isEmpty()) {
                    // Held back from self-management by the screen that names what was not asked.
                    assertThat(a.incompleteScreens()).as("screens with %s partly met", partly).isNotEmpty();
                }
            }
        });
    }

    @Test
    void cancerWithAnyNeurologicalSymptomOrSignIsAnEmergency() {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED + 2).withShrinkCycles(0).forAll(answeredWithCancer())
                .checkAssert(r -> {
                    List<Finding> neuro = NEUROLOGY.stream().filter(r::isPresent).toList();
                    if (!neuro.isEmpty()) {
                        assertThat(rules.assess(r, AS_OF).escalation()).as("escalation of cancer with %s", neuro)
                                .isEqualTo(EscalationLevel.EMERGENCY);
                    }
                });
    }

    @Test
    void theGeneratorReachesSelfManagementAndEachPropertyHasCasesToCheck() {
        // Without these the properties above could pass vacuously.
        int selfManaged = 0;
        int serious = 0;
        int partly = 0;
        java.util.Random random = new java.util.Random(SEED);
        RandomDraws draws = (min, max) -> min + random.nextInt(max - min + 1);
        List<Criterion> criteria = criteria(rules.parameters());
        for (int i = 0; i < 10_000; i++) {
            Referral r = SyntheticReferrals.answered(draws, AS_OF);
            if (rules.assess(r, AS_OF).route().route() == Route.SUPPORTED_SELF_MANAGEMENT) {
                selfManaged++;
            }
            serious += SERIOUS.stream().anyMatch(r::isPresent) ? 1 : 0;
            partly += criteria.stream().anyMatch(c -> c.partlyMet(r)) ? 1 : 0;
        }
        assertThat(selfManaged).as("self-managed of 10,000").isGreaterThan(1_000);
        assertThat(serious).as("with a serious finding of 10,000").isGreaterThan(2_000);
        assertThat(partly).as("with a partly met criterion of 10,000").isGreaterThan(200);
    }

    @Test
    void theRuleSetAndThisOracleAgreeOnWhatIsSerious() {
        // The properties above do not read the rule set's declaration; this says where the two differ.
        Set<Finding> declared = EnumSet.noneOf(Finding.class);
        rules.rules().stream().filter(r -> "serious-finding".equals(r.meta("kind")))
                .flatMap(r -> java.util.stream.Stream.of(r.meta("findings"), r.meta("alwaysFlagged")))
                .filter(java.util.Objects::nonNull)
                .forEach(list -> List.of(list.split(",")).forEach(f -> declared.add(Finding.valueOf(f.trim()))));
        assertThat(declared).isEqualTo(SERIOUS);
        assertThat(FindingStatus.values()).hasSize(3);
    }
}
