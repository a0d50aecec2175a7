package org.mskrules.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mskrules.governance.RandomDraws;
import org.mskrules.governance.SyntheticReferrals;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.RedFlag;
import org.mskrules.msk.Referral;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * Over synthetic referrals (plausible and dense), the cards say what the assessment says: one card
 * per red flag in reporting order with the indicator of its level and the rule as its topic, a
 * screens card exactly when a screen is open, exactly one route card, never an empty answer.
 */
class CardsProperties {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static MskRules rules;
    static CdsHooksService service;

    @BeforeAll
    static void load() {
        rules = MskRules.builder().build();
        service = CdsHooksService.create(rules, Clock.fixed(AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    static Gen<Referral> referrals() {
        Gen<Referral> plausible = in -> SyntheticReferrals.referral(draws(in), AS_OF);
        Gen<Referral> dense = in -> SyntheticReferrals.referral(draws(in), AS_OF, 100);
        return plausible.mix(dense);
    }

    private static RandomDraws draws(org.quicktheories.core.RandomnessSource in) {
        return (min, max) -> (int) in.next(Constraint.between(min, max));
    }

    static String expectedIndicator(RedFlag f) {
        return switch (f.level()) {
            case EMERGENCY -> "critical";
            case URGENT -> "warning";
            default -> "info";
        };
    }

    @Test
    void theCardsSayWhatTheAssessmentSays() {
        int[] flagged = {0};
        qt().withExamples(300).withFixedSeed(20_261_207L).withShrinkCycles(0).forAll(referrals()).checkAssert(r -> {
            Assessment a = rules.assess(r, AS_OF);
            CdsResponse response = service.call(CdsHooksService.ORDER_SIGN_ID,
                    CdsRequests.request("order-sign", r).toString(), "http://127.0.0.1");
            assertThat(response.status()).isEqualTo(200);
            JsonNode cards;
            try {
                cards = CdsHooksService.json().readTree(response.json()).path("cards");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(e);
            }
            assertThat(cards.size()).isPositive();
            List<String> topics = new ArrayList<>();
            cards.forEach(c -> topics.add(c.path("source").path("topic").path("code").asText()));
            for (int i = 0; i < a.redFlags().size(); i++) {
                RedFlag f = a.redFlags().get(i);
                assertThat(topics.get(i)).isEqualTo(f.ruleId());
                assertThat(cards.get(i).path("indicator").asText()).isEqualTo(expectedIndicator(f));
                assertThat(cards.get(i).path("uuid").asText()).isEqualTo(Cards.uuid(f.ruleId()));
            }
            assertThat(topics.contains("screens")).isEqualTo(!a.incompleteScreens().isEmpty());
            assertThat(topics).filteredOn(t -> t.startsWith("route:")).containsExactly("route:" + a.route().route());
            cards.forEach(c -> assertThat(c.path("summary").asText().length()).isLessThanOrEqualTo(140));
            if (a.hasRedFlags()) {
                flagged[0]++;
            }
        });
        assertThat(flagged[0]).as("referrals with red flags among the examples").isGreaterThan(30);
    }
}
