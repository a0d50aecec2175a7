package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every published module names its own {@code Automatic-Module-Name}: a module that forgets its
 * {@code module.name} property inherits the parent's placeholder, and two jars with one name cannot
 * sit on a host's module path together.
 */
class AutomaticModuleNamesTest {
    private static final Path ROOT = RepoPaths.root();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    @Test
    void everyPublishedJarModuleDeclaresItsOwnStableName() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        assertThat(property(parent, "module.name")).isEqualTo("org.mskrules.unnamed");
        Map<String, String> names = new HashMap<>();
        List<String> published = new ArrayList<>();
        Matcher m = MODULE.matcher(parent);
        while (m.find()) {
            String module = m.group(1).trim();
            String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
            if (pom.contains("<packaging>pom</packaging>") || "true".equals(property(pom, "maven.deploy.skip"))) {
                continue;
            }
            published.add(module);
            String name = property(pom, "module.name");
            assertThat(name).as("module.name of %s", module).isNotNull().startsWith("org.mskrules.")
                    .isNotEqualTo("org.mskrules.unnamed");
            assertThat(names.put(name, module)).as("%s shares its module name with another module", module).isNull();
        }
        assertThat(published).contains("rules-core", "rules-msk", "rules-reports", "rules-micrometer", "rules-cli");
    }

    private static String property(String pom, String name) {
        int props = pom.indexOf("<properties>");
        if (props < 0) {
            return null;
        }
        String section = pom.substring(props, pom.indexOf("</properties>", props));
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">").matcher(section);
        return m.find() ? m.group(1).trim() : null;
    }
}
