package org.mskrules.tests;

import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
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
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * The one definition of a plausible synthetic MSK referral, for property tests. Every referral it
 * makes is valid as of the given date. Prevalence is per mille: each finding is recorded (present or
 * absent) about half the time, and present in a small share of those, more often for common
 * non-serious findings (leg pain, night pain, diabetes, loss of function) than for rare serious ones.
 * A fifth of dated findings are dated at, or a day either side of, a rule's day limit (14, 42, 84, 90).
 * A fifth of referrals are thorough: every finding recorded, present at half the usual rate.
 * Spinal regions dominate, as they do in MSK referrals. A pain score is recorded for 60%; a stratified
 * risk for half (STarT Back scores or a category, low risk most often); a clinician's priority
 * decision for 10%.
 */
final class SyntheticReferrals {
    /** Per mille chance that a finding is present; the rest are split between absent and not recorded. */
    private static final Map<Finding, Integer> PRESENT_PER_MILLE = new EnumMap<>(Finding.class);
    private static final int DEFAULT_PRESENT_PER_MILLE = 40;

    static {
        for (Finding f : Finding.values()) {
            PRESENT_PER_MILLE.put(f, DEFAULT_PRESENT_PER_MILLE);
        }
        PRESENT_PER_MILLE.put(Finding.LEG_PAIN, 300);
        PRESENT_PER_MILLE.put(Finding.RADICULAR_PAIN, 200);
        PRESENT_PER_MILLE.put(Finding.NIGHT_PAIN, 200);
        PRESENT_PER_MILLE.put(Finding.DIABETES, 80);
        PRESENT_PER_MILLE.put(Finding.CANCER_HISTORY, 60);
        PRESENT_PER_MILLE.put(Finding.NO_IMPROVEMENT_AFTER_ONE_MONTH, 150);
        PRESENT_PER_MILLE.put(Finding.IMPROVES_WITH_MOVEMENT, 150);
        PRESENT_PER_MILLE.put(Finding.BUTTOCK_PAIN, 120);
        PRESENT_PER_MILLE.put(Finding.SIGNIFICANT_LOSS_OF_FUNCTION, 200);
        PRESENT_PER_MILLE.put(Finding.UNABLE_TO_WORK, 100);
        PRESENT_PER_MILLE.put(Finding.FIRST_LINE_MANAGEMENT_FAILED, 150);
        PRESENT_PER_MILLE.put(Finding.SURGERY_OR_PROCEDURE_NEEDING_REHABILITATION, 80);
        PRESENT_PER_MILLE.put(Finding.INJURY_NEEDING_REHABILITATION, 80);
        PRESENT_PER_MILLE.put(Finding.LONG_TERM_CONDITION_NEEDING_SUPPORT, 80);
    }

    private static final BodyRegion[] REGIONS = BodyRegion.values();
    private static final Sex[] SEXES = Sex.values();
    private static final Trend[] TRENDS = Trend.values();
    private static final RiskTool[] RISK_TOOLS = RiskTool.values();

    private SyntheticReferrals() {
    }

    /** Referrals made within the 90 days before {@code asOf}, each valid as of {@code asOf}. */
    static Gen<Referral> referrals(LocalDate asOf) {
        return referrals(asOf, 0);
    }

