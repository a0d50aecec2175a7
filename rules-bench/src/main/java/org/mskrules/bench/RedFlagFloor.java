package org.mskrules.bench;

import java.util.ArrayList;
import java.util.List;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.Finding;
import org.mskrules.msk.LocalParameters;
import org.mskrules.msk.Referral;

/**
 * The floor for referral assessment: the red-flag decisions of {@code msk-referral} 1.0.0, frozen
 * there (which red flags fire, the escalation level, which red-flag screens are incomplete and what
 * each misses) written as plain Java, with no engine, no trace and no validation. Benchmarks run it beside
 * the rule sets so that each figure can be read as a ratio to the cheapest way of computing the same
 * decisions; {@code RedFlagFloorTest} checks that it decides exactly as 1.0.0 does on a seeded
 * synthetic population.
 *
 * <p>A transcription of the DRL under {@code rules-msk/.../referral/v1_0/redflags/}, for benchmarks
 * only. Its "1.1.0" variant ({@link #of}) is a timing approximation, not 1.1.0's decisions: the 1.0.0
 * transcription with the NG234 reading of RF-MSCC-002, without 1.1.0's safety net, its corrected
 * criteria or its partly-met screens. The rule files are the clinical source, never this class: the rule files are the clinical source,
 * never this class. It computes less than {@code MskRules.assess} (no priority category, route,
 * stratified risk, trace or input validation), so the ratio of the engine to it overstates the
 * engine's overhead for equal work.
 *
 * <p>Thread-safe: immutable.
 */
final class RedFlagFloor {
    /** The red-flag rules, in the order of their bits in {@link Decision#flags()}. */
    static final List<String> FLAG_IDS = List.of("RF-AAA-001", "RF-AXSPA-001", "RF-AXSPA-002", "RF-BONE-001",
            "RF-CES-001", "RF-CES-002", "RF-COMP-001", "RF-FRAC-001", "RF-FRAC-002", "RF-FRAC-003", "RF-GCA-001",
            "RF-GCA-002", "RF-IA-001", "RF-IA-002", "RF-INF-001", "RF-INJ-001", "RF-INJ-002", "RF-INJ-003",
            "RF-MAL-001", "RF-MAL-002", "RF-MSCC-001", "RF-MSCC-002", "RF-MYE-001", "RF-MYEL-001", "RF-MYEL-002",
            "RF-SAR-001", "RF-SAR-002", "RF-SEPTIC-001", "RF-SEPTIC-002");
    /** Each red-flag rule's {@code @level}, in {@link #FLAG_IDS} order. */
    private static final EscalationLevel[] LEVELS = levels("E", "S", "S", "U", "E", "U", "E", "E", "E", "U", "U",
            "E", "U", "S", "E", "E", "U", "U", "U", "U", "E", "U", "U", "E", "U", "U", "U", "E", "E");

    private static final int AAA_001 = 0, AXSPA_001 = 1, AXSPA_002 = 2, BONE_001 = 3, CES_001 = 4, CES_002 = 5,
            COMP_001 = 6, FRAC_001 = 7, FRAC_002 = 8, FRAC_003 = 9, GCA_001 = 10, GCA_002 = 11, IA_001 = 12,
            IA_002 = 13, INF_001 = 14, INJ_001 = 15, INJ_002 = 16, INJ_003 = 17, MAL_001 = 18, MAL_002 = 19,
            MSCC_001 = 20, MSCC_002 = 21, MYE_001 = 22, MYEL_001 = 23, MYEL_002 = 24, SAR_001 = 25, SAR_002 = 26,
            SEPTIC_001 = 27, SEPTIC_002 = 28;

