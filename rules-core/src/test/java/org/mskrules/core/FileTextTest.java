package org.mskrules.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileTextTest {
    private final RuleSet catalogue = Fixtures.registry().ruleSet("fixture-catalogue", "2.0.0");

    @Test
    void aHashedFileIsServedAsItIsOnTheClassPath() throws Exception {
        String path = "fixture/catalogue/rules.drl";
        byte[] bytes;
        try (var in = Fixtures.LOADER.getResourceAsStream(path)) {
            bytes = in.readAllBytes();
        }
        assertThat(catalogue.fileText(path)).isEqualTo(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                .contains("rule \"C-001");
    }

    @Test
    void aFileTheHashDoesNotCoverIsRefusedEvenWhenItIsOnTheClassPath() {
        // META-INF/rule-sets.json is readable, but it is not one of this version's files.
        assertThat(Fixtures.LOADER.getResource("META-INF/rule-sets.json")).isNotNull();
        assertThatThrownBy(() -> catalogue.fileText("META-INF/rule-sets.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[META-INF/rule-sets.json] is not one of the files of")
                .hasMessageContaining("fixture/catalogue/rules.drl");
    }
}
