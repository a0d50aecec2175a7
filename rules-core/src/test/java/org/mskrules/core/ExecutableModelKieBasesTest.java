package org.mskrules.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.RuleBaseConfiguration;
import org.drools.core.impl.InternalRuleBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Issue 20: knowledge bases are built straight from the executable model's classes instead of
 * through Drools' class-path container. On the fixture kjar (as kie-maven-plugin ships one), both as
 * a jar and unpacked into a directory: every kbase is the container's (configuration, packages,
 * rules, metadata, agenda groups, saliences, load order, network size); every fixture version loads,
 * or fails, exactly as through the container and decides the same; a kbase makes only its own
 * packages' model classes; a {@code kmodule.xml} with anything this reader does not reproduce falls
 * back to the container; a listed model class that is missing is a load error naming it.
 */
class ExecutableModelKieBasesTest {
    @TempDir
    static Path dir;
    static Path jar;
    static Path unpacked;
    /**
     * The fixture kjar in the shape kie-maven-plugin gives rules-msk: its model classes listed in
     * {@code drools-model}, without the {@code ProjectModel} class the in-memory builder adds.
     */
    static final byte[] kjar = edited(edited(Fixtures.kjar(), "org/drools/project/model/", text -> null),
            // Another release id than the in-memory module's, which Drools' repository in this JVM already holds.
            "META-INF/maven/org.default/artifact/pom.properties", text -> text.replace("version=1.0.0",
                    "version=1.0.0-shipped"));

