package org.mskrules.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mskrules.core.io.Json;
import org.mskrules.governance.RandomDraws;
import org.mskrules.governance.SyntheticReferrals;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ReferralJson;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * Over the project's synthetic referrals ({@link SyntheticReferrals}), plausible and dense: a
 * referral written as FHIR reads back as the same referral, and the decision reached through FHIR
 * is the decision reached through the JSON contract. Fixed seed, so a failure reproduces.
 */
class FhirPathProperties {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final long SEED = 20_261_207L;
    static final int EXAMPLES = 300;

    static FhirReferrals fhir;
    static MskRules rules;

    @BeforeAll
    static void load() {
        fhir = FhirReferrals.create();
        rules = MskRules.builder().build();
    }

    static Gen<Referral> referrals() {
        Gen<Referral> plausible = in -> SyntheticReferrals.referral(draws(in), AS_OF);
        Gen<Referral> dense = in -> SyntheticReferrals.referral(draws(in), AS_OF, 100);
        Gen<String> ids = in -> in.next(Constraint.between(0, 3)) == 0 ? null : "REF-" + in.next(Constraint.between(0, 99_999));
        return plausible.mix(dense).zip(ids, (r, id) -> new Referral(id, r.ageYears(), r.sex(), r.referralDate(),
                r.symptomOnset(), r.regions(), r.findings(), r.painScore(), r.riskStratification(), r.clinicianPriority()));
    }

    private static RandomDraws draws(org.quicktheories.core.RandomnessSource in) {
        return (min, max) -> (int) in.next(Constraint.between(min, max));
    }

    @Test
    void aReferralWrittenAsFhirReadsBackAsTheSameReferral() {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED).withShrinkCycles(0).forAll(referrals()).checkAssert(r -> {
            String json = fhir.toJson(fhir.toBundle(r));
            FhirReading back = fhir.readBundle(json);
            assertThat(back.referral()).isEqualTo(r);
            // Only to-verify codes are noted: nothing conflicts or is assumed in the writer's own output.
            assertThat(back.notes()).allSatisfy(n -> assertThat(n.code()).isEqualTo("UNVERIFIED_CODE"));
        });
    }

    @Test
    void theDecisionThroughFhirIsTheDecisionThroughJson() {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED + 1).withShrinkCycles(0).forAll(referrals()).checkAssert(r -> {
            String contractJson;
            try {
                contractJson = Json.writeValueAsString(r);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(e);
            }
            Assessment viaJson = rules.assess(ReferralJson.read(contractJson, AS_OF), AS_OF);
            Assessment viaFhir = rules.assess(fhir.readBundle(fhir.toJson(fhir.toBundle(r))).referral(), AS_OF);
            assertThat(viaFhir).isEqualTo(viaJson);
        });
    }
}
