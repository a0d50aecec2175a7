package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mskrules.core.io.Json;
import org.mskrules.core.RuleInfo;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.IncompleteScreen;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.PriorityCriterion;
import org.mskrules.msk.PriorityReason;
import org.mskrules.msk.RedFlag;
import org.mskrules.msk.Referral;
import org.mskrules.msk.Route;
import org.mskrules.msk.RouteReason;
import org.mskrules.msk.Screen;
import org.mskrules.msk.SeriousFinding;
import org.mskrules.msk.ServiceProfile;

/**
 * Runs every golden case in {@code golden/red-flags/}, {@code golden/priority-routing/},
 * {@code golden/safety-net/} and {@code golden/pathway/} (2.0.0: each stage and seed pathway), and checks
 * coverage: every rule has a positive case; every red-flag rule and every rule that reads a local
 * parameter has a near-miss; every route and every priority criterion has at least three cases.
 */
class GoldenCaseTest {
    static final List<String> FOLDERS = List.of("golden/red-flags", "golden/priority-routing", "golden/safety-net",
            "golden/pathway");
    static final int MIN_CASES_PER_ROUTE_AND_CRITERION = 3;
    private static final ObjectMapper JSON = Json.newMapper();
    private static final Map<String, MskRules> RULES = new ConcurrentHashMap<>();

    static List<GoldenCase> cases() {
        List<GoldenCase> cases = new ArrayList<>();
        for (String folder : FOLDERS) {
            cases.addAll(cases(folder));
        }
        return cases;
    }

