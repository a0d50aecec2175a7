package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mskrules.core.RuleInfo;
import org.mskrules.core.RuleSet;
import org.mskrules.core.RuleSetRegistry;

/**
 * The hazard log ({@code docs/safety/hazard-log.md}) is evidence only while what it names is real:
 * every rule id it names is a rule of some version on the class path, every test it names exists in
 * some module's {@code src/test/java}, every hazard has every field with a risk the DCB0129 matrix
 * gives, and the hazards the safety case relies on are all there.
 */
class HazardLogTest {
    static final Path LOG = RepoPaths.root().resolve("docs").resolve("safety").resolve("hazard-log.md");

    /**
     * Release gates being added to rules-tests alongside this log. They may be named on their own
     * (never with a method) until they exist; remove each name here once its class is merged.
     */
    static final Set<String> PENDING_GATES = Set.of();

    /** A topic the log must cover: every word must appear in one hazard's title, hazard or causes. */
    record Topic(String name, List<String> words) {
    }

    static final List<Topic> TOPICS = List.of(
            new Topic("a missed emergency red flag", List.of("emergency", "red flag", "missed")),
            new Topic("a wrong priority category", List.of("priority category", "wrong")),
            new Topic("a wrong route to self-management", List.of("routed to supported self-management")),
            new Topic("a working version in clinical use", List.of("working version", "clinical use")),
            new Topic("a released version silently changed", List.of("released version", "changed")),
            new Topic("the version in force on a date", List.of("version in force", "date")),
            new Topic("misread input", List.of("input", "unit", "date", "not recorded", "absent", "unknown code")),
            new Topic("clock and time-zone errors", List.of("clock", "time zone")),
            new Topic("a patient wrongly removed at validation", List.of("removed", "validation")),
            new Topic("a breach not reported", List.of("breach", "not reported")),
            new Topic("rejected records lost", List.of("rejected", "lost")),
            new Topic("a rule change with unintended behaviour", List.of("rule change", "unintended")),
            new Topic("synthetic and golden test gaps", List.of("synthetic", "golden", "gap")));

    static Set<String> knownRuleIds() {
        RuleSetRegistry registry = RuleSetRegistry.fromClasspath();
        Set<String> ids = new TreeSet<>();
        for (RuleSet rs : registry.loadAll()) {
            rs.rules().stream().map(RuleInfo::id).forEach(ids::add);
        }
        return ids;
    }

    static HazardLog.TestIndex tests() {
        return HazardLog.TestIndex.scan(RepoPaths.root());
    }

    @Test
    void theLogNamesOnlyRealRulesAndTestsAndEveryHazardHasEveryFieldAndAMatrixRisk() {
        HazardLog log = HazardLog.read(LOG);
        // Guards against a reader that finds nothing and so passes.
        assertThat(log.hazards).isNotEmpty();
        assertThat(HazardLog.ruleIds(log.markdown)).hasSizeGreaterThan(20);
        assertThat(HazardLog.testRefs(log.markdown)).hasSizeGreaterThan(20);
        assertThat(log.problems(knownRuleIds(), tests(), PENDING_GATES)).isEmpty();
    }

    @Test
    void everyHazardNamesATestAmongItsControls() {
        for (HazardLog.Hazard h : HazardLog.read(LOG).hazards) {
            assertThat(HazardLog.testRefs(h.fields().getOrDefault("Existing controls", "")))
                    .as("tests named in the controls of %s", h.id()).isNotEmpty();
        }
    }

    @Test
    void everyRequiredHazardTopicIsCovered() {
        List<HazardLog.Hazard> hazards = HazardLog.read(LOG).hazards;
        List<String> missing = new ArrayList<>();
        for (Topic topic : TOPICS) {
            boolean covered = hazards.stream().anyMatch(h -> {
                String statement = (h.title() + "\n" + h.fields().getOrDefault("Hazard", "") + "\n"
                        + h.fields().getOrDefault("Causes", "")).toLowerCase(Locale.ROOT);
                return topic.words().stream().allMatch(w -> statement.contains(w.toLowerCase(Locale.ROOT)));
            });
            if (!covered) {
                missing.add(topic.name() + " " + topic.words());
            }
        }
        assertThat(missing).as("topics no hazard's title, hazard or causes covers").isEmpty();
    }

