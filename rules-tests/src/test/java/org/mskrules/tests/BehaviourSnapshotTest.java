package org.mskrules.tests;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mskrules.core.io.Json;
import org.mskrules.core.RuleSetManifest;
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
 * <p>For a version with a predecessor the snapshot also lists every case whose decision differs from
 * the predecessor's (with a digest of both decisions): the change the version was approved for. A
 * difference fails the build and prints what changed: the counts and rules that moved and, case by
 * case, every decision that moved against the predecessor since the snapshot (the full comparison,
 * Markdown and JSON, is written under {@code rules-tests/target/impact/}). If the change is intended,
 * rerun with {@code -Dmskrules.update=true} and commit the new snapshot: its diff is what a clinical
 * safety officer reviews. A released version's snapshot is never rewritten; the content hash guards
 * its files, this guards the Java around them.
 */
class BehaviourSnapshotTest {
    static final long SEED = 20_261_123L;
    static final int SIZE = 100_000;
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final String DIRECTORY = "rules-tests/snapshots/";
    /** Own copy of the library's settings: a snapshot needs its own layout (one array element a line). */
    private static final com.fasterxml.jackson.databind.ObjectMapper SNAPSHOT_JSON = Json.newMapper();
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

    @TestFactory
    Stream<DynamicTest> everyVersionBehavesAsItsCommittedSnapshot() {
        List<String> versions = REGISTRY.versions(MskRules.RULE_SET_ID);
        return versions.stream().map(version -> DynamicTest.dynamicTest(MskRules.RULE_SET_ID + " " + version,
                () -> check(versions, version)));
    }

    private static void check(List<String> versions, String version) throws JsonProcessingException {
        MskRules rules = MskRules.builder().registry(REGISTRY).ruleSetVersion(version).build();
        BehaviourSummary actual = BehaviourSummary.of(rules, population());
        int index = versions.indexOf(version);
        String previous = index > 0 ? versions.get(index - 1) : null;
        ImpactReport report = previous == null ? null : ImpactAnalysis.diff(
                MskRules.builder().registry(REGISTRY).ruleSetVersion(previous).build(), rules, population());
        String text = snapshotText(actual, report);
        String file = DIRECTORY + MskRules.RULE_SET_ID + "-" + version + ".json";
        String committed = GeneratedDocs.read(RepoPaths.root().resolve(file));
        if (text.equals(committed)) {
            return;
        }
        boolean released = REGISTRY.manifest(MskRules.RULE_SET_ID, version).status() == RuleSetManifest.Status.RELEASED;
        // A released version's snapshot changes only with the population (a golden case added or
        // removed), never with its behaviour on the same population.
        boolean populationChanged = committed == null || !Json.readTree(committed).path("population")
                .equals(Json.readTree(text).path("population"));
        if (GeneratedDocs.updating() && (populationChanged || !released)) {
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
            ObjectNode old = (ObjectNode) Json.readTree(committed);
            JsonNode oldAgainst = old.remove(AGAINST_PREVIOUS);
            old.put("contentHash", actual.contentHash());
            message.add("What changed (snapshot -> now):");
            Json.treeToValue(old, BehaviourSummary.class).differences(actual)
                    .forEach(d -> message.add("  " + d));
            if (report != null) {
                message.addAll(changedAgainstPrevious(oldAgainst, report));
            }
        }
        if (report != null) {
            String name = "target/impact/" + MskRules.RULE_SET_ID + "-" + previous + "-to-" + version;
            Path base = Path.of(System.getProperty("basedir", ".")).resolve(name);
            GeneratedDocs.write(Path.of(base + ".md"), report.toMarkdown());
            GeneratedDocs.write(Path.of(base + ".json"), report.toJson());
            message.add("");
            message.add("Full comparison of " + version + " with " + previous + " (the previous version; it includes the"
                    + " changes " + version + " was already approved for): rules-tests/" + name + ".md and .json.");
        } else {
            message.add("");
            message.add("This is the first version of the rule set, so there is no earlier version to compare"
                    + " decisions with case by case: the counts above are what moved.");
        }
        message.add("");
        message.add(released && !populationChanged
                ? "This version is RELEASED: its behaviour must not change, and its snapshot is never rewritten."
                        + " Undo the change (if it is in Java the rules call, it changes released decisions), or"
                        + " make it in a new version."
                : "If this change is intended and signed off, regenerate the snapshot with `mvn -B verify -D"
                        + GeneratedDocs.UPDATE + "=true` and commit it for review.");
        fail(String.join("\n", message));
    }

