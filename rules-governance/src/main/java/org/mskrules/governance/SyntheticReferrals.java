package org.mskrules.governance;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.Finding;
import org.mskrules.msk.FindingStatus;
import org.mskrules.msk.Observation;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.Referral;
import org.mskrules.msk.RiskCategory;
import org.mskrules.msk.RiskStratification;
import org.mskrules.msk.RiskTool;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.Sex;
import org.mskrules.msk.Trend;

/**
 * The one definition of a plausible synthetic MSK referral, used by the property tests, the
 * {@linkplain ImpactAnalysis impact analysis} and benchmarks. Every referral it makes is valid as of
 * the given date. It draws every number from a {@link RandomDraws}, so the same draws give the same
 * referral, whichever library supplies them.
 *
 * <h2>Who is referred</h2>
 * Referred within the 90 days before the evaluation date; episode onset recorded for 70%, up to 800
 * days before the referral. Ages: 3% 0-15, 5% 16-24, 30% 25-49, 35% 50-69, 27% 70-100 (MSK referrals
 * are mostly adults, peaking in middle and older age). Sex: 54% female, 40% male, 4% not recorded, 2%
 * indeterminate (so the cautious rule for an unrecorded sex is exercised). Zero to three
 * body regions, spinal in about 60% of picks. A pain score is recorded for 60%; a stratified risk for
 * half (STarT Back scores, only for back pain, or a category, low risk most often); a clinician's
 * priority decision for 10%.
 *
 * <h2>What is recorded</h2>
 * Each finding is present with the probability in the table below (per mille, per referral); of the
 * rest, half are recorded absent and half not recorded, as in a real referral letter. A fifth of
 * referrals are <em>thorough</em>: every finding recorded, present at half the table's rate (the
 * referrals that self-management, which needs complete screens, can take). A present finding has its
 * own onset and trend recorded 40% of the time, and a fifth of those onsets are at, or a day either
 * side of, a rule's day limit (14, 42, 84, 90).
 *
 * <h2>Prevalence of present findings (per mille), default population</h2>
 * <table>
 * <caption>Per mille present, by group, with the reason for the figure</caption>
 * <tr><th>Group</th><th>Findings: per mille</th><th>Why</th></tr>
 * <tr><td>Cauda equina symptoms</td><td>bladder or bowel disturbance 3, bilateral leg deficit 3, sexual
 *     dysfunction 3, bilateral radicular pain 3, saddle anaesthesia 2</td><td>suspected CES is a few in
 *     a thousand back-pain referrals; each symptom alone raises the emergency flag</td></tr>
 * <tr><td>Cancer</td><td>cancer history 60; unexplained weight loss 5</td><td>about one person in
 *     twenty in the UK lives with or after cancer, more in older age; unexplained weight loss is rare</td></tr>
 * <tr><td>Spinal pain features</td><td>night pain 200, no improvement after a month 150, progressive
 *     pain 40, pain on straining 40, localised tenderness 40, severe unremitting pain 20</td><td>common,
 *     non-specific features of ordinary back pain</td></tr>
 * <tr><td>Infection</td><td>fever 10, systemically unwell 5; diabetes 80, immunosuppression 20,
 *     recent infection 10, recent spinal procedure 10, IV drug use 3, tuberculosis 2</td><td>fever is
 *     uncommon in MSK referrals; the risk factors are as common as in the general adult
 *     population</td></tr>
 * <tr><td>Trauma and fracture</td><td>minor trauma 80; major trauma 5, suspected fracture 5, tendon
 *     rupture 3, unreduced dislocation 1; known osteoporosis 30, previous fragility fracture 20,
 *     long-term steroids 20</td><td>acute injuries mostly go to urgent care, not MSK services; bone-health
 *     risk factors are common in older adults</td></tr>
 * <tr><td>Neurology and myelopathy</td><td>leg pain 300, radicular pain 200, difficulty walking 40,
 *     sensory loss 40, limb weakness 30; hand clumsiness 3, unsteady gait 3, upper motor neuron signs 2,
 *     rapidly progressive deficit 2</td><td>sciatica is common; myelopathic signs are
 *     rare</td></tr>
 * <tr><td>Bone and soft-tissue tumours, myeloma</td><td>persistent bone or back pain 40; unexplained
 *     bone pain 5, bone swelling 2, growing lump 2, unexplained fracture 2, X-ray suggesting sarcoma
 *     1</td><td>persistent back pain is common; sarcoma features are very rare</td></tr>
 * <tr><td>Inflammatory arthritis</td><td>suspected synovitis 10, suspected inflammatory disease 10;
 *     small joints 40, more than one joint 40</td><td>suspected inflammatory arthritis is an uncommon
 *     reason for an MSK referral; the joint-pattern items matter only with synovitis</td></tr>
 * <tr><td>Axial spondyloarthritis</td><td>improves with movement 150, buttock pain 120; other features
 *     40; HLA-B27 positive 10</td><td>the features are individually common in back pain; a positive
 *     HLA-B27 is rarely on a referral</td></tr>
 * <tr><td>Giant cell arteritis</td><td>new headache 3, polymyalgia 3, systemic upset 3, scalp
 *     tenderness 2, visual symptoms 2, jaw claudication 1</td><td>GCA is rare, and its features uncommon in MSK
 *     referrals</td></tr>
 * <tr><td>Septic arthritis, compartment syndrome, aortic aneurysm</td><td>hot swollen joint 5, prosthetic
 *     joint infection 1; fracture, crush or cast 10, pain out of proportion 5, pain on passive stretch 3;
 *     abdominal pain 10, collapse 2</td><td>emergencies that rarely reach an MSK referral</td></tr>
 * <tr><td>Priority criteria and routing</td><td>loss of function 200, first-line management failed 150,
 *     unable to work 100, surgery or injury needing rehabilitation 80 each, long-term condition 80;
 *     every other finding 40</td><td>common reasons for referral</td></tr>
 * </table>
 *
 * <p>These are plausible planning figures chosen so that serious findings are rare and common ones
 * common, not epidemiological estimates; an impact analysis over this population shows how a change
 * moves decisions, and its counts are a guide to scale, not a forecast for any service.
 *
 * <p>For invariants that must hold for rare combinations too, {@code minimumPresentPerMille} raises
 * every finding to at least that rate (property tests use 150, so that a synovitis with its urgency
 * criteria not recorded occurs many times in a thousand referrals), and ages (0-100) and the four
 * sexes are then drawn evenly, so that every age and sex threshold is crossed often. This denser
 * population is for testing only; it is not plausible.
 *
 * <p>Stateless and thread-safe; the {@link RandomDraws} passed in is used by the calling thread only.
 */