    /**
     * A denser population for invariants that must hold for rare combinations too: every finding is
     * present at least {@code minimumPresentPerMille} per mille of the time.
     */
    static Gen<Referral> referrals(LocalDate asOf, int minimumPresentPerMille) {
        Gen<Integer> percent = integers().between(0, 99);
        Gen<Integer> perMille = integers().between(0, 999);
        Gen<Integer> age = integers().between(0, 100);
        Gen<Integer> days90 = integers().between(0, 90);
        Gen<Integer> days800 = integers().between(0, 800);
        Gen<Integer> days400 = integers().between(0, 400);
        return (RandomnessSource in) -> {
            LocalDate referralDate = asOf.minusDays(days90.generate(in));
            LocalDate onset = percent.generate(in) < 70 ? referralDate.minusDays(days800.generate(in)) : null;
            Set<BodyRegion> regions = EnumSet.noneOf(BodyRegion.class);
            int regionCount = integers().between(0, 3).generate(in);
            for (int i = 0; i < regionCount; i++) {
                // Spinal regions in about 60% of picks.
                int pick = percent.generate(in);
                regions.add(pick < 60 ? REGIONS[pick % 3] : REGIONS[3 + pick % (REGIONS.length - 3)]);
            }
            Map<Finding, Observation> findings = new EnumMap<>(Finding.class);
            // A fifth of referrals are thorough: every question answered, as self-management requires.
            boolean thorough = percent.generate(in) < 20;
            for (Finding f : Finding.values()) {
                int roll = perMille.generate(in);
                int present = Math.max(PRESENT_PER_MILLE.get(f), minimumPresentPerMille);
                if (thorough) {
                    findings.put(f, roll < present / 2 ? Observation.PRESENT : Observation.ABSENT);
                    continue;
                }
                if (roll < present) {
                    boolean detailed = percent.generate(in) < 40;
                    LocalDate findingOnset = detailed ? referralDate.minusDays(onsetDays(in, days400, percent)) : null;
                    Trend trend = detailed ? TRENDS[integers().between(0, TRENDS.length - 1).generate(in)] : null;
                    findings.put(f, new Observation(FindingStatus.PRESENT, findingOnset, trend));
                } else if (roll < present + (1000 - present) / 2) {
                    findings.put(f, Observation.ABSENT);
                }
                // else: not recorded, left out as a real referral would
            }
            Integer painScore = percent.generate(in) < 60 ? integers().between(0, 10).generate(in) : null;
            RiskStratification risk = null;
            int riskRoll = percent.generate(in);
            boolean back = regions.stream().anyMatch(BodyRegion::isBack);
            if (riskRoll < 25 && back) {
                int total = integers().between(0, 9).generate(in);
                // Low totals are the commonest STarT Back result in primary care.
                total = percent.generate(in) < 50 ? Math.min(total, 3) : total;
                risk = RiskStratification.startBack(total, integers().between(0, Math.min(total, 5)).generate(in));
            } else if (riskRoll < 50) {
                int categoryRoll = percent.generate(in);
                RiskCategory category = categoryRoll < 60 ? RiskCategory.LOW
                        : categoryRoll < 85 ? RiskCategory.MEDIUM : RiskCategory.HIGH;
                // STarT Back is for back pain; other presentations use STarT MSK or another tool.
                RiskTool tool = back ? RISK_TOOLS[integers().between(0, RISK_TOOLS.length - 1).generate(in)]
                        : RISK_TOOLS[integers().between(1, RISK_TOOLS.length - 1).generate(in)];
                risk = RiskStratification.category(tool, category);
            }
            int clinicianRoll = percent.generate(in);
            PriorityCategory clinician = clinicianRoll < 5 ? PriorityCategory.PRIORITY
                    : clinicianRoll < 10 ? PriorityCategory.NON_PRIORITY : null;
            return new Referral(null, age.generate(in), SEXES[integers().between(0, SEXES.length - 1).generate(in)],
                    referralDate, onset, regions, findings, painScore, risk, clinician);
        };
    }

    /** Days a finding's onset lies before the referral: a fifth of the time exactly at or next to a limit. */
    private static final int[] NEAR_LIMITS = {13, 14, 15, 41, 42, 43, 83, 84, 85, 89, 90, 91};

    private static int onsetDays(RandomnessSource in, Gen<Integer> days400, Gen<Integer> percent) {
        if (percent.generate(in) < 20) {
            return NEAR_LIMITS[integers().between(0, NEAR_LIMITS.length - 1).generate(in)];
        }
        return days400.generate(in);
    }

    /** Any valid service profile: FCP access and self-referral either way, any local standards. */
    static Gen<ServiceProfile> profiles() {
        Gen<Integer> percent = integers().between(0, 99);
        return (RandomnessSource in) -> {
            int urgent = integers().between(1, ServiceProfile.NATIONAL_PRIORITY_DAYS).generate(in);
            return ServiceProfile.builder()
                    .name("Synthetic service")
                    .fcpAccess(percent.generate(in) < 50)
                    .acceptsSelfReferral(percent.generate(in) < 50)
                    .triageWithinHours(percent.generate(in) < 50 ? integers().between(1, 168).generate(in) : null)
                    .urgentSeenWithinDays(urgent)
                    .routineSeenWithinDays(integers().between(urgent, ServiceProfile.NATIONAL_NON_PRIORITY_DAYS).generate(in))
                    .build();
        };
    }

    /** Any finding. */
    static Gen<Finding> findings() {
        return integers().between(0, Finding.values().length - 1).map(i -> Finding.values()[i]);
    }

    /** {@code referral} with {@code finding} replaced by {@code observation}. */
    static Referral with(Referral referral, Finding finding, Observation observation) {
        Map<Finding, Observation> findings = new EnumMap<>(Finding.class);
        findings.putAll(referral.findings());
        findings.put(finding, observation);
        return new Referral(referral.referralId(), referral.ageYears(), referral.sex(), referral.referralDate(),
                referral.symptomOnset(), referral.regions(), findings, referral.painScore(),
                referral.riskStratification(), referral.clinicianPriority());
    }
}
