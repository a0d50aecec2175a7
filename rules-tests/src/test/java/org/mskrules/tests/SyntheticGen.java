package org.mskrules.tests;

import java.time.LocalDate;
import org.mskrules.governance.RandomDraws;
import org.mskrules.governance.SyntheticReferrals;
import org.mskrules.msk.Finding;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ServiceProfile;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators over {@link SyntheticReferrals}, the one definition of a plausible
 * synthetic referral. Every number is drawn through QuickTheories' {@link RandomnessSource}, so a
 * failing referral still shrinks (towards the smallest draws) and a fixed seed reproduces it.
 */
final class SyntheticGen {
    private SyntheticGen() {
    }

    /** The default, clinically plausible population: serious findings are rare. */
    static Gen<Referral> referrals(LocalDate asOf) {
        return referrals(asOf, 0);
    }

    /**
     * A denser population for invariants that must hold for rare combinations too: every finding is
     * present at least {@code minimumPresentPerMille} per mille of the time.
     */
    static Gen<Referral> referrals(LocalDate asOf, int minimumPresentPerMille) {
        return in -> SyntheticReferrals.referral(draws(in), asOf, minimumPresentPerMille);
    }

    /** Any valid service profile. */
    static Gen<ServiceProfile> profiles() {
        return in -> SyntheticReferrals.profile(draws(in));
    }

    /** Any finding. */
    static Gen<Finding> findings() {
        return in -> SyntheticReferrals.finding(draws(in));
    }

    private static RandomDraws draws(RandomnessSource in) {
        return (min, max) -> (int) in.next(Constraint.between(min, max));
    }
}