public final class SyntheticReferrals {
    /** The default population's per mille chance that each finding is present. */
    private static final Map<Finding, Integer> PRESENT_PER_MILLE = prevalence();
    private static final int COMMON_PRESENT_PER_MILLE = 40;

    private static final BodyRegion[] REGIONS = BodyRegion.values();
    private static final Sex[] SEXES = Sex.values();
    private static final Trend[] TRENDS = Trend.values();
    private static final RiskTool[] RISK_TOOLS = RiskTool.values();
    private static final Finding[] FINDINGS = Finding.values();

    /** Days a finding's onset lies before the referral when it is placed at or next to a rule's limit. */
    private static final int[] NEAR_LIMITS = {13, 14, 15, 41, 42, 43, 83, 84, 85, 89, 90, 91};

    private SyntheticReferrals() {
    }

    /** The default population's per mille chance that {@code finding} is present in a referral. */
    public static int presentPerMille(Finding finding) {
        return PRESENT_PER_MILLE.get(Objects.requireNonNull(finding, "finding"));
    }

    /** One referral of the default (plausible) population, valid as of {@code asOf}. */
    public static Referral referral(RandomDraws draws, LocalDate asOf) {
        return referral(draws, asOf, 0);
    }

    /**
     * One referral of a denser population, in which every finding is present at least
     * {@code minimumPresentPerMille} per mille of the time (0 for the default population).
     */
    public static Referral referral(RandomDraws draws, LocalDate asOf, int minimumPresentPerMille) {
        return referral(draws, asOf, minimumPresentPerMille, null);
    }