    // The finding groups of the rules, named as in the DRL.
    private static final Finding[] LEG_SYMPTOMS = {Finding.LEG_PAIN, Finding.RADICULAR_PAIN,
            Finding.BILATERAL_RADICULAR_PAIN};
    private static final Finding[] CES = {Finding.BLADDER_OR_BOWEL_DISTURBANCE, Finding.SADDLE_ANAESTHESIA,
            Finding.BILATERAL_LEG_NEUROLOGICAL_DEFICIT, Finding.BILATERAL_RADICULAR_PAIN, Finding.SEXUAL_DYSFUNCTION};
    private static final Finding[] MALIGNANCY_FEATURES = {Finding.UNEXPLAINED_WEIGHT_LOSS,
            Finding.NO_IMPROVEMENT_AFTER_ONE_MONTH, Finding.NIGHT_PAIN};
    private static final Finding[] AXSPA_FEATURES = {Finding.WAKING_SECOND_HALF_OF_NIGHT, Finding.BUTTOCK_PAIN,
            Finding.IMPROVES_WITH_MOVEMENT, Finding.IMPROVES_WITHIN_48H_OF_NSAID,
            Finding.FIRST_DEGREE_RELATIVE_WITH_SPONDYLOARTHRITIS, Finding.CURRENT_OR_PAST_ARTHRITIS,
            Finding.CURRENT_OR_PAST_ENTHESITIS, Finding.CURRENT_OR_PAST_PSORIASIS};
    private static final Finding[] MYELOPATHY_SIGNS = {Finding.HAND_CLUMSINESS, Finding.UNSTEADY_GAIT,
            Finding.UPPER_MOTOR_NEURON_SIGNS};
    private static final Finding[] COMPARTMENT_SIGNS = {Finding.PAIN_OUT_OF_PROPORTION,
            Finding.PAIN_ON_PASSIVE_STRETCH};
    private static final Finding[] FRACTURE_NEUROLOGY = {Finding.LIMB_WEAKNESS, Finding.SENSORY_LOSS,
            Finding.BILATERAL_LEG_NEUROLOGICAL_DEFICIT, Finding.UPPER_MOTOR_NEURON_SIGNS,
            Finding.RAPIDLY_PROGRESSIVE_NEUROLOGICAL_DEFICIT};
    private static final Finding[] OSTEOPOROSIS_RISK = {Finding.LONG_TERM_CORTICOSTEROIDS,
            Finding.PREVIOUS_FRAGILITY_FRACTURE, Finding.KNOWN_OSTEOPOROSIS};
    private static final Finding[] GCA_FEATURES = {Finding.NEW_HEADACHE, Finding.SCALP_TENDERNESS,
            Finding.JAW_OR_TONGUE_CLAUDICATION, Finding.VISUAL_SYMPTOMS, Finding.POLYMYALGIA_SYMPTOMS,
            Finding.SYSTEMIC_UPSET};
    private static final Finding[] GCA_FEATURES_NOT_VISUAL = {Finding.NEW_HEADACHE, Finding.SCALP_TENDERNESS,
            Finding.JAW_OR_TONGUE_CLAUDICATION, Finding.POLYMYALGIA_SYMPTOMS, Finding.SYSTEMIC_UPSET};
    private static final Finding[] SYNOVITIS_URGENCY = {Finding.SMALL_JOINTS_OF_HANDS_OR_FEET,
            Finding.MORE_THAN_ONE_JOINT};
    private static final Finding[] MYELOMA = {Finding.PERSISTENT_BONE_OR_BACK_PAIN, Finding.UNEXPLAINED_FRACTURE};
    private static final Finding[] BONE_SARCOMA = {Finding.UNEXPLAINED_BONE_SWELLING, Finding.UNEXPLAINED_BONE_PAIN};
    private static final Finding[] INFECTION = {Finding.FEVER, Finding.SYSTEMICALLY_UNWELL};
    private static final Finding[] INFECTION_RISK = {Finding.IMMUNOSUPPRESSION, Finding.DIABETES,
            Finding.INTRAVENOUS_DRUG_USE, Finding.RECENT_INFECTION_OR_BACTERAEMIA, Finding.TUBERCULOSIS,
            Finding.RECENT_SPINAL_PROCEDURE};
    private static final Finding[] MSCC_NEUROLOGY = {Finding.RADICULAR_PAIN, Finding.BILATERAL_RADICULAR_PAIN,
            Finding.LIMB_WEAKNESS, Finding.DIFFICULTY_WALKING, Finding.SENSORY_LOSS,
            Finding.BLADDER_OR_BOWEL_DISTURBANCE, Finding.BILATERAL_LEG_NEUROLOGICAL_DEFICIT,
            Finding.UPPER_MOTOR_NEURON_SIGNS, Finding.UNSTEADY_GAIT, Finding.HAND_CLUMSINESS,
            Finding.RAPIDLY_PROGRESSIVE_NEUROLOGICAL_DEFICIT};
    private static final Finding[] MSCC_PAIN_1_0 = {Finding.PROGRESSIVE_SPINAL_PAIN, Finding.SEVERE_UNREMITTING_PAIN,
            Finding.PAIN_ON_STRAINING, Finding.NIGHT_PAIN, Finding.LOCALISED_SPINAL_TENDERNESS};
    /** 1.1.0 reads sleep disturbed by pain as night-time pain disturbing sleep (NG234). */
    private static final Finding[] MSCC_PAIN_1_1 = {Finding.PROGRESSIVE_SPINAL_PAIN, Finding.SEVERE_UNREMITTING_PAIN,
            Finding.PAIN_ON_STRAINING, Finding.NIGHT_PAIN, Finding.SLEEP_DISTURBED_BY_PAIN,
            Finding.LOCALISED_SPINAL_TENDERNESS};
    private static final Finding[] MSCC_SCREEN = {Finding.LIMB_WEAKNESS, Finding.DIFFICULTY_WALKING,
            Finding.SENSORY_LOSS, Finding.BLADDER_OR_BOWEL_DISTURBANCE};

