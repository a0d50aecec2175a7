package org.mskrules.tests;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mskrules.governance.RandomDraws;
import org.mskrules.governance.SyntheticReferrals;
import org.mskrules.msk.Finding;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.Specialty;
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

    /**
     * Any valid service profile with the pathway switches of {@code msk-referral 2.0.0} drawn too:
     * a single point of access half the time, and advice and guidance for any set of specialties.
     * Versions before 2.0.0 do not read them.
     */
    static Gen<ServiceProfile> pathwayProfiles() {
        return in -> {
            ServiceProfile base = SyntheticReferrals.profile(draws(in));
            boolean spa = in.next(Constraint.between(0, 1)) == 1;
            List<Specialty> offered = new ArrayList<>();
            for (Specialty s : Specialty.values()) {
                if (in.next(Constraint.between(0, 1)) == 1) {
                    offered.add(s);
                }
            }
            if (!spa && offered.isEmpty()) {
                return base;
            }
            ServiceProfile.Builder b = base.toBuilder().singlePointOfAccess(spa)
                    .adviceAndGuidanceSpecialties(offered.toArray(Specialty[]::new));
            // A profile that differs from the national defaults needs a name of its own.
            return base.equals(ServiceProfile.NATIONAL) ? b.name("Synthetic pathway profile").build() : b.build();
        };
    }

    /** Any finding. */
    static Gen<Finding> findings() {
        return in -> SyntheticReferrals.finding(draws(in));
    }

    private static RandomDraws draws(RandomnessSource in) {
        return (min, max) -> (int) in.next(Constraint.between(min, max));
    }
}