    /**
     * As {@link #referral(RandomDraws, LocalDate, int)}, with {@code referralId}: the same draws and
     * fields, without copying the referral to set its id (a population of a million).
     */
    static Referral referral(RandomDraws draws, LocalDate asOf, int minimumPresentPerMille, String referralId) {
        Objects.requireNonNull(draws, "draws");
        Objects.requireNonNull(asOf, "asOf");
        if (minimumPresentPerMille < 0 || minimumPresentPerMille > 1000) {
            throw new IllegalArgumentException("minimumPresentPerMille must be in [0, 1000] but was ["
                    + minimumPresentPerMille + "]");
        }
        // The order of the draws is part of the definition: property tests shrink by them, and a
        // population is reproducible only while it stays the same.
        LocalDate referralDate = asOf.minusDays(draws.between(0, 90));
        LocalDate onset = percent(draws) < 70 ? referralDate.minusDays(draws.between(0, 800)) : null;
        Set<BodyRegion> regions = EnumSet.noneOf(BodyRegion.class);
        int regionCount = draws.between(0, 3);
        for (int i = 0; i < regionCount; i++) {
            // Spinal regions in about 60% of picks.
            int pick = percent(draws);
            regions.add(pick < 60 ? REGIONS[pick % 3] : REGIONS[3 + pick % (REGIONS.length - 3)]);
        }
        Map<Finding, Observation> findings = new EnumMap<>(Finding.class);
        // A fifth of referrals are thorough: every question answered, as self-management requires.
        boolean thorough = percent(draws) < 20;
        for (Finding f : FINDINGS) {
            int roll = draws.between(0, 999);
            int present = Math.max(PRESENT_PER_MILLE.get(f), minimumPresentPerMille);
            if (thorough) {
                findings.put(f, roll < present / 2 ? Observation.PRESENT : Observation.ABSENT);
                continue;
            }
            if (roll < present) {
                boolean detailed = percent(draws) < 40;
                LocalDate findingOnset = detailed ? referralDate.minusDays(onsetDays(draws)) : null;
                Trend trend = detailed ? TRENDS[draws.between(0, TRENDS.length - 1)] : null;
                findings.put(f, new Observation(FindingStatus.PRESENT, findingOnset, trend));
            } else if (roll < present + (1000 - present) / 2) {
                findings.put(f, Observation.ABSENT);
            }
            // else: not recorded, left out as a real referral would
        }
        Integer painScore = percent(draws) < 60 ? draws.between(0, 10) : null;
        RiskStratification risk = null;
        int riskRoll = percent(draws);
        boolean back = regions.stream().anyMatch(BodyRegion::isBack);
        if (riskRoll < 25 && back) {
            int total = draws.between(0, 9);
            // Low totals are the commonest STarT Back result in primary care.
            total = percent(draws) < 50 ? Math.min(total, 3) : total;
            risk = RiskStratification.startBack(total, draws.between(0, Math.min(total, 5)));
        } else if (riskRoll < 50) {
            int categoryRoll = percent(draws);
            RiskCategory category = categoryRoll < 60 ? RiskCategory.LOW
                    : categoryRoll < 85 ? RiskCategory.MEDIUM : RiskCategory.HIGH;
            // STarT Back is for back pain; other presentations use STarT MSK or another tool.
            RiskTool tool = back ? RISK_TOOLS[draws.between(0, RISK_TOOLS.length - 1)]
                    : RISK_TOOLS[draws.between(1, RISK_TOOLS.length - 1)];
            risk = RiskStratification.category(tool, category);
        }
        int clinicianRoll = percent(draws);
        PriorityCategory clinician = clinicianRoll < 5 ? PriorityCategory.PRIORITY
                : clinicianRoll < 10 ? PriorityCategory.NON_PRIORITY : null;
        // The denser population spreads ages and sexes evenly, so every age and sex threshold is
        // crossed often (a child with bone pain, an indeterminate sex at the fragility age).
        boolean dense = minimumPresentPerMille > 0;
        int age = dense ? draws.between(0, 100) : age(draws);
        Sex sex = dense ? SEXES[draws.between(0, SEXES.length - 1)] : sex(draws);
        return new Referral(referralId, age, sex, referralDate, onset, regions, findings, painScore, risk, clinician);
    }