    private final LocalParameters parameters;
    private final Finding[] msccPain;

    private RedFlagFloor(LocalParameters parameters, Finding[] msccPain) {
        this.parameters = parameters;
        this.msccPain = msccPain;
    }

    /**
     * The floor of {@code msk-referral} {@code version} with {@code parameters}: "1.0.0" decides as the
     * 1.0.0 red-flag rules do (checked by RedFlagFloorTest); "1.1.0" is the 1.0.0 transcription with
     * the NG234 reading of RF-MSCC-002, frozen before the 1.1.0 safety net, kept as a timing floor for
     * the impact benchmark only (it does not decide as released 1.1.0 does).
     *
     * @throws IllegalArgumentException for any other version, which this transcription does not know
     */
    static RedFlagFloor of(String version, LocalParameters parameters) {
        return switch (version) {
            case "1.0.0" -> new RedFlagFloor(parameters, MSCC_PAIN_1_0);
            case "1.1.0" -> new RedFlagFloor(parameters, MSCC_PAIN_1_1);
            default -> throw new IllegalArgumentException("no plain-Java floor for msk-referral [" + version + "]");
        };
    }

    /** The red-flag decisions for {@code r}, as the red-flag rules of this version make them. */
    Decision decide(Referral r) {
        long f = 0;
        List<ScreenGap> gaps = null;
        LocalParameters p = parameters;
        boolean spinal = r.isSpinalPain();
        boolean back = r.isBackPain();
        int age = r.age();

        // cauda-equina.drl
        boolean legSymptoms = anyPresent(r, LEG_SYMPTOMS);
        if (back || legSymptoms) {
            boolean newOrWorsening = r.anyPresentNewOrWorsening(List.of(CES), 14);
            if (newOrWorsening) {
                f |= bit(CES_001);
            } else if (anyPresent(r, CES)) {
                f |= bit(CES_002);
            }
        }
        if (r.hasRegion(BodyRegion.LUMBAR_SPINE) && legSymptoms && anyNotRecorded(r, CES)) {
            gaps = gap(gaps, "SCR-CES-001", r, CES, false);
        }
        // malignancy.drl
        if (spinal) {
            if (r.isPresent(Finding.CANCER_HISTORY)) {
                f |= bit(MAL_001);
            }
            int features = countPresent(r, MALIGNANCY_FEATURES) + (age >= p.malignancyAgeYears() ? 1 : 0);
            if (features >= p.malignancyMinimumFeatures()) {
                f |= bit(MAL_002);
            }
            if (r.isNotRecorded(Finding.CANCER_HISTORY)) {
                gaps = gap(gaps, "SCR-MAL-001", r, new Finding[] {Finding.CANCER_HISTORY}, false);
            }
        }
        // acute-injury.drl
        if (r.isPresent(Finding.UNREDUCED_DISLOCATION)) {
            f |= bit(INJ_001);
        }
        if (r.isPresent(Finding.SUSPECTED_FRACTURE)) {
            f |= bit(INJ_002);
        }
        if (r.isPresent(Finding.ACUTE_TENDON_RUPTURE)) {
            f |= bit(INJ_003);
        }
        // aortic-aneurysm.drl
        if ((r.isPresent(Finding.ABDOMINAL_PAIN) || back) && r.isPresent(Finding.COLLAPSE_OR_LOSS_OF_CONSCIOUSNESS)) {
            f |= bit(AAA_001);
        }
        // axial-spondyloarthritis.drl
        int onsetAge = r.ageAtEpisodeOnset();
        if (back && onsetAge >= 0 && onsetAge < 45 && r.episodeLongerThanMonths(3)) {
            int features = countPresent(r, AXSPA_FEATURES) + (onsetAge < 35 ? 1 : 0);
            if (features >= 4) {
                f |= bit(AXSPA_001);
            } else if (features == 3) {
                if (r.isPresent(Finding.HLA_B27_POSITIVE)) {
                    f |= bit(AXSPA_002);
                } else if (r.isNotRecorded(Finding.HLA_B27_POSITIVE)) {
                    gaps = gap(gaps, "SCR-AXSPA-001", r, new Finding[] {Finding.HLA_B27_POSITIVE}, false);
                }
            }
        }
        // cervical-myelopathy.drl
        int myelopathySigns = countPresent(r, MYELOPATHY_SIGNS);
        if (r.isPresent(Finding.RAPIDLY_PROGRESSIVE_NEUROLOGICAL_DEFICIT) && myelopathySigns > 0) {
            f |= bit(MYEL_001);
        }
        if (myelopathySigns >= p.myelopathyMinimumSigns()) {
            f |= bit(MYEL_002);
        }
        // compartment-syndrome.drl
        if (r.isPresent(Finding.FRACTURE_CRUSH_OR_TIGHT_CAST)) {
            if (r.isPresent(Finding.PAIN_OUT_OF_PROPORTION) && r.isPresent(Finding.PAIN_ON_PASSIVE_STRETCH)) {
                f |= bit(COMP_001);
            }
            if (anyNotRecorded(r, COMPARTMENT_SIGNS)) {
                gaps = gap(gaps, "SCR-COMP-001", r, COMPARTMENT_SIGNS, false);
            }
        }
        // fracture.drl
        if (spinal && r.isPresent(Finding.MAJOR_TRAUMA)) {
            f |= bit(FRAC_001);
        }
        if (r.isPresent(Finding.SUSPECTED_FRACTURE) && anyPresent(r, FRACTURE_NEUROLOGY)) {
            f |= bit(FRAC_002);
        }
        if (back && r.isPresent(Finding.MINOR_TRAUMA)
                && (anyPresent(r, OSTEOPOROSIS_RISK) || age >= p.fragilityFractureAgeFor(r.sex()))) {
            f |= bit(FRAC_003);
        }
        // giant-cell-arteritis.drl
        if (age > 50) {
            if (anyPresent(r, GCA_FEATURES)) {
                f |= bit(GCA_001);
            }
            if (r.isPresent(Finding.VISUAL_SYMPTOMS)) {
                f |= bit(GCA_002);
            }
            if (r.isNotRecorded(Finding.VISUAL_SYMPTOMS) && anyPresent(r, GCA_FEATURES_NOT_VISUAL)) {
                gaps = gap(gaps, "SCR-GCA-001", r, new Finding[] {Finding.VISUAL_SYMPTOMS}, false);
            }
        }
        // inflammatory-arthritis.drl
        if (r.isPresent(Finding.SUSPECTED_PERSISTENT_SYNOVITIS)) {
            boolean urgent = r.isPresent(Finding.SMALL_JOINTS_OF_HANDS_OR_FEET) || r.isPresent(Finding.MORE_THAN_ONE_JOINT)
                    || r.historyAtLeastMonths(Finding.SUSPECTED_PERSISTENT_SYNOVITIS, 3);
            if (urgent) {
                f |= bit(IA_001);
            } else {
                f |= bit(IA_002);
                boolean onsetMissing = !r.onsetKnown(Finding.SUSPECTED_PERSISTENT_SYNOVITIS);
                if (anyNotRecorded(r, SYNOVITIS_URGENCY) || onsetMissing) {
                    gaps = gap(gaps, "SCR-IA-001", r, SYNOVITIS_URGENCY, onsetMissing);
                }
            }
        }
        if (r.isPresent(Finding.SUSPECTED_INFLAMMATORY_DISEASE) && r.isNotRecorded(Finding.SUSPECTED_PERSISTENT_SYNOVITIS)) {
            gaps = gap(gaps, "SCR-IA-002", r, new Finding[] {Finding.SUSPECTED_PERSISTENT_SYNOVITIS}, false);
        }
        // myeloma.drl
        if (age >= 60 && anyPresent(r, MYELOMA)) {
            f |= bit(MYE_001);
        }
        // sarcoma.drl
        if (r.isPresent(Finding.XRAY_SUGGESTS_BONE_SARCOMA)) {
            f |= bit(SAR_001);
        }
        if (r.isPresent(Finding.GROWING_SOFT_TISSUE_LUMP)) {
            f |= bit(SAR_002);
        }
        if (age <= p.childOrYoungPersonMaxAgeYears() && anyPresent(r, BONE_SARCOMA)) {
            f |= bit(BONE_001);
        }
        // septic-arthritis.drl
        if (r.isPresent(Finding.HOT_SWOLLEN_JOINT)
                && !r.ownHistoryLongerThanDays(Finding.HOT_SWOLLEN_JOINT, p.septicArthritisMaxHistoryDays())) {
            f |= bit(SEPTIC_001);
        }
        if (r.isPresent(Finding.SUSPECTED_PROSTHETIC_JOINT_INFECTION)) {
            f |= bit(SEPTIC_002);
        }
        // spinal-infection.drl
        if (spinal) {
            if (anyPresent(r, INFECTION)) {
                f |= bit(INF_001);
            }
            if (anyPresent(r, INFECTION_RISK) && anyNotRecorded(r, INFECTION)) {
                gaps = gap(gaps, "SCR-INF-001", r, INFECTION, false);
            }
        }
        // spinal-metastases.drl
        if (r.isPresent(Finding.CANCER_HISTORY)) {
            boolean neurology = anyPresent(r, MSCC_NEUROLOGY);
            if (neurology) {
                f |= bit(MSCC_001);
            }
            if (spinal) {
                if (!neurology && (r.hasRegion(BodyRegion.THORACIC_SPINE) || r.hasRegion(BodyRegion.CERVICAL_SPINE)
                        || anyPresent(r, msccPain))) {
                    f |= bit(MSCC_002);
                }
                if (anyNotRecorded(r, MSCC_SCREEN)) {
                    gaps = gap(gaps, "SCR-MSCC-001", r, MSCC_SCREEN, false);
                }
            }
        }
        EscalationLevel escalation = EscalationLevel.NONE;
        for (long rest = f; rest != 0; rest &= rest - 1) {
            EscalationLevel level = LEVELS[Long.numberOfTrailingZeros(rest)];
            if (level.compareTo(escalation) > 0) {
                escalation = level;
            }
        }
        return new Decision(escalation, f, gaps == null ? List.of() : gaps);
    }

