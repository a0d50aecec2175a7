package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code assess --stage} (msk-referral 2.0.0, issue 17): one referral, a different and correct next
 * step at each stage of the pathway, under the East Lancashire profile (a single point of access).
 */
class AssessStageTest {
    static final String KNEE = "../examples/referral-knee-surgical-opinion.json";
    static final String SELF = "../examples/referral-knee-self-referral.json";
    static final String EAST_LANCASHIRE = "../examples/service-profile-east-lancashire.json";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String assess(String... args) {
        out.reset();
        err.reset();
        String[] all = new String[args.length + 5];
        all[0] = "assess";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[] {"--as-of", "2026-12-21", "--rules-version", "2.0.0"}, 0, all, args.length + 1, 4);
        int exit = MskRulesCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(MskRulesCli.DECIDED);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oneReferralHasADifferentNextStepAtEachStage() {
        assertThat(assess(KNEE, "--profile", EAST_LANCASHIRE, "--stage", "FIRST_CONTACT"))
                .contains("Stage:       FIRST_CONTACT").contains("Route:       FIRST_CONTACT_PRACTITIONER")
                .contains("rule RT-FC-001");
        // East Lancashire triages a wanted surgical opinion (seeds/003 line 29).
        assertThat(assess(KNEE, "--profile", EAST_LANCASHIRE, "--stage", "FCP_OR_GP_ASSESSMENT"))
                .contains("Route:       COMMUNITY_MSK_TRIAGE").contains("Triaged within 24 hours")
                .contains("rule RT-SPA-001").contains("Triaged instead of: RT-SEC-002 (ORTHOPAEDICS)");
        assertThat(assess(KNEE, "--profile", EAST_LANCASHIRE, "--stage", "COMMUNITY_MSK_TRIAGE"))
                .contains("Route:       SECONDARY_CARE -> ORTHOPAEDICS").contains("rule RT-SEC-002");
        assertThat(assess(KNEE, "--profile", EAST_LANCASHIRE, "--stage", "RETURN_FROM_SECONDARY_CARE"))
                .contains("Route:       COMMUNITY_MSK_THERAPY").contains("rule RT-RET-001");
        // Without a stage: the assessment, and without a single point of access straight to orthopaedics.
        assertThat(assess(KNEE)).contains("Stage:       FCP_OR_GP_ASSESSMENT")
                .contains("Route:       SECONDARY_CARE -> ORTHOPAEDICS");
    }

    @Test
    void aSelfReferralIsAcceptedAndEchoed() {
        assertThat(assess(SELF)).contains("Stage:       FIRST_CONTACT; source SELF_REFERRAL")
                .contains("Route:       COMMUNITY_MSK_TRIAGE").contains("rule RT-FC-003");
    }

    @Test
    void aStageThatContradictsTheReferralsOwnIsRefused() {
        int exit = MskRulesCli.run(new String[] {"assess", SELF, "--as-of", "2026-12-21", "--rules-version", "2.0.0",
                "--stage", "COMMUNITY_MSK_TRIAGE"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(MskRulesCli.REJECTED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/pathwayStage INCONSISTENT");
    }
}