    /**
     * One <em>fully answered</em> referral: every finding recorded ABSENT except one to three drawn
     * present (any finding, each equally likely) and up to two drawn not recorded; an adult (16-90)
     * with one or two body regions, a stratified risk (STarT MSK) that is low 70% of the time and
     * medium or high otherwise, pain 0-6 and no clinician's priority decision. Low risk and without
     * the drawn findings it would be self-managed, so a property that says "this finding never
     * reaches self-management" bites on it (the default population reaches self-management too
     * rarely for that), and at medium or high risk it would go to therapy. For testing and impact
     * analysis, not plausible.
     */
    public static Referral answered(RandomDraws draws, LocalDate asOf) {
        Objects.requireNonNull(draws, "draws");
        Objects.requireNonNull(asOf, "asOf");
        LocalDate referralDate = asOf.minusDays(draws.between(0, 90));
        LocalDate onset = referralDate.minusDays(draws.between(0, 400));
        Set<BodyRegion> regions = EnumSet.noneOf(BodyRegion.class);
        int regionCount = draws.between(1, 2);
        for (int i = 0; i < regionCount; i++) {
            regions.add(REGIONS[draws.between(0, REGIONS.length - 1)]);
        }
        Map<Finding, Observation> findings = new EnumMap<>(Finding.class);
        for (Finding f : FINDINGS) {
            findings.put(f, Observation.ABSENT);
        }
        int present = draws.between(1, 3);
        for (int i = 0; i < present; i++) {
            Finding f = FINDINGS[draws.between(0, FINDINGS.length - 1)];
            boolean detailed = percent(draws) < 40;
            findings.put(f, detailed
                    ? new Observation(FindingStatus.PRESENT, referralDate.minusDays(onsetDays(draws)),
                            TRENDS[draws.between(0, TRENDS.length - 1)])
                    : Observation.PRESENT);
        }
        int notRecorded = draws.between(0, 2);
        for (int i = 0; i < notRecorded; i++) {
            findings.remove(FINDINGS[draws.between(0, FINDINGS.length - 1)]);
        }
        int riskRoll = percent(draws);
        RiskStratification risk = RiskStratification.category(RiskTool.STARTMSK,
                riskRoll < 70 ? RiskCategory.LOW : riskRoll < 85 ? RiskCategory.MEDIUM : RiskCategory.HIGH);
        return new Referral(null, draws.between(16, 90), SEXES[draws.between(0, SEXES.length - 1)], referralDate, onset,
                regions, findings, draws.between(0, 6), risk, null);
    }

    /**
     * A valid service profile, spread over the whole valid range rather than weighted to real
     * services (what a diff needs is that both sides see the same profile): FCP access and
     * self-referral each half the time, a triage standard (1-168 hours) half the time, any urgent
     * standard of 1-14 days and any routine standard from it to 84.
     */
    public static ServiceProfile profile(RandomDraws draws) {
        Objects.requireNonNull(draws, "draws");
        int urgent = draws.between(1, ServiceProfile.NATIONAL_PRIORITY_DAYS);
        return ServiceProfile.builder()
                .name("Synthetic service")
                .fcpAccess(percent(draws) < 50)
                .acceptsSelfReferral(percent(draws) < 50)
                .triageWithinHours(percent(draws) < 50 ? draws.between(1, 168) : null)
                .urgentSeenWithinDays(urgent)
                .routineSeenWithinDays(draws.between(urgent, ServiceProfile.NATIONAL_NON_PRIORITY_DAYS))
                .build();
    }

