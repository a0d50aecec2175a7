package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.core.RuleSetRegistry;

/** {@code --help} and {@code --version}, at the top and for each command. */
class HelpAndVersionTest {

    @Test
    void helpListsEveryCommandWithItsSynopsisAndTheExitCodes() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.exit()).isEqualTo(MskRulesCli.DECIDED);
        assertThat(r.out()).contains("Usage: msk-rules").contains("assess").contains("waitlist").contains("diff")
                .contains("catalogue").contains("validate")
                .contains("msk-rules assess FILE|-").contains("msk-rules validate FILE|-...")
                .contains("Exit codes:").contains("0  every record decided").contains("1  some record rejected")
                .contains("2  usage error").contains("3  internal failure");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        for (String command : new String[] {"assess", "waitlist", "diff", "catalogue", "validate"}) {
            Cli.Result r = Cli.run(command, "--help");
            assertThat(r.exit()).as(command).isEqualTo(MskRulesCli.DECIDED);
            assertThat(r.out()).as(command).startsWith("Usage: msk-rules " + command);
        }
        assertThat(Cli.run("assess", "--help").out()).contains("--rules-version").contains("--as-of")
                .contains("--profile").contains("--jsonl").contains("Exit codes:");
    }

    @Test
    void versionNamesTheCommandLineAndEveryRuleSetVersionWithItsStatusDateAndHash() {
        Cli.Result r = Cli.run("--version");
        assertThat(r.exit()).isEqualTo(MskRulesCli.DECIDED);
        assertThat(r.out()).startsWith("msk-rules " + Versions.cliVersion()).doesNotContain("unknown");
        RuleSetRegistry registry = RuleSetRegistry.fromClasspath();
        int versions = 0;
        for (String id : registry.ruleSetIds()) {
            for (String version : registry.versions(id)) {
                RuleSetManifest m = registry.manifest(id, version);
                String hash = registry.ruleSet(id, version).contentHash();
                assertThat(r.out()).containsPattern(id + " +" + version.replace(".", "\\.") + " +" + m.status() + " +"
                        + (m.status() == RuleSetManifest.Status.RELEASED ? "effective " + m.effectiveFrom()
                        : "not for clinical use") + " +" + hash);
                versions++;
            }
        }
        assertThat(versions).isGreaterThanOrEqualTo(3);
        assertThat(r.out()).contains("msk-referral       1.0.0   RELEASED effective 2026-11-02  sha256:6b10ad93");
    }
}
