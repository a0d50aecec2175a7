package org.mskrules.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleSetRegistryTest {
    static RuleSetRegistry registry;

    @BeforeAll
    static void buildFixtures() {
        registry = Fixtures.registry();
    }

    private static Evaluation evaluate(RuleSet ruleSet, int value, LocalDate asOf) {
        return Fixtures.evaluate(ruleSet, value, asOf);
    }

    @Nested
    class Loading {
        @Test
        void listsVersionsInSemanticOrder() {
            assertThat(registry.versions("fixture-good")).containsExactly("1.2.0", "1.10.0");
            assertThat(registry.latest("fixture-good").version()).isEqualTo("1.10.0");
        }

        @Test
        void anUnknownVersionNamesTheKnownOnes() {
            assertThatThrownBy(() -> registry.ruleSet("fixture-good", "9.9.9"))
                    .isInstanceOf(UnknownRuleSetVersionException.class)
                    .hasMessage("unknown rule set version [fixture-good:9.9.9]; known: [1.2.0, 1.10.0]");
        }

        @Test
        void anUnknownRuleSetIdHasNoKnownVersions() {
            assertThatThrownBy(() -> registry.ruleSet("no-such-set", "1.0.0"))
                    .isInstanceOfSatisfying(UnknownRuleSetVersionException.class,
                            e -> assertThat(e.knownVersions()).isEmpty());
        }

        @Test
        void aRuleWithoutASourceOrWithABlankOneIsRefusedWithBothProblemsNamed() {
            assertThatThrownBy(() -> registry.ruleSet("fixture-nosource", "1.2.0"))
                    .isInstanceOfSatisfying(InvalidRuleMetadataException.class, e -> assertThat(e.problems())
                            .hasSize(2)
                            .anySatisfy(p -> assertThat(p).contains("T-010").contains("has no @source"))
                            .anySatisfy(p -> assertThat(p).contains("T-011").contains("has no @source")));
        }

        @Test
        void aRuleWhoseNameDoesNotStartWithItsIdIsRefused() {
            // Rule names start with the id and a space, so that a trace, a log line and the DRL agree.
            assertThatThrownBy(() -> registry.ruleSet("fixture-badname", "1.2.0"))
                    .isInstanceOfSatisfying(InvalidRuleMetadataException.class, e -> assertThat(e.problems())
                            .hasSize(2)
                            .anySatisfy(p -> assertThat(p).contains("High reading named without its id")
                                    .contains("does not start with its id [T-030]"))
                            .anySatisfy(p -> assertThat(p).contains("T-031X").contains("[T-031]")));
        }

        @Test
        void aDuplicateRuleIdIsRefused() {
            assertThatThrownBy(() -> registry.ruleSet("fixture-dupid", "1.2.0"))
                    .isInstanceOf(InvalidRuleMetadataException.class)
                    .hasMessageContaining("rule id [T-020] is used by both");
        }

        @Test
        void aReleasedVersionWhoseContentChangedIsRefused() {
            assertThatThrownBy(() -> registry.ruleSet("fixture-released", "1.0.0"))
                    .isInstanceOf(RuleSetLoadException.class)
                    .hasMessageContaining("a released version's files or manifest have changed")
                    .hasMessageContaining("a released version is immutable: make a new version instead");
        }

        @Test
        void aManifestNamingAMissingFileIsRefused() {
            assertThatThrownBy(() -> registry.ruleSet("fixture-missingfile", "1.0.0"))
                    .isInstanceOf(RuleSetLoadException.class)
                    .hasMessageContaining("[fixture/missingfile/absent.drl] named in the manifest is not on the class path");
        }

        @Test
        void aManifestWithoutFilesIsInvalid() {
            assertThatThrownBy(() -> new RuleSetManifest("x", "1.0.0", "kb", RuleSetManifest.Status.WORKING,
                    null, "d", List.of(), null, null, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lists no files");
        }

        @Test
        void parameterDefaultsMustBeHashed() {
            assertThatThrownBy(() -> new RuleSetManifest("x", "1.0.0", "kb", RuleSetManifest.Status.WORKING,
                    null, "d", List.of("a.drl"), null, "p.json", null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be listed in files");
        }
    }

    @Nested
    class Evaluating {
        @Test
        void returnsOutputsAndATraceWithMetadataVersionHashAndDate() {
            RuleSet rs = registry.ruleSet("fixture-good", "1.2.0");
            Evaluation e = evaluate(rs, 11, LocalDate.of(2026, 11, 23));
            assertThat(e.outputs(Alert.class)).extracting(Alert::ruleId).containsExactly("T-001", "T-002");
            Trace t = e.trace();
            assertThat(t.ruleSetId()).isEqualTo("fixture-good");
            assertThat(t.version()).isEqualTo("1.2.0");
            assertThat(t.asOf()).isEqualTo(LocalDate.of(2026, 11, 23));
            assertThat(t.contentHash()).matches("sha256:[0-9a-f]{64}");
            assertThat(t.firedRuleIds()).containsExactlyInAnyOrder("T-001", "T-002");
            assertThat(t.firedRules()).extracting(FiredRule::sequence).containsExactly(1, 2);
            assertThat(t.firedRules()).allSatisfy(f -> assertThat(f.rule().meta("source")).startsWith("Test source"));
        }

        @Test
        void rulesReadTheEvaluationDateNotTheClock() {
            RuleSet rs = registry.ruleSet("fixture-good", "1.2.0");
            assertThat(evaluate(rs, 5, LocalDate.of(2025, 12, 31)).trace().firedRuleIds()).isEmpty();
            assertThat(evaluate(rs, 5, LocalDate.of(2026, 1, 1)).trace().firedRuleIds()).containsExactly("T-002");
        }

        @Test
        void theSameVersionIsLoadedOnce() {
            RuleSet a = registry.ruleSet("fixture-good", "1.2.0");
            assertThat(registry.ruleSet("fixture-good", "1.2.0")).isSameAs(a);
        }

        @Test
        void eachEvaluationStartsEmptyThoughSessionsAreReused() {
            RuleSet rs = registry.ruleSet("fixture-good", "1.2.0");
            LocalDate asOf = LocalDate.of(2026, 11, 23);
            Evaluation high = evaluate(rs, 11, asOf);
            Evaluation low = evaluate(rs, 5, asOf);
            for (int i = 0; i < 50; i++) {
                // Nothing of the previous evaluation (facts, matches, trace listener) is left in the next.
                assertThat(evaluate(rs, 11, asOf)).isEqualTo(high);
                assertThat(evaluate(rs, 5, asOf)).isEqualTo(low);
            }
            assertThat(high.trace().firedRuleIds()).containsExactlyInAnyOrder("T-001", "T-002");
            assertThat(low.trace().firedRuleIds()).containsExactly("T-002");
            assertThat(low.outputs(Alert.class)).extracting(Alert::ruleId).containsExactly("T-002");
        }

        @Test
        void anEvaluationThatFailsMidwayLeavesNothingBehindForTheNext() {
            RuleSet rs = registry.ruleSet("fixture-failing", "1.0.0");
            LocalDate asOf = LocalDate.of(2026, 11, 23);
            Evaluation before = evaluate(rs, 5, asOf);
            for (int i = 0; i < 20; i++) {
                assertThatThrownBy(() -> evaluate(rs, 13, asOf)).isInstanceOf(RulesException.class)
                        .hasMessage("evaluation of rule set [fixture-failing:1.0.0] failed")
                        .hasRootCauseMessage("thirteen");
                Evaluation after = evaluate(rs, 5, asOf);
                assertThat(after).isEqualTo(before);
                assertThat(after.trace().firedRules()).extracting(FiredRule::sequence).containsExactly(1);
            }
            assertThat(before.outputs(Alert.class)).extracting(Alert::ruleId).containsExactly("F-001");
        }

        @Test
        void concurrentEvaluationsGiveTheSameResultsAsSequentialOnes() throws Exception {
            RuleSet rs = registry.ruleSet("fixture-good", "1.2.0");
            LocalDate asOf = LocalDate.of(2026, 11, 23);
            List<Callable<Evaluation>> work = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int value = i % 20;
                work.add(() -> evaluate(rs, value, asOf));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Evaluation>> results = pool.invokeAll(work);
                for (int i = 0; i < results.size(); i++) {
                    assertThat(results.get(i).get()).isEqualTo(evaluate(rs, i % 20, asOf));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
