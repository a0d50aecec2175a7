package org.mskrules.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mskrules.msk.Finding;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Referral;

class SyntheticReferralsTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final int N = 20_000;

    @Test
    void everyReferralIsValidInThePlausibleAndTheDensePopulation() {
        MskRules rules = MskRules.builder().build();
        RandomDraws draws = RandomDraws.from(new SplittableRandom(7));
        for (int i = 0; i < 3_000; i++) {
            Referral plausible = SyntheticReferrals.referral(draws, AS_OF);
            Referral dense = SyntheticReferrals.referral(draws, AS_OF, 150);
            assertThat(rules.validate(plausible, AS_OF)).as("%s", plausible).isEmpty();
            assertThat(rules.validate(dense, AS_OF)).as("%s", dense).isEmpty();
            assertThat(SyntheticReferrals.profile(draws)).isNotNull();
        }
    }

    @Test
    void seriousFindingsAreRareInThePlausiblePopulationAndCommonInTheDenseOne() {
        Map<Finding, Integer> plausible = presentCounts(0);
        Map<Finding, Integer> dense = presentCounts(150);
        // A fifth of referrals are thorough, with findings present at half the rate: 0.9 of the table overall.
        for (Finding f : Finding.values()) {
            double expected = 0.9 * SyntheticReferrals.presentPerMille(f) * N / 1000;
            assertThat((double) plausible.get(f)).as("%s present in %d plausible referrals", f, N)
                    .isBetween(expected - 4 * Math.sqrt(expected) - 2, expected + 4 * Math.sqrt(expected) + 2);
            assertThat(dense.get(f)).as("%s present in %d dense referrals", f, N).isGreaterThan(N * 120 / 1000);
        }
        assertThat(SyntheticReferrals.presentPerMille(Finding.SADDLE_ANAESTHESIA)).isLessThanOrEqualTo(5);
        assertThat(SyntheticReferrals.presentPerMille(Finding.BLADDER_OR_BOWEL_DISTURBANCE)).isLessThanOrEqualTo(5);
        assertThat(SyntheticReferrals.presentPerMille(Finding.FEVER)).isEqualTo(10);
        assertThat(SyntheticReferrals.presentPerMille(Finding.CANCER_HISTORY)).isEqualTo(60);
        assertThat(SyntheticReferrals.presentPerMille(Finding.LEG_PAIN)).isEqualTo(300);
    }

    @Test
    void theSameDrawsGiveTheSameReferral() {
        for (long seed = 0; seed < 50; seed++) {
            assertThat(SyntheticReferrals.referral(RandomDraws.from(new SplittableRandom(seed)), AS_OF))
                    .isEqualTo(SyntheticReferrals.referral(RandomDraws.from(new SplittableRandom(seed)), AS_OF));
        }
    }

    private static Map<Finding, Integer> presentCounts(int minimumPresentPerMille) {
        Map<Finding, Integer> counts = new EnumMap<>(Finding.class);
        for (Finding f : Finding.values()) {
            counts.put(f, 0);
        }
        RandomDraws draws = RandomDraws.from(new SplittableRandom(11));
        for (int i = 0; i < N; i++) {
            Referral r = SyntheticReferrals.referral(draws, AS_OF, minimumPresentPerMille);
            r.findings().forEach((f, o) -> {
                if (o.isPresent()) {
                    counts.merge(f, 1, Integer::sum);
                }
            });
        }
        return counts;
    }
}