    @BeforeAll
    static void writeTheKjar() throws IOException {
        jar = dir.resolve("fixtures.jar");
        Files.write(jar, kjar);
        unpacked = dir.resolve("fixtures");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(kjar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = unpacked.resolve(e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.write(target, in.readAllBytes());
                }
            }
        }
    }

    static ClassLoader loaderOf(Path entry) {
        try {
            return new URLClassLoader(new URL[] {entry.toUri().toURL()}, Fixtures.LOADER);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path entry(String form) {
        return form.equals("jar") ? jar : unpacked;
    }

    @ParameterizedTest
    @ValueSource(strings = {"jar", "directory"})
    void everyKbaseIsTheOneTheContainerBuilds(String form) throws Exception {
        ExecutableModelKieBases source = ExecutableModelKieBases.read(loaderOf(entry(form)));
        assertThat(source.kieBaseNames()).containsExactlyInAnyOrderElementsOf(Fixtures.container().getKieBaseNames());
        for (String name : source.kieBaseNames()) {
            assertThat(describe(source.kieBase(name))).as(name)
                    .isEqualTo(describe(Fixtures.container().getKieBase(name)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jar", "directory"})
    void everyVersionLoadsOrFailsAndDecidesAsThroughTheContainer(String form) {
        RuleSetRegistry fast = RuleSetRegistry.fromClasspath(loaderOf(entry(form)));
        RuleSetRegistry container = Fixtures.registry();
        assertThat(fast.ruleSetIds()).isEqualTo(container.ruleSetIds());
        int decided = 0;
        for (String id : container.ruleSetIds()) {
            for (String version : container.versions(id)) {
                Object expected = outcome(container, id, version);
                assertThat(outcome(fast, id, version)).as(id + " " + version).isEqualTo(expected);
                decided += expected instanceof List ? 1 : 0;
            }
        }
        assertThat(decided).as("versions that loaded and decided").isGreaterThanOrEqualTo(5);
    }

    /** The decisions of a version over readings around the fixtures' thresholds, or how it failed to load. */
    private static Object outcome(RuleSetRegistry registry, String id, String version) {
        RuleSet ruleSet;
        try {
            ruleSet = registry.ruleSet(id, version);
        } catch (RulesException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        List<String> decisions = new ArrayList<>();
        for (int value = -5; value <= 205; value += 5) {
            try {
                Evaluation evaluation = Fixtures.evaluate(ruleSet, value, LocalDate.of(2026, 11, 23));
                decisions.add(value + " -> " + evaluation.outputs() + " " + evaluation.trace().firedRules().stream()
                        .map(FiredRule::ruleId).toList());
            } catch (RulesException e) {
                decisions.add(value + " -> " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return decisions;
    }

    @Test
    void aKbaseMakesOnlyTheModelClassesOfItsOwnPackages() throws Exception {
        Set<String> requested = ConcurrentHashMap.newKeySet();
        ClassLoader recording = new URLClassLoader(new URL[] {jar.toUri().toURL()}, Fixtures.LOADER) {
            @Override
            public Class<?> loadClass(String name) throws ClassNotFoundException {
                requested.add(name);
                return super.loadClass(name);
            }
        };
        ExecutableModelKieBases source = ExecutableModelKieBases.read(recording);
        source.kieBase("kb-good");
        List<String> fixtureClasses = requested.stream().filter(n -> n.startsWith("fixture.")).sorted().toList();
        assertThat(fixtureClasses).isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("fixture.good."));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "name=\"kb-good\"|newOption=\"on\" name=\"kb-good\"|kbase attribute [newOption]",
        "name=\"kb-good\"|includes=\"kb-versions\" name=\"kb-good\"|kbase attribute [includes]",
        "name=\"kb-good\"|xmlns:x=\"urn:other\" x:flag=\"on\" name=\"kb-good\"|kbase attribute [x:flag]",
        "packages=\"fixture.good\"|packages=\"fixture.*\"|wildcard package [fixture.*]",
        "packages=\"fixture.good\"/>|packages=\"fixture.good\"><ruleTemplate dtable=\"t.xls\" template=\"t.drt\" row=\"2\" col=\"1\"/></kbase>|<ruleTemplate>"})
    void aKmoduleWithAnythingTheReaderDoesNotReproduceIsLeftToTheContainer(String find, String replacement,
            String named) throws IOException {
        Path edited = jarWith("META-INF/kmodule.xml", xml -> xml.replaceFirst(Pattern.quote(find),
                Matcher.quoteReplacement(replacement)));
        assertThatThrownBy(() -> ExecutableModelKieBases.read(loaderOf(edited)))
                .isInstanceOf(ExecutableModelKieBases.Unsupported.class)
                .hasMessageContaining(named);
    }

    @Test
    void aModuleConfigurationIsLeftToTheContainer() throws IOException {
        Path edited = jarWith("META-INF/kmodule.xml", xml -> xml.replaceFirst("(<kmodule[^>]*>)",
                "$1<configuration><property key=\"drools.dialect.default\" value=\"java\"/></configuration>"));
        assertThatThrownBy(() -> ExecutableModelKieBases.read(loaderOf(edited)))
                .isInstanceOf(ExecutableModelKieBases.Unsupported.class)
                .hasMessageContaining("<configuration>");
        assertThat(RuleSetRegistry.kieBases(loaderOf(edited))).isNotInstanceOf(ExecutableModelKieBases.class);
        assertThat(RuleSetRegistry.kieBases(loaderOf(jar))).isInstanceOf(ExecutableModelKieBases.class);
    }

    @Test
    void aListedModelClassThatIsMissingIsALoadErrorNamingIt() throws IOException {
        Path edited = jarWith(modelListing(), listing -> listing.replaceAll("fixture\\.good\\.Rules\\w+",
                "fixture.good.RulesMissing"));
        RuleSetRegistry registry = RuleSetRegistry.fromClasspath(loaderOf(edited));
        assertThatThrownBy(() -> registry.ruleSet("fixture-good", "1.2.0"))
                .isInstanceOf(RuleSetLoadException.class)
                .hasMessageContaining("kbase [kb-good] does not build")
                .hasMessageContaining("[fixture.good.RulesMissing]");
    }

    @Test
    void aKjarWithoutItsModelListingIsLeftToTheContainer() throws IOException {
        Path edited = jarWith(modelListing(), listing -> null);
        assertThatThrownBy(() -> ExecutableModelKieBases.read(loaderOf(edited)))
                .isInstanceOf(ExecutableModelKieBases.Unsupported.class)
                .hasMessageContaining("no executable model");
    }

    /** The path of the kjar's drools-model listing. */
    private static String modelListing() throws IOException {
        try (Stream<Path> files = Files.walk(unpacked.resolve("META-INF/kie"))) {
            return unpacked.relativize(files.filter(p -> p.getFileName().toString().equals("drools-model"))
                    .findFirst().orElseThrow()).toString().replace('\\', '/');
        }
    }

    /** A copy of the fixture kjar with one text entry edited ({@code edit} returns null to leave it out). */
    private static Path jarWith(String entry, UnaryOperator<String> edit) throws IOException {
        Path path = Files.createTempFile(dir, "edited", ".jar");
        Files.write(path, edited(kjar, entry, edit));
        return path;
    }

    /**
     * {@code zip} with the entries whose name starts with {@code prefix} edited as text by
     * {@code edit} (left out where it returns null); there must be one, and the edit must change it.
     */
    private static byte[] edited(byte[] zip, String prefix, UnaryOperator<String> edit) {
        ByteArrayOutputStream bytesOut = new ByteArrayOutputStream();
        int found = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(bytesOut)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().startsWith(prefix) && !e.isDirectory()) {
                    found++;
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    String changed = edit.apply(text);
                    assertThat(changed).as("the edit changes " + e.getName()).isNotEqualTo(text);
                    if (changed == null) {
                        continue;
                    }
                    bytes = changed.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(found).as(prefix + " is in the kjar").isPositive();
        return bytesOut.toByteArray();
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
            d.put("package " + pkg.getName(), Collections.unmodifiableList(described));
        }
        return d;
    }
}
