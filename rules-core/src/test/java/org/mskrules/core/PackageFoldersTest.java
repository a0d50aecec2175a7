package org.mskrules.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;

/**
 * The content hash covers only the files a manifest lists, but a kbase takes every DRL file in its
 * packages' folders; so the two must be the same set of DRL files, or a version's rules could change
 * without its hash changing.
 */
class PackageFoldersTest {
    static final String GOOD = "fixture/good/rules.drl";
    static final String VERSIONS = "fixture/versions/rules.drl";
    static final String NOT_HASHED = "but not listed in the manifest, so not covered by the content hash";

    private static RuleSetManifest manifest(String kbase, String... files) {
        return new RuleSetManifest("fixture-x", "1.0.0", kbase, RuleSetManifest.Status.WORKING, null, "d",
                List.of(files), null, null, null);
    }

    private static KieBase kbase(String name) {
        return Fixtures.container().getKieBase(name);
    }

    @Test
    void aDrlFileInAPackageFolderThatTheManifestDoesNotListIsRefused() {
        assertThatThrownBy(() -> Fixtures.registry().ruleSet("fixture-unlisted", "1.0.0"))
                .isInstanceOfSatisfying(RuleSetLoadException.class, e -> assertThat(e.problems()).containsExactly(
                        "DRL file [fixture/unlisted/zz-extra.drl] is in package [fixture.unlisted] of kbase"
                                + " [kb-unlisted] " + NOT_HASHED))
                .hasMessageStartingWith("rule set [fixture-unlisted:1.0.0] cannot be loaded");
    }

