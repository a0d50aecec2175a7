package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.DecisionEvent;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ReferralJson;
import org.mskrules.msk.Route;

/**
 * Issue 20: a decision listener is told of each decision with the version that made it and the
 * outcome's classes, carries no value from the referral, and cannot change or lose a decision.
 */
class DecisionListenerTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final RuleSetRegistry REGISTRY = RuleSetRegistry.fromClasspath();

    static Referral saddleNumbness() throws Exception {
        return ReferralJson.read(Files.readString(RepoPaths.root().resolve("examples/referral-back-pain-saddle-numbness.json")),
                AS_OF);
    }

    @Test
    void eachDecisionIsReportedWithItsVersionAndOutcomeAndNoPatientData() throws Exception {
        List<DecisionEvent> events = new CopyOnWriteArrayList<>();
        MskRules rules = MskRules.builder().registry(REGISTRY).ruleSetVersion("1.0.0").decisionListener(events::add).build();
        Referral referral = saddleNumbness();
        Assessment a = rules.assess(referral, AS_OF);
        assertThat(events).hasSize(1);
        DecisionEvent e = events.get(0);
        assertThat(e.ruleSetId()).isEqualTo("msk-referral");
        assertThat(e.ruleSetVersion()).isEqualTo("1.0.0");
        assertThat(e.status()).isEqualTo(RuleSetManifest.Status.RELEASED);
        assertThat(e.contentHash()).isEqualTo(a.trace().contentHash()).startsWith("sha256:6b10ad93");
        assertThat(e.escalation()).isEqualTo(EscalationLevel.EMERGENCY).isEqualTo(a.escalation());
        assertThat(e.route()).isEqualTo(Route.RED_FLAG_PATHWAY).isEqualTo(a.route().route());
        assertThat(e.nanos()).isPositive();
        assertThat(e.toString()).doesNotContain(referral.referralId()).doesNotContain(referral.referralDate().toString());
        rules.assess(referral, AS_OF);
        assertThat(events).hasSize(2);
    }

    @Test
    void aFailingListenerNeitherChangesNorLosesTheDecision() throws Exception {
        List<DecisionEvent> after = new CopyOnWriteArrayList<>();
        MskRules plain = MskRules.builder().registry(REGISTRY).ruleSetVersion("1.0.0").build();
        MskRules listened = MskRules.builder().registry(REGISTRY).ruleSetVersion("1.0.0")
                .decisionListener(e -> {
                    throw new IllegalStateException("metrics back end down");
                })
                .decisionListener(after::add).build();
        Referral referral = saddleNumbness();
        assertThat(listened.assess(referral, AS_OF)).isEqualTo(plain.assess(referral, AS_OF));
        assertThat(after).as("the next listener is still told").hasSize(1);
    }
}
