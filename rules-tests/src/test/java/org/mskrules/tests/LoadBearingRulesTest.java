package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.mskrules.core.RuleInfo;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.msk.LocalParameters;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * Load-bearing rules: every rule of every version is disabled in turn (a Drools agenda filter, through
 * the builders' {@code withRulesDisabled}) and the golden cases, then the property suites, are run
 * against that mutant. A rule whose removal fails no check carries no tested load: it is dead, or
 * what it does is untested. Either way CI fails until a golden case or property pins it down (or the
 * rule goes).
 *
 * <p>Golden cases are checked on the decision only, not on the trace: "the rule fired" is not a
 * load. The cases that name the disabled rule run first, so most mutants are caught at once; the
 * property suites (fixed seeds) run only for a mutant that every golden case lets through.
 *
 * <p>The result for every rule is the generated report {@value #REPORT}, checked like the rule
 * catalogue: stale fails, {@code -Dmskrules.update=true} rewrites it.
 */
class LoadBearingRulesTest {
    static final String REPORT = "docs/safety/load-bearing-rules.md";
    private static final RuleSetRegistry REGISTRY = RuleSetRegistry.fromClasspath();

    /** One rule's result: what caught its removal, or null if nothing did. */
    record Result(String ruleSetId, String version, String ruleId, String name, String caughtBy) {
    }

    @Test
    void everyRuleOfEveryVersionIsLoadBearing() {
        List<Result> results = new ArrayList<>();
        for (String version : REGISTRY.versions(MskRules.RULE_SET_ID)) {
            List<GoldenCase> cases = GoldenCaseTest.cases().stream()
                    .filter(c -> GoldenCaseTest.appliesTo(c, version)).toList();
            for (RuleInfo rule : REGISTRY.ruleSet(MskRules.RULE_SET_ID, version).rules()) {
                String caughtBy = referralGolden(cases, version, rule.id())
                        .or(() -> referralProperties(version, rule.id()))
                        .orElse(null);
                results.add(new Result(MskRules.RULE_SET_ID, version, rule.id(), rule.name(), caughtBy));
            }
        }
        for (String version : REGISTRY.versions(WaitingListRules.RULE_SET_ID)) {
            List<WaitingListGoldenCase> cases = WaitingListGoldenTest.cases().stream()
                    .filter(c -> c.ruleSetVersion() == null || c.ruleSetVersion().equals(version)).toList();
            for (RuleInfo rule : REGISTRY.ruleSet(WaitingListRules.RULE_SET_ID, version).rules()) {
                String caughtBy = waitingListGolden(cases, version, rule.id())
                        .or(() -> waitingListProperties(version, rule.id()))
                        .orElse(null);
                results.add(new Result(WaitingListRules.RULE_SET_ID, version, rule.id(), rule.name(), caughtBy));
            }
        }
        GeneratedDocs.check(REPORT, report(results));
        assertThat(results).filteredOn(r -> r.caughtBy() == null).extracting(r -> r.ruleSetId() + " "
                        + r.version() + " " + r.ruleId())
                .as("rules whose removal fails no golden case and no property (see %s)", REPORT).isEmpty();
    }

    @Test
    void aRuleThatNoGoldenCaseNeedsIsNotCaughtByTheGoldenCases() {
        // The same as a dead rule, as far as these cases know: RF-CES-001 fires in none of them.
        String version = REGISTRY.versions(MskRules.RULE_SET_ID).get(0);
        String rule = "RF-CES-001";
        List<GoldenCase> without = GoldenCaseTest.cases().stream()
                .filter(c -> GoldenCaseTest.appliesTo(c, version))
                .filter(c -> !ruleFires(c, version, rule)).toList();
        assertThat(without).hasSizeGreaterThan(100);
        assertThat(referralGolden(without, version, rule)).isEmpty();
        List<GoldenCase> with = GoldenCaseTest.cases().stream().filter(c -> GoldenCaseTest.appliesTo(c, version))
                .filter(c -> ruleFires(c, version, rule)).toList();
        assertThat(referralGolden(with, version, rule)).hasValueSatisfying(v -> assertThat(v).startsWith("golden case"));
    }

    private static boolean ruleFires(GoldenCase c, String version, String ruleId) {
        try {
            return GoldenCaseTest.rules(c, version).assess(
                    org.mskrules.core.io.Json.treeToValue(c.referral(), org.mskrules.msk.Referral.class), c.asOf())
                    .trace().firedRuleIds().contains(ruleId);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void thePropertyRunnerNamesTheFirstPropertyThatFails() {
        assertThat(PropertySuites.firstFailure(FakeSuite.class)).contains("property `FakeSuite#bFails`");
        assertThat(PropertySuites.failures(FakeSuite.class)).hasSize(2)
                .allSatisfy(f -> assertThat(f).contains("Fails: java.lang.AssertionError"));
    }

    /** Not a suite of its own: surefire skips nested classes. */
    static class FakeSuite {
        @Test
        void aPasses() {
        }

        @Test
        void bFails() {
            throw new AssertionError("b");
        }

        @Test
        void cFails() {
            throw new AssertionError("c");
        }
    }

    private static Optional<String> referralGolden(List<GoldenCase> cases, String version, String ruleId) {
        Map<String, MskRules> mutants = new LinkedHashMap<>();
        for (GoldenCase c : ownCasesFirst(cases,
                c -> ruleId.equals(c.rule()) || GoldenCaseTest.expectedIds(c).contains(ruleId))) {
            MskRules mutant = mutants.computeIfAbsent(c.parameters() + "|" + c.profile(),
                    k -> GoldenCaseTest.builder(c, version).registry(REGISTRY).withRulesDisabled(ruleId).build());
            if (!GoldenCaseTest.check(c, mutant, false).errorsCollected().isEmpty()) {
                return Optional.of("golden case `" + c.name() + "`");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> waitingListGolden(List<WaitingListGoldenCase> cases, String version,
            String ruleId) {
        Map<String, WaitingListRules> mutants = new LinkedHashMap<>();
        Map<String, WaitingListRules> originals = new LinkedHashMap<>();
        for (WaitingListGoldenCase c : ownCasesFirst(cases,
                c -> c.expected().firedRules() != null && c.expected().firedRules().contains(ruleId))) {
            WaitingListRules original = originals.computeIfAbsent(c.parameters() + "|" + c.profile(),
                    k -> WaitingListGoldenTest.builder(c).ruleSetVersion(version).registry(REGISTRY).build());
            if (!WaitingListGoldenTest.check(c, original, false).errorsCollected().isEmpty()) {
                // A case written for another version's behaviour (a case without a version applies to all)
                // fails on this version whatever is removed: it is no evidence that the rule is needed.
                continue;
            }
            WaitingListRules mutant = mutants.computeIfAbsent(c.parameters() + "|" + c.profile(),
                    k -> WaitingListGoldenTest.builder(c).ruleSetVersion(version).registry(REGISTRY)
                            .withRulesDisabled(ruleId).build());
            if (!WaitingListGoldenTest.check(c, mutant, false).errorsCollected().isEmpty()) {
                return Optional.of("golden case `" + c.name() + "`");
            }
        }
        return Optional.empty();
    }

    /** The cases that expect the rule first (most mutants fail there at once), the rest after, stable. */
    private static <C> List<C> ownCasesFirst(List<C> cases, Predicate<C> expectsRule) {
        List<C> ordered = new ArrayList<>(cases.stream().filter(expectsRule).toList());
        cases.stream().filter(expectsRule.negate()).forEach(ordered::add);
        return ordered;
    }

    private static Optional<String> referralProperties(String version, String ruleId) {
        MskRules mutant = MskRules.builder().ruleSetVersion(version).registry(REGISTRY).withRulesDisabled(ruleId).build();
        return PropertySuites.referral(mutant, true).stream().findFirst().map(f -> "property `" + f + "`");
    }

    private static Optional<String> waitingListProperties(String version, String ruleId) {
        WaitingListRules mutant = WaitingListRules.builder().ruleSetVersion(version).registry(REGISTRY)
                .withRulesDisabled(ruleId).build();
        return PropertySuites.waitingList(mutant, true).stream().findFirst().map(f -> "property `" + f + "`");
    }

    static String report(List<Result> results) {
        StringBuilder md = new StringBuilder();
        md.append("# Load-bearing rules\n\n")
                .append("Generated by `LoadBearingRulesTest` (rules-tests); do not edit by hand. ")
                .append("Regenerate with `mvn -B verify -Dmskrules.update=true`.\n\n")
                .append("Every rule of every rule-set version is disabled in turn (a Drools agenda filter) and the ")
                .append("golden cases, then the property suites, are run against what is left. A rule is ")
                .append("*load-bearing* when its removal makes at least one check fail; the first check that ")
                .append("failed is shown. Golden cases are checked on the decision and its explanation as a ")
                .append("clinician sees it (escalation, which red flags, screens, priority category and reasons, ")
                .append("route and its reasons, waiting-list outcomes), not on the trace, so \"the rule ")
                .append("fired\" alone never counts. A rule whose removal fails nothing is listed as ")
                .append("**NOT LOAD-BEARING** and fails CI: it is dead, or what it does is untested.\n");
        Map<String, List<Result>> byVersion = new LinkedHashMap<>();
        results.forEach(r -> byVersion.computeIfAbsent(r.ruleSetId() + " " + r.version(), k -> new ArrayList<>()).add(r));
        byVersion.forEach((version, rules) -> {
            long caught = rules.stream().filter(r -> r.caughtBy() != null).count();
            md.append("\n## ").append(version).append("\n\n")
                    .append(caught).append(" of ").append(rules.size()).append(" rules are load-bearing.\n\n")
                    .append("| Rule | Name | Removal caught by |\n|---|---|---|\n");
            rules.stream().sorted(Comparator.comparing(Result::ruleId)).forEach(r -> md.append("| ")
                    .append(r.ruleId()).append(" | ").append(r.name().substring(r.ruleId().length()).trim())
                    .append(" | ").append(r.caughtBy() == null ? "**NOT LOAD-BEARING**" : r.caughtBy())
                    .append(" |\n"));
        });
        return md.toString();
    }

    /** Runs a property class's {@code @Test} methods, in name order, against whatever it is set up with. */
    static final class PropertySuites {
        private PropertySuites() {
        }

        static Optional<String> firstFailure(Class<?> suite) {
            return run(suite, true).stream().findFirst().map(f -> "property `" + f + "`");
        }

        /** Every failing property of the suite, as {@code Suite#method: message}. */
        static List<String> failures(Class<?> suite) {
            return run(suite, false);
        }

        /**
         * The referral property suites run against {@code rules} instead of the default version (the
         * suites' static set-up is swapped in and restored): every failure, or only the first.
         */
        static synchronized List<String> referral(MskRules rules, boolean stopAtFirst) {
            MskRules redFlags = RedFlagProperties.rules;
            MskRules routing = PriorityRoutingProperties.rules;
            LocalParameters parameters = PriorityRoutingProperties.parameters;
            try {
                RedFlagProperties.rules = rules;
                PriorityRoutingProperties.rules = rules;
                PriorityRoutingProperties.parameters = rules.parameters();
                List<String> failures = new ArrayList<>(run(RedFlagProperties.class, stopAtFirst));
                if (failures.isEmpty() || !stopAtFirst) {
                    failures.addAll(run(PriorityRoutingProperties.class, stopAtFirst));
                }
                return failures;
            } finally {
                RedFlagProperties.rules = redFlags;
                PriorityRoutingProperties.rules = routing;
                PriorityRoutingProperties.parameters = parameters;
            }
        }

        /** The waiting-list property suite run against {@code rules}, as {@link #referral}. */
        static synchronized List<String> waitingList(WaitingListRules rules, boolean stopAtFirst) {
            WaitingListRules original = WaitingListProperties.rules;
            try {
                WaitingListProperties.rules = rules;
                return run(WaitingListProperties.class, stopAtFirst);
            } finally {
                WaitingListProperties.rules = original;
            }
        }

        private static List<String> run(Class<?> suite, boolean stopAtFirst) {
            Object instance;
            try {
                var constructor = suite.getDeclaredConstructor();
                constructor.setAccessible(true);
                instance = constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot instantiate " + suite, e);
            }
            List<Method> tests = new ArrayList<>();
            for (Method m : suite.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Test.class) && !Modifier.isStatic(m.getModifiers())) {
                    tests.add(m);
                }
            }
            tests.sort(Comparator.comparing(Method::getName));
            List<String> failures = new ArrayList<>();
            for (Method m : tests) {
                try {
                    m.setAccessible(true);
                    m.invoke(instance);
                } catch (InvocationTargetException e) {
                    String name = suite.getSimpleName() + "#" + m.getName();
                    failures.add(stopAtFirst ? name : name + ": " + e.getCause());
                    if (stopAtFirst) {
                        break;
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            return failures;
        }
    }
}