    @Test
    void everyFixtureFolderHoldsExactlyTheDrlFilesItsManifestsList() {
        RuleSetRegistry registry = Fixtures.registry();
        int checked = 0;
        for (String id : registry.ruleSetIds()) {
            if (id.equals("fixture-unlisted") || id.equals("fixture-missingfile")) {
                continue;
            }
            for (String version : registry.versions(id)) {
                RuleSetManifest m = registry.manifest(id, version);
                assertThatCode(() -> RuleSetLoader.checkPackageFolders(m, kbase(m.kbase()), Fixtures.LOADER))
                        .as(m.coordinates()).doesNotThrowAnyException();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(12);
        // Several manifests sharing one folder and its rules.drl is fine.
        assertThat(registry.ruleSet("fixture-versions", "2.0.0").rules()).isNotEmpty();
        assertThat(registry.ruleSet("fixture-good", "1.10.0").rules()).isNotEmpty();
    }

    @Test
    void aPackageAddedToTheKbaseOutsideTheManifestIsRefused() {
        assertThatThrownBy(() -> RuleSetLoader.checkPackageFolders(manifest(Fixtures.TWO_PACKAGES, GOOD),
                kbase(Fixtures.TWO_PACKAGES), Fixtures.LOADER))
                .isInstanceOfSatisfying(RuleSetLoadException.class, e -> assertThat(e.problems()).containsExactly(
                        "DRL file [fixture/versions/rules.drl] is in package [fixture.versions] of kbase ["
                                + Fixtures.TWO_PACKAGES + "] " + NOT_HASHED,
                        "package [fixture.versions] of kbase [" + Fixtures.TWO_PACKAGES + "] holds 2 rule(s) but its"
                                + " folder [fixture/versions] holds no DRL file listed in the manifest, so they are"
                                + " not covered by the content hash"));
        assertThatCode(() -> RuleSetLoader.checkPackageFolders(manifest(Fixtures.TWO_PACKAGES, GOOD, VERSIONS),
                kbase(Fixtures.TWO_PACKAGES), Fixtures.LOADER)).doesNotThrowAnyException();
    }

    @Test
    void aListedDrlFileOutsideTheKbasesPackagesIsRefused() {
        assertThatThrownBy(() -> RuleSetLoader.checkPackageFolders(manifest("kb-good", GOOD, VERSIONS), kbase("kb-good"),
                Fixtures.LOADER))
                .isInstanceOfSatisfying(RuleSetLoadException.class, e -> assertThat(e.problems()).singleElement()
                        .asString()
                        // The executable model adds packages for the fact types (org.mskrules.core) too.
                        .startsWith("DRL file [fixture/versions/rules.drl] is listed but not in the kbase's packages"
                                + " [fixture.good, ")
                        .doesNotContain("fixture.versions"));
    }

    @Test
    void aManifestListingAnotherPackagesFileInsteadOfItsOwnIsRefusedOnEveryCount() {
        assertThatThrownBy(() -> RuleSetLoader.checkPackageFolders(manifest("kb-good", VERSIONS), kbase("kb-good"),
                Fixtures.LOADER))
                .isInstanceOfSatisfying(RuleSetLoadException.class, e -> assertThat(e.problems()).hasSize(3)
                        .anySatisfy(p -> assertThat(p).contains("[fixture/good/rules.drl]").contains(NOT_HASHED))
                        .anySatisfy(p -> assertThat(p).contains("[fixture/versions/rules.drl] is listed but not"))
                        .anySatisfy(p -> assertThat(p).contains("package [fixture.good]")
                                .contains("holds no DRL file listed in the manifest")));
    }

    @Test
    void anUnlistedDrlFileInAJarOnTheClassPathIsRefused(@TempDir Path dir) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("fixture/", null);
        entries.put("fixture/good/", null);
        entries.put("fixture/good/zz-extra.drl", "package fixture.good;\n");
        try (URLClassLoader loader = withJar(dir.resolve("extra.jar"), entries)) {
            assertThatThrownBy(() -> RuleSetRegistry.of(loader, Fixtures.container()).ruleSet("fixture-good", "1.2.0"))
                    .isInstanceOfSatisfying(RuleSetLoadException.class, e -> assertThat(e.problems()).containsExactly(
                            "DRL file [fixture/good/zz-extra.drl] is in package [fixture.good] of kbase [kb-good] "
                                    + NOT_HASHED));
        }
    }

    @Test
    void aJarWithoutDirectoryEntriesIsSearchedThroughTheListedFilesItHolds(@TempDir Path dir) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(GOOD, Fixtures.read(GOOD));
        entries.put("fixture/good/zz-extra.drl", "package fixture.good;\n");
        try (URLClassLoader loader = withJar(dir.resolve("nodirs.jar"), entries)) {
            assertThat(loader.findResource("fixture/good")).as("no directory entry").isNull();
            assertThatThrownBy(() -> RuleSetLoader.checkPackageFolders(manifest("kb-good", GOOD), kbase("kb-good"), loader))
                    .isInstanceOf(RuleSetLoadException.class)
                    .hasMessageContaining("DRL file [fixture/good/zz-extra.drl] is in package [fixture.good]");
        }
    }

    @Test
    void onlyDrlFilesDirectlyInThePackageFolderCount(@TempDir Path dir) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("fixture/", null);
        entries.put("fixture/good/", null);
        entries.put(GOOD, Fixtures.read(GOOD));
        entries.put("fixture/good/notes.txt", "not a rule file");
        entries.put("fixture/good/sub/", null);
        entries.put("fixture/good/sub/other.drl", "package fixture.good.sub;\n");
        try (URLClassLoader loader = withJar(dir.resolve("same.jar"), entries)) {
            RuleSet rs = RuleSetRegistry.of(loader, Fixtures.container()).ruleSet("fixture-good", "1.2.0");
            assertThat(Fixtures.evaluate(rs, 11, LocalDate.of(2026, 1, 1)).trace().firedRuleIds())
                    .containsExactlyInAnyOrder("T-001", "T-002");
        }
        assertThat(Set.copyOf(Fixtures.drlFiles("fixture/unlisted")))
                .containsExactlyInAnyOrder("fixture/unlisted/rules.drl", "fixture/unlisted/zz-extra.drl");
    }

    /** A class loader over the fixtures with one more jar; an entry whose text is null is a directory. */
    private static URLClassLoader withJar(Path jar, Map<String, String> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                if (e.getValue() != null) {
                    out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, Fixtures.LOADER);
    }
}
