package org.mskrules.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.RuleBaseConfiguration;
import org.drools.core.impl.InternalRuleBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.mskrules.governance.BehaviourSummary;
import org.mskrules.governance.Population;
import org.mskrules.governance.PopulationCase;
import org.mskrules.msk.MskRules;

/**
 * Issue 20: the rule sets' knowledge bases are built straight from the executable model's classes
 * ({@code ExecutableModelKieBases}) instead of through Drools' class-path container. For every kbase
 * of {@code rules-msk} both ways give the same kbase (configuration, network size, every rule with its
 * metadata, agenda group, salience and load order), and every referral version decides the golden
 * cases and a synthetic population identically both ways. (In package {@code org.mskrules.core} to
 * reach the package-private container-backed registry.)
 */
class ExecutableModelEquivalenceTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final ClassLoader LOADER = ExecutableModelEquivalenceTest.class.getClassLoader();
    static KieContainer container;
    static ExecutableModelKieBases fast;

    @BeforeAll
    static void bothWays() throws Exception {
        container = KieServices.get().newKieClasspathContainer(LOADER);
        fast = ExecutableModelKieBases.read(LOADER);
    }

    @Test
    void theRegistryOnTheClassPathBuildsFromTheExecutableModel() {
        assertThat(RuleSetRegistry.kieBases(LOADER)).isInstanceOf(ExecutableModelKieBases.class);
    }

    @Test
    void everyKbaseIsTheOneTheContainerBuilds() {
        assertThat(fast.kieBaseNames()).containsExactlyInAnyOrderElementsOf(container.getKieBaseNames())
                .contains("msk-referral-1.0.0", "msk-referral-1.1.0", "msk-waiting-list-1.0.0");
        for (String name : fast.kieBaseNames()) {
            Map<String, Object> expected = describe(container.getKieBase(name));
            assertThat(expected).as(name + " has rules").hasSizeGreaterThan(3);
            assertThat(describe(fast.kieBase(name))).as(name).isEqualTo(expected);
        }
    }

    @Test
    void everyReferralVersionDecidesAsThroughTheContainer() {
        RuleSetRegistry viaContainer = RuleSetRegistry.of(LOADER, container);
        RuleSetRegistry viaModel = RuleSetRegistry.fromClasspath();
        Population population = Population.goldenCases(Path.of("src/test/resources/golden"))
                .plus(Population.synthetic(20_261_207L, 20_000, AS_OF));
        List<String> versions = viaModel.versions(MskRules.RULE_SET_ID);
        assertThat(versions).isEqualTo(viaContainer.versions(MskRules.RULE_SET_ID)).hasSizeGreaterThanOrEqualTo(2);
        for (String version : versions) {
            BehaviourSummary expected = BehaviourSummary.of(
                    MskRules.builder().registry(viaContainer).ruleSetVersion(version).build(), population);
            BehaviourSummary actual = BehaviourSummary.of(
                    MskRules.builder().registry(viaModel).ruleSetVersion(version).build(), population);
            assertThat(actual.differences(expected)).as(version).isEmpty();
            assertThat(actual).as(version).isEqualTo(expected);
        }
    }

    /**
     * The summaries' digest sorts each case's fired rules; the trace keeps the order they fired in,
     * which for rules of equal salience follows the kbase's load order: the same both ways.
     */
    @Test
    void everyGoldenCaseFiresItsRulesInTheSameOrderBothWays() {
        RuleSetRegistry viaContainer = RuleSetRegistry.of(LOADER, container);
        RuleSetRegistry viaModel = RuleSetRegistry.fromClasspath();
        List<PopulationCase> cases = Population.goldenCases(Path.of("src/test/resources/golden")).cases().stream()
                .filter(c -> c.parameters().isEmpty()).toList();
        assertThat(cases).hasSizeGreaterThan(50);
        int compared = 0;
        for (String version : viaModel.versions(MskRules.RULE_SET_ID)) {
            MskRules expected = MskRules.builder().registry(viaContainer).ruleSetVersion(version).build();
            MskRules actual = MskRules.builder().registry(viaModel).ruleSetVersion(version).build();
            for (PopulationCase c : cases) {
                Object firedBoth = firedInOrder(expected, c);
                assertThat(firedInOrder(actual, c)).as(version + " " + c.id()).isEqualTo(firedBoth);
                compared += firedBoth instanceof List<?> l && l.size() > 1 ? 1 : 0;
            }
        }
        assertThat(compared).as("decisions with more than one rule fired").isGreaterThan(100);
    }

    private static Object firedInOrder(MskRules rules, PopulationCase c) {
        try {
            return rules.assess(c.referral(), c.asOf(), c.profile()).trace().firedRules().stream()
                    .map(FiredRule::ruleId).toList();
        } catch (RulesException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** What decides how a kbase behaves, as text: its configuration, network size and every rule. */
    static Map<String, Object> describe(KieBase kieBase) {
        InternalRuleBase base = (InternalRuleBase) kieBase;
        RuleBaseConfiguration c = base.getRuleBaseConfiguration();
        Map<String, Object> d = new TreeMap<>();
        d.put("configuration", List.of(c.getEventProcessingMode(), c.getAssertBehaviour(), c.isSequential(),
                c.isDeclarativeAgenda(), c.getSequentialAgenda(), c.isMaintainTms(), c.isRemoveIdentities(),
                c.isShareAlphaNodes(), c.isShareBetaNodes(), c.getAlphaNodeHashingThreshold(),
                c.getAlphaNodeRangeIndexThreshold(), c.isBetaNodeRangeIndexEnabled(), c.getCompositeKeyDepth(),
                c.isIndexLeftBetaMemory(), c.isIndexRightBetaMemory(), c.getIndexPrecedenceOption(),
                c.getConsequenceExceptionHandler(), c.isParallelEvaluation(), c.isParallelExecution(),
                c.getSessionPoolSize(), c.getPrototypesOption(), base.getKieBaseConfiguration().isMutabilityEnabled()));
        d.put("nodes", base.getNodeCount());
        d.put("types", base.getTypeDeclarations().stream().map(t -> t.getTypeClassName()).sorted().toList());
        List<KiePackage> packages = new ArrayList<>(kieBase.getKiePackages());
        packages.sort(Comparator.comparing(KiePackage::getName));
        for (KiePackage pkg : packages) {
            List<Rule> rules = new ArrayList<>(pkg.getRules());
            rules.sort(Comparator.comparing(Rule::getName));
            List<String> described = new ArrayList<>();
            for (Rule rule : rules) {
                RuleImpl r = (RuleImpl) rule;
                described.add(r.getName() + " " + new TreeMap<>(r.getMetaData()) + " agenda-group=" + r.getAgendaGroup()
                        + " salience=" + r.getSalienceValue() + (r.isSalienceDynamic() ? "(dynamic)" : "")
                        + " load-order=" + r.getLoadOrder() + " no-loop=" + r.isNoLoop() + " lock-on-active="
                        + r.isLockOnActive() + " activation-group=" + r.getActivationGroup() + " ruleflow-group="
                        + r.getRuleFlowGroup() + " declarations=" + new TreeMap<>(r.getDeclarations()).keySet());
            }
            d.put("package " + pkg.getName(), List.copyOf(described));
        }
        return d;
    }
}
