package org.mskrules.tests;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mskrules.core.Json;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.governance.BehaviourSummary;
import org.mskrules.governance.ImpactAnalysis;
import org.mskrules.governance.ImpactReport;
import org.mskrules.governance.Population;
import org.mskrules.msk.MskRules;

/**
 * Behaviour snapshot, the CI gate for rule changes: every version of the referral rule set is run
 * over the seeded population (every golden case plus {@value #SIZE} synthetic referrals, seed
 * {@value #SEED}, as of {@link #AS_OF}) and its {@link BehaviourSummary} — outcome counts, per-rule
 * firing counts and a digest of every decision — must equal the committed
 * {@code rules-tests/snapshots/msk-referral-VERSION.json}.
 *
 * <p>A difference fails the build and prints what changed: the counts and rules that moved and the
 * impact report against the previous version of the rule set (the full report, Markdown and JSON,
 * is written under {@code rules-tests/target/impact/}). If the change is intended, rerun with
 * {@code -Dmskrules.update=true} and commit the new snapshot: its diff is what a clinical safety
 * officer reviews. A released version's snapshot must never change; the content hash guards its
 * files, this guards the Java around them.
 */
class BehaviourSnapshotTest {
    static final long SEED = 20_261_123L;
    static final int SIZE = 100_000;
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final String DIRECTORY = "rules-tests/snapshots/";
    /** Lines of the impact report printed in the failure message; the file has all of it. */
    static final int REPORT_LINES_SHOWN = 120;
    private static final RuleSetRegistry REGISTRY = RuleSetRegistry.fromClasspath();
    private static Population population;

    static synchronized Population population() {
        if (population == null) {
            // Relative, so that the snapshot records the same location on every checkout (surefire runs
            // in the module directory).
            population = Population.goldenCases(Path.of("src/test/resources/golden"))
                    .plus(Population.synthetic(SEED, SIZE, AS_OF));
        }
        return population;
    }

    /**
     * The summary as committed: behaviour only, so without the content hash (a comment edited in a
     * working version is not a behaviour change; released hashes are guarded by ReleasedVersionsTest).
     */
    static String snapshotText(BehaviourSummary summary) throws JsonProcessingException {
        ObjectNode tree = Json.mapper().valueToTree(summary);
        tree.remove("contentHash");
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
    }

    @TestFactory
    Stream<DynamicTest> everyVersionBehavesAsItsCommittedSnapshot() {
        List<String> versions = REGISTRY.versions(MskRules.RULE_SET_ID);
        return versions.stream().map(version -> DynamicTest.dynamicTest(MskRules.RULE_SET_ID + " " + version,
                () -> check(versions, version)));
    }

    private static void check(List<String> versions, String version) throws JsonProcessingException {
        MskRules rules = MskRules.builder().registry(REGISTRY).ruleSetVersion(version).build();
        BehaviourSummary actual = BehaviourSummary.of(rules, population());
        String text = snapshotText(actual);
        String file = DIRECTORY + MskRules.RULE_SET_ID + "-" + version + ".json";
        String committed = GeneratedDocs.read(RepoPaths.root().resolve(file));
        if (text.equals(committed)) {
            return;
        }
        if (GeneratedDocs.updating()) {
            GeneratedDocs.write(RepoPaths.root().resolve(file), text);
            System.out.println("[mskrules.update] wrote " + file);
            return;
        }
        List<String> message = new ArrayList<>();
        message.add(MskRules.RULE_SET_ID + " " + version + " no longer behaves as its committed snapshot " + file
                + " says.");
        if (committed == null) {
            message.add("There is no committed snapshot for this version.");
        } else {
            message.add("What changed (snapshot -> now):");
            ObjectNode old = (ObjectNode) Json.mapper().readTree(committed);
            old.put("contentHash", actual.contentHash());
            Json.mapper().treeToValue(old, BehaviourSummary.class).differences(actual)
                    .forEach(d -> message.add("  " + d));
        }
        int index = versions.indexOf(version);
        if (index > 0) {
            String previous = versions.get(index - 1);
            ImpactReport report = ImpactAnalysis.diff(
                    MskRules.builder().registry(REGISTRY).ruleSetVersion(previous).build(), rules, population());
            String name = "target/impact/" + MskRules.RULE_SET_ID + "-" + previous + "-to-" + version;
            Path base = Path.of(System.getProperty("basedir", ".")).resolve(name);
            GeneratedDocs.write(Path.of(base + ".md"), report.toMarkdown());
            GeneratedDocs.write(Path.of(base + ".json"), report.toJson());
            message.add("");
            message.add("Impact of " + version + " against " + previous + " (full report: rules-tests/" + name
                    + ".md and .json):");
            report.toMarkdown().lines().limit(REPORT_LINES_SHOWN).forEach(message::add);
            message.add("...");
        }
        message.add("");
        message.add("If this change is intended and signed off, regenerate the snapshot with `mvn -B verify -D"
                + GeneratedDocs.UPDATE + "=true` and commit it for review. A released version's snapshot must"
                + " not change: make a new version instead.");
        fail(String.join("\n", message));
    }
}