    /** Any finding, each equally likely. */
    public static Finding finding(RandomDraws draws) {
        return FINDINGS[draws.between(0, FINDINGS.length - 1)];
    }

    /** {@code referral} with {@code finding} replaced by {@code observation}; everything else kept. */
    public static Referral with(Referral referral, Finding finding, Observation observation) {
        Map<Finding, Observation> findings = new EnumMap<>(Finding.class);
        findings.putAll(referral.findings());
        findings.put(finding, observation);
        return new Referral(referral.referralId(), referral.ageYears(), referral.sex(), referral.referralDate(),
                referral.symptomOnset(), referral.regions(), findings, referral.painScore(),
                referral.riskStratification(), referral.clinicianPriority(), referral.pathwayStage(),
                referral.referralSource(), referral.ethnicCategory());
    }

    private static int percent(RandomDraws draws) {
        return draws.between(0, 99);
    }

    private static Sex sex(RandomDraws draws) {
        int roll = percent(draws);
        return roll < 54 ? Sex.FEMALE : roll < 94 ? Sex.MALE : roll < 98 ? Sex.NOT_RECORDED : Sex.INDETERMINATE;
    }

    private static int age(RandomDraws draws) {
        int band = percent(draws);
        if (band < 3) {
            return draws.between(0, 15);
        }
        if (band < 8) {
            return draws.between(16, 24);
        }
        if (band < 38) {
            return draws.between(25, 49);
        }
        return band < 73 ? draws.between(50, 69) : draws.between(70, 100);
    }

    /** Days a finding's onset lies before the referral: a fifth of the time exactly at or next to a limit. */
    private static int onsetDays(RandomDraws draws) {
        if (percent(draws) < 20) {
            return NEAR_LIMITS[draws.between(0, NEAR_LIMITS.length - 1)];
        }
        return draws.between(0, 400);
    }

