package org.mskrules.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The content hash covers a version's manifest as well as its files, and a released version is refused once either changes. */
class ContentHashTest {
    static final String DRL = "fixture/versions/rules.drl";
    static final String OTHER = "fixture/good/rules.drl";
    static final String MANIFEST_2_0_0 = "fixture/versions/rule-set-2.0.0.json";

    static final RuleSetManifest BASE = new RuleSetManifest("fixture-x", "1.0.0", "kb-x", RuleSetManifest.Status.WORKING,
            LocalDate.of(2026, 1, 1), "Description", List.of(DRL, OTHER), List.of("id", "source"), null, null);

    private static String hash(RuleSetManifest m) {
        return RuleSetLoader.contentHash(m, Fixtures.LOADER);
    }

    private static RuleSetManifest with(String ruleSetId, String version, String kbase, LocalDate effectiveFrom,
            String description, List<String> files, List<String> required, String parameterDefaults) {
        return new RuleSetManifest(ruleSetId, version, kbase, RuleSetManifest.Status.WORKING, effectiveFrom, description,
                files, required, parameterDefaults, null);
    }

    @Test
    void everyManifestFieldButStatusAndTheRecordedHashChangesTheHash() {
        String base = hash(BASE);
        List<RuleSetManifest> changed = List.of(
                with("fixture-y", "1.0.0", "kb-x", LocalDate.of(2026, 1, 1), "Description", List.of(DRL, OTHER), List.of("id", "source"), null),
                with("fixture-x", "1.0.1", "kb-x", LocalDate.of(2026, 1, 1), "Description", List.of(DRL, OTHER), List.of("id", "source"), null),
                with("fixture-x", "1.0.0", "kb-y", LocalDate.of(2026, 1, 1), "Description", List.of(DRL, OTHER), List.of("id", "source"), null),
                with("fixture-x", "1.0.0", "kb-x", LocalDate.of(2026, 1, 2), "Description", List.of(DRL, OTHER), List.of("id", "source"), null),
                with("fixture-x", "1.0.0", "kb-x", null, "Description", List.of(DRL, OTHER), List.of("id", "source"), null),
                with("fixture-x", "1.0.0", "kb-x", LocalDate.of(2026, 1, 1), "Description.", List.of(DRL, OTHER), List.of("id", "source"), null),
                with("fixture-x", "1.0.0", "kb-x", LocalDate.of(2026, 1, 1), "", List.of(DRL, OTHER), List.of("id", "source"), null),
                with("fixture-x", "1.0.0", "kb-x", LocalDate.of(2026, 1, 1), null, List.of(DRL, OTHER), List.of("id", "source"), null),
                with("fixture-x", "1.0.0", "kb-x", LocalDate.of(2026, 1, 1), "Description", List.of(DRL), List.of("id", "source"), null),
                with("fixture-x", "1.0.0", "kb-x", LocalDate.of(2026, 1, 1), "Description", List.of(DRL, OTHER), List.of("id"), null),
                with("fixture-x", "1.0.0", "kb-x", LocalDate.of(2026, 1, 1), "Description", List.of(DRL, OTHER), List.of("id", "source", "level"), null),
                with("fixture-x", "1.0.0", "kb-x", LocalDate.of(2026, 1, 1), "Description", List.of(DRL, OTHER), List.of("id", "source"), OTHER));
        List<String> hashes = changed.stream().map(ContentHashTest::hash).toList();
        assertThat(hashes).doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void theStatusTheRecordedHashAndTheOrderOfTheFilesDoNotChangeTheHash() {
        // Releasing a version (status, recorded hash) must not change the hash it records.
        String base = hash(BASE);
        RuleSetManifest released = new RuleSetManifest("fixture-x", "1.0.0", "kb-x", RuleSetManifest.Status.RELEASED,
                LocalDate.of(2026, 1, 1), "Description", List.of(OTHER, DRL), List.of("id", "source"), null, base);
        assertThat(hash(released)).isEqualTo(base);
    }

    @Test
    void twoVersionsWithTheSameFilesHaveDifferentHashes() {
        assertThat(Fixtures.registry().ruleSet("fixture-good", "1.2.0").contentHash())
                .isNotEqualTo(Fixtures.registry().ruleSet("fixture-good", "1.10.0").contentHash());
    }

    @Test
    void eachReleasedFixtureLoadsWithTheHashItRecords() {
        RuleSetRegistry registry = Fixtures.registry();
        for (RuleSetManifest m : registry.released("fixture-versions")) {
            assertThat(registry.ruleSet(m.ruleSetId(), m.version()).contentHash()).isEqualTo(m.contentHash());
        }
    }

    @Test
    void aReleasedVersionWhoseRuleFileChangedIsRefused() {
        String edited = Fixtures.read(DRL).replace("value > 20", "value > 25");
        RuleSetRegistry registry = Fixtures.registryWith(Map.of(DRL, edited));
        assertThatThrownBy(() -> registry.ruleSet("fixture-versions", "2.0.0"))
                .isInstanceOf(RuleSetLoadException.class)
                .hasMessageContaining("rule set [fixture-versions:2.0.0] cannot be loaded")
                .hasMessageContaining("but the manifest records [sha256:7756c618")
                .hasMessageContaining("a released version is immutable: make a new version instead");
        // A working version records no hash: the change is reported in its traces, not refused.
        assertThatCode(() -> registry.ruleSet("fixture-versions", "3.0.0")).doesNotThrowAnyException();
    }

    @Test
    void aReleasedVersionWhoseManifestChangedIsRefused() {
        String manifest = Fixtures.read(MANIFEST_2_0_0);
        for (String edited : List.of(
                manifest.replace("\"2026-04-01\"", "\"2026-01-01\""),
                manifest.replace("[\"id\", \"source\"]", "[\"id\"]"),
                manifest.replace("Latest released version", "Latest released version, corrected"))) {
            assertThat(edited).isNotEqualTo(manifest);
            RuleSetRegistry registry = Fixtures.registryWith(Map.of(MANIFEST_2_0_0, edited));
            assertThatThrownBy(() -> registry.ruleSet("fixture-versions", "2.0.0"))
                    .isInstanceOf(RuleSetLoadException.class)
                    .hasMessageContaining("a released version's files or manifest have changed");
        }
    }

    @Test
    void windowsLineEndingsHashTheSameAsUnixOnes() {
        String crlf = Fixtures.read(DRL).replace("\n", "\r\n");
        RuleSetRegistry registry = Fixtures.registryWith(Map.of(DRL, crlf));
        assertThat(registry.ruleSet("fixture-versions", "2.0.0").contentHash())
                .isEqualTo(Fixtures.registry().ruleSet("fixture-versions", "2.0.0").contentHash());
    }
}
