package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mskrules.cli.ThirdPartyLicencesIT.Component;

/**
 * The licence classification of {@link ThirdPartyLicencesIT} on made-up components, without a
 * build: it refuses every GPL-family licence, as the poms name them, that is not offered with an
 * accepted alternative, and accepts nothing else by accident. The names are the ones real poms use
 * (JFreeChart's, JFreeSVG's, VectorGraphics2D's, the Jakarta APIs').
 */
class ThirdPartyLicencesTest {
    static Component component(String... licences) {
        return new Component("x:y", "1", List.of(licences));
    }

    @Test
    void gplFamilyLicencesAreRefused() {
        for (String name : List.of("GNU Lesser General Public Licence", "GNU General Public License (GPL)",
                "GNU Lesser General Public License, version 2.1", "LGPL-2.1-only", "LGPL-3.0-or-later", "GPL-3.0",
                "GNU Affero General Public License v3", "AGPL-3.0", "GPL2 w/ CPE",
                "GNU General Public License, version 2 with the GNU Classpath Exception",
                // Also names an accepted licence, but is a GPL-family licence itself.
                "LGPL with an Apache-style notice", "GNU Library General Public License (BSD-like terms)")) {
            assertThat(ThirdPartyLicencesIT.acceptedLicence(name)).as(name).isFalse();
            assertThat(component(name).accepted()).as(name).isFalse();
            assertThat(ThirdPartyLicencesIT.refused(List.of(component(name)), Map.of())).as(name).hasSize(1);
        }
    }

    @Test
    void aComponentWithoutALicenceIsRefused() {
        assertThat(component().accepted()).isFalse();
        assertThat(component("Proprietary").accepted()).isFalse();
        assertThat(ThirdPartyLicencesIT.refused(List.of(component()), Map.of())).hasSize(1);
    }

    @Test
    void anAcceptedAlternativeMakesADualLicensedComponentAcceptable() {
        assertThat(component("EPL 2.0", "GPL2 w/ CPE").accepted()).isTrue();
        assertThat(component("The Apache Software License, Version 2.0").accepted()).isTrue();
        assertThat(component("BSD-3-Clause").accepted()).isTrue();
        assertThat(component("Mozilla Public License Version 2.0").accepted()).isTrue();
    }

    @Test
    void onlyAListedKnownDefectIsLetThrough() {
        Component lgpl = new Component("org.example:charts", "1", List.of("GNU Lesser General Public Licence"));
        assertThat(ThirdPartyLicencesIT.refused(List.of(lgpl), Map.of("org.example:charts", "being replaced"))).isEmpty();
        assertThat(ThirdPartyLicencesIT.refused(List.of(lgpl), Map.of("org.example:other", "being replaced")))
                .containsExactly(lgpl);
        assertThat(ThirdPartyLicencesIT.KNOWN_LICENCE_DEFECTS).as("no copyleft component is shipped").isEmpty();
    }
}