    @Test
    void theMatrixTheLogPrintsIsTheOneItsRisksAreCheckedAgainst() {
        String markdown = HazardLog.read(LOG).markdown;
        for (int l = 0; l < HazardLog.LIKELIHOODS.size(); l++) {
            Matcher row = Pattern.compile("(?m)^\\| " + HazardLog.LIKELIHOODS.get(l)
                    + " \\| (\\d) \\| (\\d) \\| (\\d) \\| (\\d) \\| (\\d) \\|$").matcher(markdown);
            assertThat(row.find()).as("matrix row for likelihood %s", HazardLog.LIKELIHOODS.get(l)).isTrue();
            for (int s = 0; s < 5; s++) {
                assertThat(Integer.parseInt(row.group(s + 1))).as("risk for %s x %s", HazardLog.LIKELIHOODS.get(l),
                        HazardLog.SEVERITIES.get(s)).isEqualTo(HazardLog.MATRIX[l][s]);
            }
        }
    }

    // The checker itself, on made-up logs: it must fail on what is not real.

    static final String MADE_UP = """
            # Hazard log

            | Id | Hazard | Initial | Residual |
            |---|---|---|---|
            | [HAZ-001](#haz-001-a-red-flag-is-missed) | A red flag is missed | 3 | 2 |
            | [HAZ-002](#haz-002-a-second-hazard) | A second hazard | 4 | 2 |

            ## HAZ-001 A red flag is missed

            **Hazard.** RF-CES-001 does not fire, nor does RF-NOPE-999.

            **Causes.**
            - A cause.

            **Effects.** Harm.

            **Existing controls.**
            - RF-CES-001, `GoldenCaseTest#everyRuleHasAPositiveCaseAndEveryRedFlagOrParameterisedRuleANearMiss`,
              `GoldenCaseTest#everyGoldenCaseGivesTheOutcomeTheGuidanceExpects` (a test factory),
              `GoldenCaseTest#cases` (a helper, not a test), `GoldenCaseTest#noSuchMethod`, `HAZ-001`,
              `NoSuchClassTest#anything`, `NoSuchGateTest`, `PlannedGateTest`, `PlannedGateTest#aMethod`.

            **Initial risk.** Severity Major, likelihood Medium, risk 3. Why.

            **Residual risk.** Severity Major, likelihood Very low, risk 2. Why.

            **Open actions for the deploying organisation.** An action.

            ## HAZ-002 A second hazard

            **Hazard.** Something, HAZ-001 again.

            **Causes.**

            **Effects.** Harm.

            **Existing controls.** `RedFlagProperties`.

            **Initial risk.** Severity Catastrophic, likelihood Low, risk 3.

            **Residual risk.** Likely low.

            **Owner.** Nobody.
            """;

    /** The rules and tests the made-up logs may name. */
    static final Set<String> MADE_UP_RULES = Set.of("RF-CES-001");
    static final HazardLog.TestIndex MADE_UP_TESTS = new HazardLog.TestIndex(Map.of(
            "GoldenCaseTest", Set.of("everyRuleHasAPositiveCaseAndEveryRedFlagOrParameterisedRuleANearMiss",
                    "everyGoldenCaseGivesTheOutcomeTheGuidanceExpects"),
            "RedFlagProperties", Set.of("addingAPresentFindingNeverLowersTheEscalation")));

