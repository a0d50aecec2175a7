package org.mskrules.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.DeclarativeAgendaOption;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.runtime.KieContainer;

/**
 * The fixture rule sets under {@code src/test/resources/fixture}, compiled once to the executable
 * model (one kbase {@code kb-NAME} per folder, package {@code fixture.NAME}, holding every DRL file of
 * the folder as a kmodule.xml package would) and shared by the test classes. One more kbase,
 * {@link #TWO_PACKAGES}, takes the packages of two folders.
 */
final class Fixtures {
    static final List<String> FOLDERS = List.of("good", "nosource", "dupid", "badname", "released", "versions", "catalogue",
            "unlisted", "failing",
            "bysalience", "staged", "restaged");
    /** A kbase of packages {@code fixture.good} and {@code fixture.versions}. */
    static final String TWO_PACKAGES = "kb-good-and-versions";
    /** Package {@code fixture.good} with every kbase option that kmodule.xml sets away from its default. */
    static final String OPTIONS = "kb-good-options";
    static final ClassLoader LOADER = Fixtures.class.getClassLoader();

    private static KieContainer container;
    private static byte[] kjar;
    private static RuleSetRegistry registry;

    private Fixtures() {
    }

    static synchronized KieContainer container() {
        if (container == null) {
            KieServices ks = KieServices.get();
            KieFileSystem kfs = ks.newKieFileSystem();
            KieModuleModel module = ks.newKieModuleModel();
            for (String name : FOLDERS) {
                module.newKieBaseModel("kb-" + name).addPackage("fixture." + name);
                for (String path : drlFiles("fixture/" + name)) {
                    kfs.write("src/main/resources/" + path, read(path));
                }
            }
            module.newKieBaseModel(TWO_PACKAGES).addPackage("fixture.good").addPackage("fixture.versions");
            // Every kbase option away from its default, so that building a kbase another way is compared on each.
            module.newKieBaseModel(OPTIONS).addPackage("fixture.good")
                    .setEqualsBehavior(EqualityBehaviorOption.EQUALITY)
                    .setEventProcessingMode(EventProcessingOption.STREAM)
                    .setDeclarativeAgenda(DeclarativeAgendaOption.ENABLED)
                    .setMutability(KieBaseMutabilityOption.DISABLED);
            kfs.writeKModuleXML(module.toXML());
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
            container = ks.newKieContainer(builder.getKieModule().getReleaseId());
            kjar = ((InternalKieModule) builder.getKieModule()).getBytes();
        }
        return container;
    }

    /**
     * The same compiled fixtures as a kjar, as kie-maven-plugin ships one: {@code kmodule.xml}, the
     * generated model classes and their {@code drools-model} listing (and the DRL files).
     */
    static synchronized byte[] kjar() {
        container();
        return kjar.clone();
    }

    /** The fixtures as they are on the class path. */
    static synchronized RuleSetRegistry registry() {
        if (registry == null) {
            registry = RuleSetRegistry.of(LOADER, container());
        }
        return registry;
    }

    /**
     * The same compiled kbases, but with the class-path resources in {@code replaced} (path to text)
     * served instead of the real ones: a file or manifest edited after its version was released.
     */
    static RuleSetRegistry registryWith(Map<String, String> replaced) {
        ClassLoader tampered = new ClassLoader(LOADER) {
            @Override
            public InputStream getResourceAsStream(String name) {
                String text = replaced.get(name);
                return text == null ? super.getResourceAsStream(name)
                        : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };
        return RuleSetRegistry.of(tampered, container());
    }

    /**
     * Class-path paths of the DRL files directly in a fixture folder: a directory under test-classes,
     * or a folder of rules-core's test jar when another module's tests use the fixtures.
     */
    static List<String> drlFiles(String folder) {
        try {
            URI uri = LOADER.getResource(folder).toURI();
            if (!"jar".equals(uri.getScheme())) {
                return drlFiles(folder, Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return drlFiles(folder, jar.provider().getPath(uri));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> drlFiles(String folder, Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> folder + "/" + f.getFileName().toString().replace("/", ""))
                    .filter(p -> p.endsWith(".drl")).sorted().toList();
        }
    }

    static String read(String path) {
        try (InputStream in = LOADER.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One evaluation of a {@link Reading}, returning the {@link Alert}s in rule-id order. */
    static Evaluation evaluate(RuleSet ruleSet, int value, LocalDate asOf) {
        return ruleSet.evaluate(List.of(new Reading(value)), asOf, o -> o instanceof Alert,
                Comparator.comparing(o -> ((Alert) o).ruleId()));
    }
}
