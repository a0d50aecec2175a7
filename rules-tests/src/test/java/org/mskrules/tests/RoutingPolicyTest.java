package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.InvalidRuleMetadataException;
import org.mskrules.core.io.Json;
import org.mskrules.core.RuleSetLoadException;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.governance.Population;
import org.mskrules.governance.PopulationCase;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Route;
import org.mskrules.msk.RoutingPolicy;

/**
 * The routing policy (route precedence, red-flag tie-breaks, time-frame texts, national thresholds)
 * is part of a version: from 2.0.0 declared in its {@code routing-policy.json}, hashed, and what the
 * facade applies; for the released 1.0.0 and 1.1.0 the policy frozen in Java, and for them only.
 */
class RoutingPolicyTest {
    private static final RuleSetRegistry REGISTRY = RuleSetRegistry.fromClasspath();
    private static final String COPY = "9.9.8";
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @Test
    void theReleasedVersionsUseThePolicyFrozenInJavaAsTheyWereReleased() throws IOException {
        RoutingPolicy released;
        try (InputStream in = RoutingPolicyTest.class.getResourceAsStream("/legacy-routing-policy-1.x.json")) {
            released = Json.readValue(in, RoutingPolicy.class);
        }
        for (String version : List.of("1.0.0", "1.1.0")) {
            assertThat(REGISTRY.manifest(MskRules.RULE_SET_ID, version).policy()).as(version).isNull();
            assertThat(MskRules.builder().ruleSetVersion(version).build().routingPolicy()).as(version).isEqualTo(released);
        }
    }

    @Test
    void everyVersionAfterTheReleasedOnesDeclaresItsPolicyAndStages() {
        for (String version : REGISTRY.versions(MskRules.RULE_SET_ID)) {
            RuleSetManifest m = REGISTRY.manifest(MskRules.RULE_SET_ID, version);
            if (!List.of("1.0.0", "1.1.0").contains(version)) {
                assertThat(m.policy()).as(version).isNotNull();
                assertThat(m.files()).as(version).contains(m.policy());
                assertThat(m.stages()).as(version).isNotEmpty();
                assertThat(MskRules.builder().ruleSetVersion(version).build().routingPolicy())
                        .isEqualTo(REGISTRY.ruleSet(MskRules.RULE_SET_ID, version).policy(RoutingPolicy.class));
            }
        }
    }

    @Test
    void aVersionWithoutAPolicyOtherThanTheReleasedOnesIsRefused(@TempDir Path dir) throws IOException {
        RuleSetRegistry registry = RuleSetRegistry.fromClasspath(workingCopy(dir, "2.0.0", m -> {
            m.putNull("policy");
            ArrayNode files = (ArrayNode) m.get("files");
            for (int i = files.size() - 1; i >= 0; i--) {
                if (files.get(i).asText().endsWith("/routing-policy.json")) {
                    files.remove(i);
                }
            }
            return m;
        }, null));
        assertThatThrownBy(() -> MskRules.builder().registry(registry).ruleSetVersion(COPY).build())
                .isInstanceOf(InvalidRuleMetadataException.class)
                .hasMessageContaining("declares no routing policy");
    }

    @Test
    void aStagedVersionWithoutItsStagesIsRefusedRatherThanFiringNothing(@TempDir Path dir) throws IOException {
        RuleSetRegistry registry = RuleSetRegistry.fromClasspath(workingCopy(dir, "2.0.0", m -> {
            m.putNull("stages");
            return m;
        }, null));
        assertThatThrownBy(() -> registry.ruleSet(MskRules.RULE_SET_ID, COPY))
                .isInstanceOf(RuleSetLoadException.class)
                .hasMessageContaining("declares no stages, so it would never fire");
    }

    @Test
    void changingThePrecedenceInAWorkingCopyChangesItsDecisionsAndItsHash(@TempDir Path dir) throws IOException {
        String policyPath = REGISTRY.manifest(MskRules.RULE_SET_ID, "2.0.0").policy();
        String declared = read(policyPath);
        // Community therapy before triage, secondary care last but one: a different precedence.
        String reordered = declared.replace("\"SECONDARY_CARE\", \"COMMUNITY_MSK_TRIAGE\",\n    \"COMMUNITY_MSK_THERAPY\",",
                "\"COMMUNITY_MSK_THERAPY\", \"COMMUNITY_MSK_TRIAGE\",\n    \"SECONDARY_CARE\",");
        assertThat(reordered).as("the test's edit applies to the declared precedence").isNotEqualTo(declared);

        MskRules same = MskRules.builder().registry(RuleSetRegistry.fromClasspath(workingCopy(dir.resolve("a"), "2.0.0",
                m -> m, declared))).ruleSetVersion(COPY).build();
        MskRules changed = MskRules.builder().registry(RuleSetRegistry.fromClasspath(workingCopy(dir.resolve("b"), "2.0.0",
                m -> m, reordered))).ruleSetVersion(COPY).build();
        MskRules original = MskRules.builder().ruleSetVersion("2.0.0").build();

        assertThat(changed.contentHash()).isNotEqualTo(same.contentHash());
        assertThat(changed.routingPolicy().routePrecedence()).containsSubsequence(Route.COMMUNITY_MSK_THERAPY,
                Route.COMMUNITY_MSK_TRIAGE, Route.SECONDARY_CARE);
        int moved = 0;
        for (PopulationCase c : Population.synthetic(20_261_123L, 2_000, AS_OF).cases()) {
            Assessment a = same.assess(c.referral(), c.asOf(), c.profile());
            Assessment b = changed.assess(c.referral(), c.asOf(), c.profile());
            // The copy with the declared policy decides exactly as 2.0.0 does.
            assertThat(a.route()).isEqualTo(original.assess(c.referral(), c.asOf(), c.profile()).route());
            if (a.route().route() != b.route().route()) {
                moved++;
                assertThat(b.route().route()).isIn(Route.COMMUNITY_MSK_THERAPY, Route.COMMUNITY_MSK_TRIAGE);
            }
        }
        assertThat(moved).as("referrals whose route moved with the precedence").isPositive();
    }

    /**
     * A class loader that adds to the class path a working copy, version {@value #COPY}, of {@code version}
     * (its kbase and files), its manifest edited by {@code edit} and, if {@code policy} is not null, its
     * policy served from that text at a path of its own (the same for every copy, so that two copies
     * differ only in what the test changes).
     */
    private static ClassLoader workingCopy(Path dir, String version, UnaryOperator<ObjectNode> edit, String policy)
            throws IOException {
        ObjectNode copy = Json.tree(REGISTRY.manifest(MskRules.RULE_SET_ID, version));
        copy.put("version", COPY).put("status", "WORKING").putNull("contentHash");
        String policyPath = "test-working/routing-policy.json";
        if (policy != null) {
            ArrayNode files = (ArrayNode) copy.get("files");
            for (int i = files.size() - 1; i >= 0; i--) {
                if (files.get(i).asText().equals(copy.get("policy").asText())) {
                    files.remove(i);
                }
            }
            files.add(policyPath);
            copy.put("policy", policyPath);
        }
        String manifestPath = "test-working/manifest.json";
        Map<String, String> served = policy == null
                ? Map.of(manifestPath, Json.writeValueAsString(edit.apply(copy)))
                : Map.of(manifestPath, Json.writeValueAsString(edit.apply(copy)), policyPath, policy);
        return ExtraRuleSets.classPathWith(dir, served, List.of(manifestPath));
    }

    private static String read(String path) {
        try (InputStream in = RoutingPolicyTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
