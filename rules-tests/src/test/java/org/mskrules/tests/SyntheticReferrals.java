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
import org.mskrules.msk.Referral;
import org.mskrules.msk.Sex;
import org.mskrules.msk.Trend;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * The one definition of a plausible synthetic MSK referral, for property tests. Every referral it
 * makes is valid as of the given date. Prevalence is per mille: each finding is recorded (present or
 * absent) about half the time, and present in a small share of those, more often for common
 * non-serious findings (leg pain, night pain, diabetes) than for rare serious ones. Spinal regions
 * dominate, as they do in MSK referrals.
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
    }

    private static final BodyRegion[] REGIONS = BodyRegion.values();
    private static final Sex[] SEXES = Sex.values();
    private static final Trend[] TRENDS = Trend.values();

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
            for (Finding f : Finding.values()) {
                int roll = perMille.generate(in);
                int present = Math.max(PRESENT_PER_MILLE.get(f), minimumPresentPerMille);
                if (roll < present) {
                    boolean detailed = percent.generate(in) < 40;
                    LocalDate findingOnset = detailed ? referralDate.minusDays(days400.generate(in)) : null;
                    Trend trend = detailed ? TRENDS[integers().between(0, TRENDS.length - 1).generate(in)] : null;
                    findings.put(f, new Observation(FindingStatus.PRESENT, findingOnset, trend));
                } else if (roll < present + (1000 - present) / 2) {
                    findings.put(f, Observation.ABSENT);
                }
                // else: not recorded, left out as a real referral would
            }
            return new Referral(null, age.generate(in), SEXES[integers().between(0, SEXES.length - 1).generate(in)],
                    referralDate, onset, regions, findings, null, null, null);
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
