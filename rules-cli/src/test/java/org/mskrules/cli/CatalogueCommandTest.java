package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.RuleSetRegistry;

/** {@code catalogue} prints exactly the committed, generated pages of {@code docs/rules/}. */
class CatalogueCommandTest {
    static final Path DOCS_RULES = Path.of("../docs/rules");

    static String committed(String name) throws IOException {
        // A checkout that converted line endings still holds the same catalogue.
        return Files.readString(DOCS_RULES.resolve(name), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @Test
    void everyVersionsCatalogueIsTheCommittedPage() throws IOException {
        RuleSetRegistry registry = RuleSetRegistry.fromClasspath();
        int pages = 0;
        for (String id : registry.ruleSetIds()) {
            for (String version : registry.versions(id)) {
                Cli.Result r = Cli.run("catalogue", "--rule-set", id, "--rules-version", version);
                assertThat(r.exit()).isEqualTo(MskRulesCli.DECIDED);
                assertThat(r.out()).as("%s %s", id, version).isEqualTo(committed(id + "-" + version + ".md"));
                pages++;
            }
        }
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theIndexIsTheCommittedReadme() throws IOException {
        Cli.Result r = Cli.run("catalogue", "--all");
        assertThat(r.exit()).isEqualTo(MskRulesCli.DECIDED);
        assertThat(r.out()).isEqualTo(committed("README.md"));
    }

    @Test
    void withoutAVersionTheOneInForceOnTheDateAndAWorkingVersionWarns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("catalogue.md");
        Cli.Result r = Cli.run("catalogue", "--rule-set", "msk-waiting-list", "--as-of", "2023-11-20", "--output",
                file.toString());
        assertThat(r.exit()).isEqualTo(MskRulesCli.DECIDED);
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(committed("msk-waiting-list-1.0.0.md"));
        assertThat(Cli.run("catalogue", "--as-of", "2026-11-23").out()).isEqualTo(committed("msk-referral-1.0.0.md"));
        assertThat(Cli.run("catalogue", "--rules-version", "2.0.0").err())
                .contains("msk-referral 2.0.0 is a WORKING version: not released, not for clinical use");
    }

    @Test
    void unknownRuleSetsVersionsAndDatesAndMixedOptionsAreUsageErrors(@TempDir Path dir) {
        assertThat(Cli.run("catalogue", "--rule-set", "msk-nothing", "--rules-version", "1.0.0").exit())
                .isEqualTo(MskRulesCli.USAGE);
        Cli.Result unknown = Cli.run("catalogue", "--rules-version", "7.0.0");
        assertThat(unknown.exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(unknown.err()).contains("7.0.0");
        Cli.Result early = Cli.run("catalogue", "--as-of", "2020-01-01");
        assertThat(early.exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(early.err()).contains("no version of rule set [msk-referral] is in force on [2020-01-01]");
        assertThat(Cli.run("catalogue", "--all", "--rules-version", "1.0.0").exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(Cli.run("catalogue", "--rules-version", "1.0.0", "--as-of", "2026-11-23").exit())
                .isEqualTo(MskRulesCli.USAGE);
        // A file that cannot be written is not a usage error: the command failed.
        Cli.Result unwritable = Cli.run("catalogue", "--all", "--output", dir.resolve("no/such/dir/x.md").toString());
        assertThat(unwritable.exit()).isEqualTo(MskRulesCli.FAILURE);
        assertThat(unwritable.err()).contains("internal failure: java.nio.file.NoSuchFileException").contains("\tat ");
    }
}
