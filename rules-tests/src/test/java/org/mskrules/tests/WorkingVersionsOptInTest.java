package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mskrules.core.io.Json;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.core.RuleSetRegistry;

/**
 * Issue 20, hazard HAZ-004, ADR 0012: the release artifact {@code rules-msk} indexes only RELEASED
 * versions, the opt-in artifact {@code rules-msk-working} only WORKING ones, and between them every
 * kbase of the kjar is indexed exactly once, so that a new working version cannot slip into the
 * release index nor be left out of both.
 */
class WorkingVersionsOptInTest {

    record Index(URL url, List<RuleSetManifest> manifests) {
    }

    static List<Index> indexes() throws IOException {
        ClassLoader loader = WorkingVersionsOptInTest.class.getClassLoader();
        List<Index> indexes = new ArrayList<>();
        for (URL url : Collections.list(loader.getResources(RuleSetRegistry.INDEX))) {
            List<RuleSetManifest> manifests = new ArrayList<>();
            try (InputStream in = url.openStream()) {
                for (JsonNode path : Json.readTree(in).get("manifests")) {
                    try (InputStream m = loader.getResourceAsStream(path.asText())) {
                        manifests.add(Json.readValue(m, RuleSetManifest.class));
                    }
                }
            }
            indexes.add(new Index(url, manifests));
        }
        return indexes;
    }

    @Test
    void theReleaseIndexHoldsOnlyReleasedVersionsAndTheOptInIndexOnlyWorkingOnes() throws IOException {
        List<Index> indexes = indexes();
        assertThat(indexes).hasSize(2);
        for (Index index : indexes) {
            boolean optIn = index.url().toString().contains("rules-msk-working");
            assertThat(index.manifests()).as("%s", index.url()).isNotEmpty().allSatisfy(m -> assertThat(m.status())
                    .as("%s in %s", m.coordinates(), index.url())
                    .isEqualTo(optIn ? RuleSetManifest.Status.WORKING : RuleSetManifest.Status.RELEASED));
        }
    }

    @Test
    void everyKbaseOfTheKjarIsIndexedExactlyOnce() throws IOException {
        String kmodule;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/kmodule.xml")) {
            kmodule = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Set<String> kbases = new HashSet<>();
        Matcher m = Pattern.compile("<kbase name=\"([^\"]+)\"").matcher(kmodule);
        while (m.find()) {
            kbases.add(m.group(1));
        }
        List<String> indexed = indexes().stream().flatMap(i -> i.manifests().stream()).map(RuleSetManifest::kbase).toList();
        assertThat(indexed).doesNotHaveDuplicates();
        assertThat(indexed).containsExactlyInAnyOrderElementsOf(kbases);
    }

    @Test
    void withTheOptInArtifactTheWorkingVersionsCanBeNamed() {
        RuleSetRegistry registry = RuleSetRegistry.fromClasspath();
        assertThat(registry.manifest("msk-referral", "2.0.0").status()).isEqualTo(RuleSetManifest.Status.WORKING);
        assertThat(registry.manifest("msk-waiting-list", "1.1.0").status()).isEqualTo(RuleSetManifest.Status.WORKING);
    }
}
