package org.mskrules.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.Finding;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Referral;
import org.mskrules.msk.Sex;

/** Issue 20: decisions reach Micrometer as a timer per version and counts by escalation and route, with no patient data. */
class DecisionMetricsTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @Test
    void decisionsAreTimedPerVersionAndCountedByEscalationAndRoute() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        MskRules rules = MskRules.builder().ruleSetVersion("1.0.0").decisionListener(new DecisionMetrics(meters)).build();
        Referral emergency = Referral.builder().referralId("ZQX-METRIC-1").ageYears(47).sex(Sex.MALE)
                .referralDate(LocalDate.of(2026, 11, 20)).region(BodyRegion.LUMBAR_SPINE)
                .present(Finding.LEG_PAIN, Finding.SADDLE_ANAESTHESIA).build();
        rules.assess(emergency, AS_OF);
        rules.assess(emergency, AS_OF);

        assertThat(meters.get(DecisionMetrics.TIMER).tag("rule_set", "msk-referral").tag("version", "1.0.0")
                .tag("status", "RELEASED").timer().count()).isEqualTo(2);
        assertThat(meters.get(DecisionMetrics.COUNTER).tag("version", "1.0.0").tag("escalation", "EMERGENCY")
                .tag("route", "RED_FLAG_PATHWAY").counter().count()).isEqualTo(2.0);
        assertThat(meters.getMeters()).hasSize(2);
        for (Meter meter : meters.getMeters()) {
            assertThat(meter.getId().getTags()).extracting(Tag::getValue)
                    .noneMatch(v -> v.contains("ZQX") || v.contains("2026-11-20"));
        }
    }
}
