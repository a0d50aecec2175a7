package org.mskrules.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.mskrules.core.io.Json;
import org.mskrules.core.RuleSetRegistry;

/** Test class paths with rule-set versions added: working copies of real versions, for the tests that need one. */
final class ExtraRuleSets {
    private ExtraRuleSets() {
    }

    /**
     * The test class path, plus the resources {@code served} (path to text) and an extra
     * {@code META-INF/rule-sets.json}, written in {@code dir}, that lists the manifests {@code manifests}
     * (paths among {@code served}).
     */
    static ClassLoader classPathWith(Path dir, Map<String, String> served, List<String> manifests) throws IOException {
        Files.createDirectories(dir);
        Path index = dir.resolve("rule-sets.json");
        Files.writeString(index, Json.writeValueAsString(Map.of("manifests", manifests)));
        URL indexUrl = index.toUri().toURL();
        Map<String, String> resources = Map.copyOf(served);
        return new ClassLoader(ExtraRuleSets.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                List<URL> urls = Collections.list(super.getResources(name));
                if (name.equals(RuleSetRegistry.INDEX)) {
                    urls.add(indexUrl);
                }
                return Collections.enumeration(urls);
            }

            @Override
            public InputStream getResourceAsStream(String name) {
                String text = resources.get(name);
                return text == null ? super.getResourceAsStream(name)
                        : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
