package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mskrules.core.RuleSet;
import org.mskrules.core.RuleSetRegistry;

/**
 * Issue 20: loading a rule-set version logs exactly one line naming it (id, version, status, content
 * hash, number of rules), at INFO for a released version and at WARN for a working one; loading it
 * again logs nothing more, and hashing a version's content without loading it logs nothing. (This class runs in a JVM of its own, so its loads are its own.)
 */
class StartupLogTest {

    @Test
    void eachVersionLoadedIsLoggedOnceWithItsHashAndRuleCount() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        RuleSet released;
        RuleSet working;
        String hashOnly;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            RuleSetRegistry registry = RuleSetRegistry.fromClasspath();
            // Hashing a version's content builds no knowledge base, so logs no load.
            hashOnly = registry.contentHash("msk-referral", "1.0.0");
            released = registry.ruleSet("msk-referral", "1.1.0");
            registry.ruleSet("msk-referral", "1.1.0");
            working = registry.ruleSet("msk-referral", "2.0.0");
        } finally {
            System.setErr(err);
        }
        List<String> lines = Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(l -> l.contains("Loaded rule set")).toList();
        assertThat(lines).hasSize(2);
        assertThat(hashOnly).startsWith("sha256:6b10ad93");
        assertThat(lines.get(0)).contains("INFO")
                .endsWith("Loaded rule set msk-referral 1.1.0 RELEASED effective 2026-12-14 " + released.contentHash()
                        + " " + released.rules().size() + " rules");
        assertThat(released.contentHash()).startsWith("sha256:c37a0d99");
        assertThat(lines.get(1)).contains("WARN")
                .endsWith("Loaded rule set msk-referral 2.0.0 WORKING (not released, not for clinical use) "
                        + working.contentHash() + " " + working.rules().size() + " rules");
    }
}