    private static Map<Finding, Integer> prevalence() {
        Map<Finding, Integer> m = new EnumMap<>(Finding.class);
        for (Finding f : Finding.values()) {
            m.put(f, COMMON_PRESENT_PER_MILLE);
        }
        // Cauda equina: a few per thousand each (bilateral sciatica, new, is itself a CES symptom).
        put(m, 3, Finding.BLADDER_OR_BOWEL_DISTURBANCE, Finding.BILATERAL_LEG_NEUROLOGICAL_DEFICIT,
                Finding.SEXUAL_DYSFUNCTION);
        put(m, 2, Finding.SADDLE_ANAESTHESIA);
        put(m, 3, Finding.BILATERAL_RADICULAR_PAIN);
        // Cancer.
        put(m, 60, Finding.CANCER_HISTORY);
        put(m, 5, Finding.UNEXPLAINED_WEIGHT_LOSS);
        // Non-specific spinal pain features: common.
        put(m, 200, Finding.NIGHT_PAIN);
        put(m, 150, Finding.NO_IMPROVEMENT_AFTER_ONE_MONTH);
        put(m, 20, Finding.SEVERE_UNREMITTING_PAIN);
        // Infection: fever and systemic illness rare, risk factors as in the adult population.
        put(m, 10, Finding.FEVER);
        put(m, 5, Finding.SYSTEMICALLY_UNWELL);
        put(m, 80, Finding.DIABETES);
        put(m, 20, Finding.IMMUNOSUPPRESSION);
        put(m, 10, Finding.RECENT_INFECTION_OR_BACTERAEMIA, Finding.RECENT_SPINAL_PROCEDURE);
        put(m, 3, Finding.INTRAVENOUS_DRUG_USE);
        put(m, 2, Finding.TUBERCULOSIS);
        // Trauma: acute injuries mostly go elsewhere; bone-health risk factors are common.
        put(m, 80, Finding.MINOR_TRAUMA);
        put(m, 5, Finding.MAJOR_TRAUMA);
        put(m, 5, Finding.SUSPECTED_FRACTURE);
        put(m, 3, Finding.ACUTE_TENDON_RUPTURE);
        put(m, 1, Finding.UNREDUCED_DISLOCATION);
        put(m, 30, Finding.KNOWN_OSTEOPOROSIS);
        put(m, 20, Finding.PREVIOUS_FRAGILITY_FRACTURE, Finding.LONG_TERM_CORTICOSTEROIDS);
        // Neurology: sciatica common, myelopathic signs rare.
        put(m, 300, Finding.LEG_PAIN);
        put(m, 200, Finding.RADICULAR_PAIN);
        put(m, 30, Finding.LIMB_WEAKNESS);
        put(m, 3, Finding.HAND_CLUMSINESS, Finding.UNSTEADY_GAIT);
        put(m, 2, Finding.UPPER_MOTOR_NEURON_SIGNS, Finding.RAPIDLY_PROGRESSIVE_NEUROLOGICAL_DEFICIT);
        // Bone and soft-tissue tumours: very rare features; persistent back pain common.
        put(m, 5, Finding.UNEXPLAINED_BONE_PAIN);
        put(m, 2, Finding.UNEXPLAINED_BONE_SWELLING, Finding.GROWING_SOFT_TISSUE_LUMP, Finding.UNEXPLAINED_FRACTURE);
        put(m, 1, Finding.XRAY_SUGGESTS_BONE_SARCOMA);
        // Inflammatory arthritis: an uncommon reason for an MSK referral.
        put(m, 10, Finding.SUSPECTED_PERSISTENT_SYNOVITIS, Finding.SUSPECTED_INFLAMMATORY_DISEASE);
        // Axial spondyloarthritis: features common in back pain, a positive HLA-B27 rarely recorded.
        put(m, 150, Finding.IMPROVES_WITH_MOVEMENT);
        put(m, 120, Finding.BUTTOCK_PAIN);
        put(m, 10, Finding.HLA_B27_POSITIVE);
        // Giant cell arteritis: rare.
        put(m, 3, Finding.NEW_HEADACHE, Finding.POLYMYALGIA_SYMPTOMS, Finding.SYSTEMIC_UPSET);
        put(m, 2, Finding.SCALP_TENDERNESS, Finding.VISUAL_SYMPTOMS);
        put(m, 1, Finding.JAW_OR_TONGUE_CLAUDICATION);
        // Emergencies that rarely reach an MSK referral.
        put(m, 5, Finding.HOT_SWOLLEN_JOINT, Finding.PAIN_OUT_OF_PROPORTION);
        put(m, 1, Finding.SUSPECTED_PROSTHETIC_JOINT_INFECTION);
        put(m, 10, Finding.FRACTURE_CRUSH_OR_TIGHT_CAST, Finding.ABDOMINAL_PAIN);
        put(m, 3, Finding.PAIN_ON_PASSIVE_STRETCH);
        put(m, 2, Finding.COLLAPSE_OR_LOSS_OF_CONSCIOUSNESS);
        // Priority criteria and routing: common reasons for referral.
        put(m, 200, Finding.SIGNIFICANT_LOSS_OF_FUNCTION);
        put(m, 150, Finding.FIRST_LINE_MANAGEMENT_FAILED);
        put(m, 100, Finding.UNABLE_TO_WORK);
        put(m, 80, Finding.SURGERY_OR_PROCEDURE_NEEDING_REHABILITATION, Finding.INJURY_NEEDING_REHABILITATION,
                Finding.LONG_TERM_CONDITION_NEEDING_SUPPORT);
        return Collections.unmodifiableMap(m);
    }

    private static void put(Map<Finding, Integer> m, int perMille, Finding... findings) {
        for (Finding f : findings) {
            m.put(f, perMille);
        }
    }
}
