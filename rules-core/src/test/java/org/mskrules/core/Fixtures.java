package org.mskrules.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.runtime.KieContainer;

/**
 * The fixture rule sets under {@code src/test/resources/fixture}, compiled once to the executable
 * model (one kbase {@code kb-NAME} per folder) and shared by the test classes.
 */
final class Fixtures {
    static final List<String> FOLDERS = List.of("good", "nosource", "dupid", "badname", "released", "versions", "catalogue");
    static final ClassLoader LOADER = Fixtures.class.getClassLoader();

    private static KieContainer container;
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
                String path = "fixture/" + name + "/rules.drl";
                kfs.write("src/main/resources/" + path, read(path));
            }
            kfs.writeKModuleXML(module.toXML());
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
            container = ks.newKieContainer(builder.getKieModule().getReleaseId());
        }
        return container;
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
