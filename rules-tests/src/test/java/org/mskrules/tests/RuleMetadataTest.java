package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mskrules.core.RuleInfo;
import org.mskrules.core.RuleSet;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.ServiceProfile;

/**
 * Walks every rule in every kbase of every rule-set version on the class path. Loading already
 * refuses a rule without required metadata; this test states the contract independently, so that a
 * weakened loader cannot let an unsourced rule through unnoticed.
 */
class RuleMetadataTest {
    static final Path RULES_SOURCE = Path.of("..", "rules-msk", "src", "main", "resources");
    static final Set<String> LEVELS = Set.of("NONE", "SOON", "URGENT", "EMERGENCY");

    @Test
    void everyRuleInEveryVersionHasAnIdASourceALevelAndAUniqueId() {
        List<RuleSet> all = RuleSetRegistry.fromClasspath().loadAll();
        assertThat(all).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (RuleSet ruleSet : all) {
            Set<String> ids = new HashSet<>();
            for (RuleInfo rule : ruleSet.rules()) {
                String where = ruleSet.manifest().coordinates() + " rule [" + rule.name() + "]";
                if (rule.id() == null || rule.id().isBlank()) {
                    problems.add(where + ": no @id");
                } else if (!ids.add(rule.id())) {
                    problems.add(where + ": duplicate id " + rule.id());
                }
                if (rule.meta("source") == null || rule.meta("source").isBlank()) {
                    problems.add(where + ": no @source");
                }
                if (!LEVELS.contains(rule.meta("level"))) {
                    problems.add(where + ": @level [" + rule.meta("level") + "] not one of " + LEVELS);
                }
                if (!rule.name().startsWith(rule.id() + " ")) {
                    problems.add(where + ": name does not start with its id");
                }
            }
            assertThat(ruleSet.rules()).as("rules in %s", ruleSet).isNotEmpty();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMskVersionBuildsItsFacadeAndEveryRedFlagRuleNamesAConditionDestinationAndTimeFrame() {
        RuleSetRegistry registry = RuleSetRegistry.fromClasspath();
        for (String version : registry.versions(MskRules.RULE_SET_ID)) {
            MskRules rules = MskRules.builder().registry(registry).ruleSetVersion(version).build();
            assertThat(rules.rules())
                    .filteredOn(r -> "red-flag".equals(r.meta("kind")))
                    .isNotEmpty()
                    .allSatisfy(r -> {
                        assertThat(r.meta("condition")).isNotBlank();
                        assertThat(r.meta("destination")).isNotBlank();
                        assertThat(r.meta("timeFrame")).isNotBlank();
                        assertThat(r.meta("level")).isNotEqualTo("NONE");
                    });
        }
    }

    /**
     * The national thresholds are rule content (PRI-CAT-001/002) and also bound the service
     * profile's local standards (a local standard may not be looser); the two must agree.
     */
    @Test
    void thePriorityThresholdsInTheRulesAreTheOnesTheServiceProfileIsCheckedAgainst() {
        RuleSetRegistry registry = RuleSetRegistry.fromClasspath();
        for (String version : registry.versions(MskRules.RULE_SET_ID)) {
            List<RuleInfo> categories = MskRules.builder().registry(registry).ruleSetVersion(version).build().rules()
                    .stream().filter(r -> "priority-category".equals(r.meta("kind"))).toList();
            assertThat(categories).extracting(r -> r.meta("category"), r -> Integer.parseInt(r.meta("waitingThresholdDays")))
                    .as("priority thresholds in %s", version)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("PRIORITY", ServiceProfile.NATIONAL_PRIORITY_DAYS),
                            org.assertj.core.groups.Tuple.tuple("NON_PRIORITY", ServiceProfile.NATIONAL_NON_PRIORITY_DAYS));
        }
    }

    @Test
    void everyDrlFileIsListedInExactlyOneManifestSoThatItIsHashed() throws IOException {
        RuleSetRegistry registry = RuleSetRegistry.fromClasspath();
        List<String> listed = new ArrayList<>();
        for (String id : registry.ruleSetIds()) {
            for (String version : registry.versions(id)) {
                listed.addAll(registry.manifest(id, version).files());
            }
        }
        List<String> drlFiles;
        try (Stream<Path> files = Files.walk(RULES_SOURCE)) {
            drlFiles = files.filter(f -> f.toString().endsWith(".drl"))
                    .map(f -> RULES_SOURCE.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        assertThat(drlFiles).isNotEmpty();
        assertThat(listed).containsAll(drlFiles);
        assertThat(listed).doesNotHaveDuplicates();
    }
}
