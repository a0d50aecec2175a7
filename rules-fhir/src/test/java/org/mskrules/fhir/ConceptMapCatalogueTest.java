package org.mskrules.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.Finding;

/**
 * docs/rules/fhir-concept-map.md is the ConceptMap as reviewed: regenerate it with
 * {@code -Dmskrules.writeDocs=true} after changing the map, and review the diff.
 */
class ConceptMapCatalogueTest {
    static final Path PAGE = Path.of("../docs/rules/fhir-concept-map.md");

    @Test
    void theCommittedPageIsTheConceptMap() throws Exception {
        String generated = ConceptMapCatalogue.markdown();
        if (Boolean.getBoolean("mskrules.writeDocs")) {
            Files.writeString(PAGE, generated);
        }
        assertThat(Files.readString(PAGE)).isEqualTo(generated);
    }

    @Test
    void thePageHasARowForEveryFindingAndRegion() {
        String page = ConceptMapCatalogue.markdown();
        for (Finding f : Finding.values()) {
            assertThat(page).contains("| `" + f.name() + "` |");
        }
        for (BodyRegion r : BodyRegion.values()) {
            assertThat(page).contains("| `" + r.name() + "` |");
        }
    }
}
