package org.mskrules.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.runtime.KieContainer;

/**
 * The fixture rule sets under {@code src/test/resources/fixture/}, compiled once to the executable
 * model (as the kjar build does) and shared by every test class, since compiling takes seconds.
 */
final class Fixtures {
    /** Fixtures with a DRL file; each becomes kbase {@code kb-<name>} with package {@code fixture.<name>}. */
    static final List<String> NAMES = List.of("good", "nosource", "dupid", "badname", "released", "catalogue");
    private static RuleSetRegistry registry;

    private Fixtures() {
    }

    static synchronized RuleSetRegistry registry() {
        if (registry == null) {
            registry = RuleSetRegistry.of(Fixtures.class.getClassLoader(), build());
        }
        return registry;
    }

    private static KieContainer build() {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        KieModuleModel module = ks.newKieModuleModel();
        for (String name : NAMES) {
            module.newKieBaseModel("kb-" + name).addPackage("fixture." + name);
            String path = "fixture/" + name + "/rules.drl";
            try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
                kfs.write("src/main/resources/" + path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        kfs.writeKModuleXML(module.toXML());
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
        return ks.newKieContainer(builder.getKieModule().getReleaseId());
    }
}