    private static long bit(int rule) {
        return 1L << rule;
    }

    private static boolean anyPresent(Referral r, Finding[] group) {
        for (Finding f : group) {
            if (r.isPresent(f)) {
                return true;
            }
        }
        return false;
    }

    private static int countPresent(Referral r, Finding[] group) {
        int n = 0;
        for (Finding f : group) {
            if (r.isPresent(f)) {
                n++;
            }
        }
        return n;
    }

    private static boolean anyNotRecorded(Referral r, Finding[] group) {
        for (Finding f : group) {
            if (r.isNotRecorded(f)) {
                return true;
            }
        }
        return false;
    }

    /** Adds the screen {@code ruleId} with the JSON Pointers of what it misses, as {@code Facts.missing} names them. */
    private static List<ScreenGap> gap(List<ScreenGap> gaps, String ruleId, Referral r, Finding[] group,
            boolean onsetMissing) {
        List<String> missing = new ArrayList<>(group.length + 1);
        for (Finding f : group) {
            if (r.isNotRecorded(f)) {
                missing.add("/findings/" + f.name());
            }
        }
        if (onsetMissing) {
            missing.add("/symptomOnset");
        }
        List<ScreenGap> list = gaps == null ? new ArrayList<>(4) : gaps;
        list.add(new ScreenGap(ruleId, missing));
        return list;
    }