    static List<GoldenCase> cases(String folder) {
        try {
            Path dir = Path.of(GoldenCaseTest.class.getClassLoader().getResource(folder).toURI());
            List<GoldenCase> cases = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    GoldenCase c = JSON.readValue(file.toFile(), GoldenCase.class);
                    String fileName = file.getFileName().toString().replace(".json", "");
                    if (!fileName.equals(c.name())) {
                        throw new IllegalStateException("golden case [" + file + "] has name [" + c.name() + "]");
                    }
                    cases.add(c);
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every version of the referral rule set on the class path, oldest first. */
    static List<String> versions() {
        return RuleSetRegistry.fromClasspath().versions(MskRules.RULE_SET_ID);
    }

    /**
     * A case that names a version applies to that version (and to the later ones it lists in
     * {@code alsoRuleSetVersions}) only; any other applies to every version.
     */
    static boolean appliesTo(GoldenCase c, String version) {
        return c.ruleSetVersion() == null || c.ruleSetVersion().equals(version)
                || (c.alsoRuleSetVersions() != null && c.alsoRuleSetVersions().contains(version));
    }

    static List<GoldenCase> cases(String folder, String version) {
        return cases(folder).stream().filter(c -> appliesTo(c, version)).toList();
    }

    static MskRules rules(GoldenCase c, String version) {
        return RULES.computeIfAbsent(version + "|" + c.parameters() + "|" + c.profile(), k -> builder(c, version).build());
    }

    /** A builder for {@code version} with the case's parameter overrides and service profile. */
    static MskRules.Builder builder(GoldenCase c, String version) {
        MskRules.Builder b = MskRules.builder().ruleSetVersion(version);
        if (c.parameters() != null) {
            c.parameters().forEach(b::parameter);
        }
        if (c.profile() != null) {
            b.serviceProfile(ServiceProfile.read(new ByteArrayInputStream(
                    c.profile().toString().getBytes(StandardCharsets.UTF_8))));
        }
        return b;
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenCaseGivesTheOutcomeTheGuidanceExpects() {
        return versions().stream().flatMap(version -> cases().stream().filter(c -> appliesTo(c, version))
                .map(c -> DynamicTest.dynamicTest(c.name() + " @ " + version,
                        () -> check(c, rules(c, version), true).assertAll())));
    }

    /**
     * The golden case's assertions on the decision {@code rules} makes, collected rather than thrown.
     * With {@code checkTrace} false only the decision itself is checked (not which rules the trace
     * lists), which is what a rule-mutation run needs: a rule that only shows in the trace carries no
     * load.
     */
    static SoftAssertions check(GoldenCase c, MskRules rules, boolean checkTrace) {
        SoftAssertions soft = new SoftAssertions();
        try {
            Referral referral = JSON.treeToValue(c.referral(), Referral.class);
            Assessment a = rules.assess(referral, c.asOf());
            GoldenCase.Expected e = c.expected();
            soft.assertThat(a.escalation()).as("escalation of %s", c.name()).isEqualTo(e.escalation());
            soft.assertThat(a.redFlags()).extracting(RedFlag::ruleId).as("red flags of %s", c.name())
                    .containsExactlyInAnyOrderElementsOf(e.redFlags());
            soft.assertThat(a.incompleteScreens()).filteredOn(s -> s.screen() != Screen.PRIORITY_CRITERIA)
                    .extracting(IncompleteScreen::ruleId).as("screens other than priority of %s", c.name())
                    .containsExactlyInAnyOrderElementsOf(e.incompleteScreens());
            if (e.missing() != null) {
                e.missing().forEach((ruleId, pointers) -> soft.assertThat(a.incompleteScreens())
                        .filteredOn(s -> s.ruleId().equals(ruleId))
                        .flatExtracting(IncompleteScreen::missing)
                        .as("missing items of %s in %s", ruleId, c.name())
                        .containsExactlyInAnyOrderElementsOf(pointers));
            }
            if (e.seriousFindings() != null) {
                soft.assertThat(a.seriousFindings()).extracting(SeriousFinding::ruleId)
                        .as("serious findings of %s", c.name()).containsExactlyInAnyOrderElementsOf(e.seriousFindings());
            }
            if (e.priority() != null) {
                GoldenCase.Priority p = e.priority();
                soft.assertThat(a.priority().category()).as("priority category of %s", c.name()).isEqualTo(p.category());
                soft.assertThat(a.priority().derived()).as("derived priority of %s", c.name()).isEqualTo(p.derived());
                soft.assertThat(a.priority().reasons()).extracting(PriorityReason::ruleId)
                        .as("priority reasons of %s", c.name()).containsExactlyInAnyOrderElementsOf(p.reasons());
                if (p.thresholdDays() != null) {
                    soft.assertThat(a.priority().waitingThresholdDays()).as("threshold of %s", c.name())
                            .isEqualTo(p.thresholdDays());
                }
                soft.assertThat(a.incompleteScreens().stream().anyMatch(s -> s.ruleId().equals(PRIORITY_SCREEN)))
                        .as("priority screen incomplete in %s", c.name()).isEqualTo(p.screenIncomplete());
            }
            if (e.route() != null) {
                GoldenCase.RouteExpected r = e.route();
                soft.assertThat(a.route().route()).as("route of %s", c.name()).isEqualTo(r.route());
                soft.assertThat(a.route().specialty()).as("specialty of %s", c.name()).isEqualTo(r.specialty());
                soft.assertThat(a.route().destination()).as("destination of %s", c.name()).isEqualTo(r.destination());
                soft.assertThat(a.route().reasons()).extracting(RouteReason::ruleId)
                        .as("route reasons of %s", c.name()).containsExactlyInAnyOrderElementsOf(r.reasons());
            }
            if (e.risk() != null) {
                soft.assertThat(a.stratifiedRisk()).as("stratified risk of %s", c.name()).isNotNull();
                if (a.stratifiedRisk() != null) {
                    soft.assertThat(a.stratifiedRisk().category()).as("risk category of %s", c.name())
                            .isEqualTo(e.risk().category());
                    soft.assertThat(a.stratifiedRisk().ruleId()).as("risk rule of %s", c.name()).isEqualTo(e.risk().rule());
                }
            }
            soft.assertThat(c.kind()).as("kind of %s", c.name()).isIn("positive", "near-miss");
            if (c.positive()) {
                soft.assertThat(expectedIds(c)).as("positive case %s must expect its rule %s", c.name(), c.rule())
                        .contains(c.rule());
                if (checkTrace) {
                    soft.assertThat(a.trace().firedRuleIds()).as("rules fired in positive case %s", c.name()).contains(c.rule());
                }
            } else {
                soft.assertThat(expectedIds(c)).as("near-miss %s must not expect %s", c.name(), c.rule())
                        .doesNotContain(c.rule());
                // Not merely outranked: a near-miss rule must not fire at all.
                if (checkTrace) {
                    soft.assertThat(a.trace().firedRuleIds()).as("rules fired in near-miss %s", c.name())
                            .doesNotContain(c.rule());
                }
            }
        } catch (RuntimeException | IOException ex) {
            soft.fail("golden case " + c.name() + " could not be assessed: " + ex);
        }
        return soft;
    }

    static final String PRIORITY_SCREEN = "SCR-PRI-001";

    /** Every rule id the case expects to fire, as far as it asserts. */
    static Set<String> expectedIds(GoldenCase c) {
        GoldenCase.Expected e = c.expected();
        Set<String> ids = new TreeSet<>(e.redFlags());
        ids.addAll(e.incompleteScreens());
        if (e.seriousFindings() != null) {
            ids.addAll(e.seriousFindings());
        }
        if (e.priority() != null) {
            ids.addAll(e.priority().reasons());
            ids.add(e.priority().category() == PriorityCategory.PRIORITY ? "PRI-CAT-001" : "PRI-CAT-002");
            if (Boolean.TRUE.equals(e.priority().screenIncomplete())) {
                ids.add(PRIORITY_SCREEN);
            }
        }
        if (e.route() != null) {
            ids.addAll(e.route().reasons());
        }
        if (e.risk() != null) {
            ids.add(e.risk().rule());
        }
        return ids;
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHasAPositiveCaseAndEveryRedFlagOrParameterisedRuleANearMiss() {
        return versions().stream().map(version -> DynamicTest.dynamicTest(version,
                () -> everyRuleHasAPositiveCaseAndANearMiss(version)));
    }

    private static void everyRuleHasAPositiveCaseAndANearMiss(String version) {
        List<GoldenCase> cases = cases().stream().filter(c -> appliesTo(c, version)).toList();
        Set<String> missingPositive = new TreeSet<>();
        Set<String> missingNearMiss = new TreeSet<>();
        for (RuleInfo rule : MskRules.builder().ruleSetVersion(version).build().rules()) {
            boolean positive = cases.stream().anyMatch(c -> c.positive() && c.rule().equals(rule.id()));
            boolean nearMiss = cases.stream().anyMatch(c -> !c.positive() && c.rule().equals(rule.id()));
            if (!positive) {
                missingPositive.add(rule.id());
            }
            boolean needsNearMiss = "red-flag".equals(rule.meta("kind")) || rule.meta("parameters") != null;
            if (needsNearMiss && !nearMiss) {
                missingNearMiss.add(rule.id());
            }
        }
        assertThat(missingPositive).as("rules of %s without a positive golden case", version).isEmpty();
        assertThat(missingNearMiss).as("red-flag or parameterised rules of %s without a near-miss golden case", version)
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAndEveryPriorityCriterionHasAtLeastThreeCases() {
        return versions().stream().map(version -> DynamicTest.dynamicTest(version,
                () -> everyRouteAndEveryPriorityCriterionHasAtLeastThreeCases(version)));
    }

    private static void everyRouteAndEveryPriorityCriterionHasAtLeastThreeCases(String version) {
        List<GoldenCase> cases = cases().stream().filter(c -> appliesTo(c, version)).toList();
        // Every route the version's rules can give (ADVICE_AND_GUIDANCE from 2.0.0).
        List<Route> routes = MskRules.builder().ruleSetVersion(version).build().rules().stream()
                .filter(r -> "route".equals(r.meta("kind"))).map(r -> Route.valueOf(r.meta("route"))).distinct().toList();
        for (Route route : routes) {
            assertThat(cases).filteredOn(c -> c.expected().route() != null && c.expected().route().route() == route)
                    .as("golden cases routed to %s in %s", route, version).hasSizeGreaterThanOrEqualTo(MIN_CASES_PER_ROUTE_AND_CRITERION);
        }
        Map<String, PriorityCriterion> criterionOf = new java.util.HashMap<>();
        for (RuleInfo rule : MskRules.builder().ruleSetVersion(version).build().rules()) {
            if ("priority-criterion".equals(rule.meta("kind"))) {
                criterionOf.put(rule.id(), PriorityCriterion.valueOf(rule.meta("criterion")));
            }
        }
        for (PriorityCriterion criterion : PriorityCriterion.values()) {
            assertThat(cases).filteredOn(c -> c.expected().priority() != null && c.expected().priority().reasons()
                            .stream().anyMatch(id -> criterionOf.get(id) == criterion))
                    .as("golden cases meeting %s in %s", criterion, version).hasSizeGreaterThanOrEqualTo(MIN_CASES_PER_ROUTE_AND_CRITERION);
        }
    }
}
