package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * Every rule-set version on the class path loads, and every released one still has the content it
 * was released with. The hash is computed here again, independently of {@code RuleSet}, by the
 * algorithm documented in docs/architecture.md, so that the documentation, this test and the loader
 * must all agree.
 */
class ReleasedVersionsTest {
    static final String IMMUTABLE = "a released version is immutable: make a new version instead"
            + " (a new folder, kbase and manifest; docs/adr/0008-released-versions-in-force-by-date.md)";

    final RuleSetRegistry registry = RuleSetRegistry.fromClasspath();

    @Test
    void everyVersionOnTheClassPathLoadsAndBuildsItsFacade() {
        assertThatCode(registry::loadAll).doesNotThrowAnyException();
        for (String version : registry.versions(MskRules.RULE_SET_ID)) {
            assertThat(MskRules.builder().registry(registry).ruleSetVersion(version).build().version())
                    .isEqualTo(version);
        }
        for (String version : registry.versions(WaitingListRules.RULE_SET_ID)) {
            assertThat(WaitingListRules.builder().registry(registry).ruleSetVersion(version).build().version())
                    .isEqualTo(version);
        }
    }

    @Test
    void eachReleasedVersionStillHasTheHashItWasReleasedWith() {
        List<RuleSetManifest> released = registry.ruleSetIds().stream().flatMap(id -> registry.released(id).stream())
                .toList();
        assertThat(released).isNotEmpty();
        for (RuleSetManifest m : released) {
            assertThat(independentHash(m))
                    .as("%s is RELEASED, but its manifest or files no longer match the hash it records; %s",
                            m.coordinates(), IMMUTABLE)
                    .isEqualTo(m.contentHash());
            assertThat(registry.ruleSet(m.ruleSetId(), m.version()).contentHash()).isEqualTo(m.contentHash());
        }
    }

    @Test
    void theFirstReleasesAreInForceFromTheirSignOffDatesWithTheirRecordedHashes() {
        // Written out here as well, so that re-recording a released version's hash fails a test.
        RuleSetManifest referral = registry.manifest(MskRules.RULE_SET_ID, "1.0.0");
        assertThat(referral.status()).isEqualTo(RuleSetManifest.Status.RELEASED);
        assertThat(referral.effectiveFrom()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(referral.contentHash()).as(IMMUTABLE)
                .isEqualTo("sha256:6b10ad9398ab3b1e0c1c8b04e213c5e191a110b6941c5136fb740471f8b92b55");

        // The safety net (issue 14), signed off on 2026-12-07 and in force a week later.
        RuleSetManifest safetyNet = registry.manifest(MskRules.RULE_SET_ID, "1.1.0");
        assertThat(safetyNet.status()).isEqualTo(RuleSetManifest.Status.RELEASED);
        assertThat(safetyNet.effectiveFrom()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(safetyNet.contentHash()).as(IMMUTABLE)
                .isEqualTo("sha256:c37a0d998521795ec5a1fad7a3399226dd2c724699bb4e15a8a721712784242c");

        // The 2023/24 planning year the waiting-list rules encode.
        RuleSetManifest waitingList = registry.manifest(WaitingListRules.RULE_SET_ID, "1.0.0");
        assertThat(waitingList.status()).isEqualTo(RuleSetManifest.Status.RELEASED);
        assertThat(waitingList.effectiveFrom()).isEqualTo(LocalDate.of(2023, 4, 1));
        assertThat(waitingList.contentHash()).as(IMMUTABLE)
                .isEqualTo("sha256:dbd227dd6e030b0a91ed288f17c2da81b810b5b0e647f36dbae31747a4fd4a1a");
    }

    /** The documented algorithm: a canonical header of the manifest, then each file in path order. */
    static String independentHash(RuleSetManifest m) {
        MessageDigest d;
        try {
            d = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<String> files = m.files().stream().sorted().toList();
        StringBuilder header = new StringBuilder();
        field(header, "ruleSetId", m.ruleSetId());
        field(header, "version", m.version());
        field(header, "kbase", m.kbase());
        field(header, "effectiveFrom", m.effectiveFrom() == null ? null : m.effectiveFrom().toString());
        field(header, "description", m.description());
        list(header, "files", files);
        list(header, "requiredMetadata", m.requiredMetadata());
        field(header, "parameterDefaults", m.parameterDefaults());
        d.update(header.toString().getBytes(StandardCharsets.UTF_8));
        for (String path : files) {
            try (InputStream in = ReleasedVersionsTest.class.getClassLoader().getResourceAsStream(path)) {
                assertThat(in).as("%s lists [%s]", m.coordinates(), path).isNotNull();
                byte[] bytes = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n")
                        .getBytes(StandardCharsets.UTF_8);
                d.update((path + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
                d.update(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(d.digest());
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append(name).append('\n');
        text(b, value);
    }

    private static void text(StringBuilder b, String value) {
        if (value == null) {
            b.append("-\n");
        } else {
            b.append(value.getBytes(StandardCharsets.UTF_8).length).append('\n').append(value).append('\n');
        }
    }

    private static void list(StringBuilder b, String name, List<String> values) {
        b.append(name).append("\n#").append(values.size()).append('\n');
        values.forEach(v -> text(b, v));
    }
}