    static final String AGAINST_PREVIOUS = "againstPreviousVersion";

    /**
     * The summary as committed: behaviour only, so without the content hash (a comment edited in a
     * working version is not a behaviour change; released hashes are guarded by ReleasedVersionsTest);
     * and, for a version with a predecessor, every case whose decision differs from the predecessor's,
     * with a digest of both decisions, so that a later failure can name the cases that moved.
     */
    static String snapshotText(BehaviourSummary summary, ImpactReport againstPrevious) throws JsonProcessingException {
        ObjectNode tree = Json.tree(summary);
        tree.remove("contentHash");
        if (againstPrevious != null) {
            ObjectNode against = tree.putObject(AGAINST_PREVIOUS);
            against.put("version", againstPrevious.a().version());
            against.put("changedDecisions", againstPrevious.changed());
            ArrayNode cases = against.putArray("cases");
            for (ImpactReport.ChangedCase c : againstPrevious.changedCases()) {
                cases.add(c.id() + " " + digest(c));
            }
        }
        // One array element a line, LF whatever the platform, so that a snapshot's diff reads case by case.
        DefaultIndenter lines = new DefaultIndenter("  ", "\n");
        return SNAPSHOT_JSON.writer().with(new DefaultPrettyPrinter().withObjectIndenter(lines).withArrayIndenter(lines))
                .writeValueAsString(tree) + "\n";
    }

    private static String digest(ImpactReport.ChangedCase c) throws JsonProcessingException {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Json.writeValueAsBytes(c));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The cases whose change against the previous version is new, gone or different since the
     * snapshot: exact for every case, as long as the previous version's own behaviour is unchanged
     * (its snapshot says so).
     */
    private static List<String> changedAgainstPrevious(JsonNode committed, ImpactReport now)
            throws JsonProcessingException {
        Map<String, String> before = new LinkedHashMap<>();
        if (committed != null) {
            committed.path("cases").forEach(n -> {
                String[] parts = n.asText().split(" ");
                before.put(parts[0], parts[1]);
            });
        }
        Map<String, ImpactReport.ChangedCase> after = new LinkedHashMap<>();
        now.changedCases().forEach(c -> after.put(c.id(), c));
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Against " + now.a().version() + ": the snapshot records " + before.size() + " changed decisions, now "
                + after.size() + ". Cases that moved since the snapshot:");
        int shown = 0;
        for (ImpactReport.ChangedCase c : now.changedCases()) {
            String old = before.get(c.id());
            if (old == null || !old.equals(digest(c))) {
                if (shown++ < CASES_SHOWN) {
                    lines.add("  " + c.id() + (old == null ? " (now differs from " : " (differs differently from ")
                            + now.a().version() + "): " + Json.writeValueAsString(c.a()) + " -> "
                            + Json.writeValueAsString(c.b()) + "; fired only in " + now.a().version() + ": "
                            + c.firedOnlyInA() + ", only in " + now.b().version() + ": " + c.firedOnlyInB());
                }
            }
        }
        for (String id : before.keySet()) {
            if (!after.containsKey(id) && shown++ < CASES_SHOWN) {
                lines.add("  " + id + " (now decided as in " + now.a().version() + ", which the snapshot says it was not)");
            }
        }
        if (shown > CASES_SHOWN) {
            lines.add("  ... " + (shown - CASES_SHOWN) + " more (every case is in the full report)");
        }
        if (shown == 0) {
            lines.add("  none: every case differs from " + now.a().version() + " exactly as before, so what moved is"
                    + " in cases decided the same by both versions only through rules or counts above");
        }
        return lines;
    }

    /** Cases listed in the failure message; the written report has every one. */
    static final int CASES_SHOWN = 40;
}