    private static EscalationLevel[] levels(String... codes) {
        EscalationLevel[] levels = new EscalationLevel[codes.length];
        for (int i = 0; i < codes.length; i++) {
            levels[i] = switch (codes[i]) {
                case "E" -> EscalationLevel.EMERGENCY;
                case "U" -> EscalationLevel.URGENT;
                case "S" -> EscalationLevel.SOON;
                default -> throw new IllegalArgumentException(codes[i]);
            };
        }
        return levels;
    }

    /** A red-flag screen the referral leaves incomplete, and the JSON Pointers of what it misses. */
    record ScreenGap(String ruleId, List<String> missing) {
    }

    /**
     * The red-flag decisions for one referral.
     *
     * @param escalation the highest level of any red flag, {@code NONE} without one
     * @param flags      a bit per red-flag rule that fired, in {@link #FLAG_IDS} order
     * @param screens    the incomplete red-flag screens, in the order the rule files are read
     */
    record Decision(EscalationLevel escalation, long flags, List<ScreenGap> screens) {
        /** The ids of the red-flag rules that fired, sorted. */
        List<String> flagIds() {
            List<String> ids = new ArrayList<>();
            for (long rest = flags; rest != 0; rest &= rest - 1) {
                ids.add(FLAG_IDS.get(Long.numberOfTrailingZeros(rest)));
            }
            return ids;
        }
    }
}