    @Test
    void aMadeUpLogIsFaultedForEveryUnknownRuleOrTestMissingFieldAndWrongRisk() {
        HazardLog log = HazardLog.parse(MADE_UP);
        assertThat(log.hazards).extracting(HazardLog.Hazard::id).containsExactly("HAZ-001", "HAZ-002");
        assertThat(log.problems(MADE_UP_RULES, MADE_UP_TESTS, Set.of("PlannedGateTest"))).containsExactlyInAnyOrder(
                "HAZ-002 line 43: unknown field [Owner]; fields are " + HazardLog.FIELDS,
                "HAZ-002: field [Causes] is missing or empty",
                "HAZ-002: field [Open actions for the deploying organisation] is missing or empty",
                "HAZ-002: [Initial risk] severity Catastrophic and likelihood Low give risk 4 on the matrix, not 3",
                "HAZ-002: [Residual risk] must start \"Severity S, likelihood L, risk N\"",
                "HAZ-002: summary risks 4/2 differ from the hazard's",
                "rule id [RF-NOPE-999] is not a rule in any rule-set version on the class path",
                "test [GoldenCaseTest#cases]: GoldenCaseTest has no test method of that name",
                "test [GoldenCaseTest#noSuchMethod]: GoldenCaseTest has no test method of that name",
                "test [NoSuchClassTest#anything]: no class NoSuchClassTest in any module's src/test/java",
                "test [NoSuchGateTest]: no class NoSuchGateTest in any module's src/test/java",
                // A pending gate may be named on its own, never with a method.
                "test [PlannedGateTest#aMethod]: no class PlannedGateTest in any module's src/test/java");
    }

    @Test
    void aSummaryThatDisagreesWithTheHazardsIsFaulted() {
        String log = MADE_UP.replace("| [HAZ-002](#haz-002-a-second-hazard) | A second hazard | 4 | 2 |\n", "")
                .replace("#haz-001-a-red-flag-is-missed", "#haz-001");
        assertThat(HazardLog.parse(log).problems(MADE_UP_RULES, MADE_UP_TESTS, Set.of()))
                .contains("the summary lists [HAZ-001] but the hazards are [HAZ-001, HAZ-002]");
        String reordered = MADE_UP.replace("#haz-001-a-red-flag-is-missed", "#haz-001");
        assertThat(HazardLog.parse(reordered).problems(MADE_UP_RULES, MADE_UP_TESTS, Set.of()))
                .contains("HAZ-001: summary link #haz-001 is not the heading's anchor #haz-001-a-red-flag-is-missed");
    }

    @Test
    void ruleIdsAreToldFromHazardIdsAndOtherCodes() {
        assertThat(HazardLog.ruleIds("RF-CES-001, SCR-MSCC-001; PRI-CAT-002 (RT-RF-001) STR-SB-001 `WL-BAND-001`"
                + " WL-VO-007 SCR-SM-004."))
                .containsExactly("RF-CES-001", "SCR-MSCC-001", "PRI-CAT-002", "RT-RF-001", "STR-SB-001", "WL-BAND-001",
                        "WL-VO-007", "SCR-SM-004");
        assertThat(HazardLog.ruleIds("HAZ-001 HAZ-015 UTF-8 ISO-8601 DCB0129 CD008686 sha256 RF-CES-0012 X-RF-001"
                + " RF-CES-001a rf-ces-001 RF-001")).isEmpty();
    }

    @Test
    void testMethodsAreFoundByTheirAnnotationNotByTheirName() {
        assertThat(HazardLog.TestIndex.testMethods("""
                class ExampleTest {
                    @Test
                    void plain() {}

                    @TestFactory
                    Stream<DynamicTest> factory() { return helper(); }

                    @Test @Timeout(5)
                    // a comment between annotation and method
                    void annotatedTwice(@TempDir Path dir) throws IOException {}

                    static Stream<DynamicTest> helper() { return Stream.empty(); }

                    @Nested
                    class Inner {
                        @ParameterizedTest
                        @ValueSource(ints = {1, 2})
                        void parameterised(int i) {}
                    }
                }
                """)).containsExactlyInAnyOrder("plain", "factory", "annotatedTwice", "parameterised");
    }
}
