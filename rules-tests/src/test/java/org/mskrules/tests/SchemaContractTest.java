package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mskrules.core.io.Json;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.Finding;
import org.mskrules.msk.FindingStatus;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.ReferralJson;
import org.mskrules.msk.RiskCategory;
import org.mskrules.msk.RiskTool;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.Sex;
import org.mskrules.msk.Trend;
import org.mskrules.msk.waitinglist.Answer;
import org.mskrules.msk.waitinglist.EntryFormat;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * The published input schemas ({@code docs/schema}) against what the library reads: every shipped
 * example and golden case meets them, their code lists are the model's enums, the library packages
 * exactly the published files, and a waiting-list line the schema refuses is never reviewed.
 */
class SchemaContractTest {
    private static final LocalDate EXAMPLES_AS_OF = LocalDate.of(2026, 11, 23);

    @Test
    void theCodeListsInTheSchemasAreTheModelsEnums() {
        JsonNode referral = InputSchemas.node(InputSchemas.REFERRAL);
        JsonNode props = referral.get("properties");
        JsonNode defs = referral.get("$defs");
        assertThat(codes(props.at("/sex/enum"))).isEqualTo(names(Sex.values()));
        assertThat(codes(props.at("/regions/items/enum"))).isEqualTo(names(BodyRegion.values()));
        assertThat(codes(props.at("/findings/propertyNames/enum"))).isEqualTo(names(Finding.values()));
        assertThat(codes(props.at("/clinicianPriority/enum"))).isEqualTo(names(PriorityCategory.values()));
        assertThat(codes(defs.at("/findingStatus/enum"))).isEqualTo(names(FindingStatus.values()));
        assertThat(codes(defs.at("/observation/else/properties/trend/enum"))).isEqualTo(names(Trend.values()));
        assertThat(codes(defs.at("/riskStratification/properties/tool/enum"))).isEqualTo(names(RiskTool.values()));
        assertThat(codes(defs.at("/riskStratification/properties/category/enum"))).isEqualTo(names(RiskCategory.values()));

        JsonNode entry = InputSchemas.node(InputSchemas.WAITING_LIST_ENTRY).get("properties");
        assertThat(codes(entry.at("/category/enum"))).isEqualTo(names(PriorityCategory.values()));
        for (String answer : List.of("wishesToBeSeen", "hasCapacity", "understandsDecision", "communicationNeedsMet")) {
            assertThat(codes(entry.at("/validation/properties/" + answer + "/enum"))).as(answer)
                    .isEqualTo(names(Answer.values()));
        }
    }

    @Test
    void theLibraryChecksAgainstExactlyThePublishedFiles() throws IOException {
        for (String file : List.of(InputSchemas.REFERRAL, InputSchemas.SERVICE_PROFILE, InputSchemas.WAITING_LIST_ENTRY)) {
            try (InputStream packaged = ReferralJson.class.getClassLoader()
                    .getResourceAsStream("org/mskrules/msk/schema/" + file)) {
                assertThat(packaged).as(file + " packaged in rules-msk").isNotNull();
                assertThat(new String(packaged.readAllBytes(), StandardCharsets.UTF_8)).as(file)
                        .isEqualTo(Files.readString(InputSchemas.dir().resolve(file)));
            }
        }
    }

    @Test
    void everyShippedReferralAndProfileExampleMeetsItsSchema() throws IOException {
        Path examples = RepoPaths.root().resolve("examples");
        List<Path> referrals = list(examples, "referral-", ".json");
        List<Path> profiles = list(examples, "service-profile-", ".json");
        assertThat(referrals).isNotEmpty();
        assertThat(profiles).isNotEmpty();
        for (Path p : referrals) {
            String text = Files.readString(p);
            assertThat(InputSchemas.problems(InputSchemas.REFERRAL, Json.readTree(text))).as(p.toString()).isEmpty();
            assertThat(ReferralJson.check(text, EXAMPLES_AS_OF)).as(p.toString()).isEmpty();
        }
        for (Path p : profiles) {
            assertThat(InputSchemas.problems(InputSchemas.SERVICE_PROFILE, Json.readTree(Files.readString(p))))
                    .as(p.toString()).isEmpty();
            assertThat(ServiceProfile.read(p)).isNotNull();
        }
    }

    @Test
    void everyGoldenReferralAndProfileMeetsItsSchemaAndIsReadAsIs() throws Exception {
        int referrals = 0;
        for (String folder : GoldenCaseTest.FOLDERS) {
            for (Path file : goldenFiles(folder)) {
                JsonNode c = Json.readTree(Files.readString(file));
                JsonNode referral = c.get("referral");
                LocalDate asOf = LocalDate.parse(c.get("asOf").asText());
                assertThat(InputSchemas.problems(InputSchemas.REFERRAL, referral)).as(file.toString()).isEmpty();
                assertThat(ReferralJson.check(referral.toString(), asOf)).as(file.toString()).isEmpty();
                // Read through the contract, the referral is the one the golden case describes.
                assertThat(ReferralJson.read(referral.toString(), asOf))
                        .isEqualTo(Json.treeToValue(referral, org.mskrules.msk.Referral.class));
                if (c.hasNonNull("profile")) {
                    assertThat(InputSchemas.problems(InputSchemas.SERVICE_PROFILE, c.get("profile"))).as(file.toString()).isEmpty();
                }
                referrals++;
            }
        }
        assertThat(referrals).isGreaterThan(100);
    }

    @Test
    void aWaitingListLineTheSchemaRefusesIsNeverReviewedAndEveryGoldenLineItAcceptsIs() throws Exception {
        WaitingListRules rules = WaitingListRules.builder().build();
        int accepted = 0;
        int refused = 0;
        for (Path file : goldenFiles("golden/waiting-list")) {
            JsonNode c = Json.readTree(Files.readString(file));
            LocalDate asOf = LocalDate.parse(c.get("asOf").asText());
            List<String> lines = new ArrayList<>();
            c.path("jsonl").forEach(l -> lines.add(l.asText()));
            c.path("entries").forEach(e -> lines.add(e.toString()));
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                WaitingListReview alone = rules.review(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)),
                        EntryFormat.JSON_LINES, asOf);
                JsonNode node;
                try {
                    node = Json.readTree(line);
                } catch (IOException e) {
                    assertThat(alone.summary().rejected()).as(line).isEqualTo(1);
                    refused++;
                    continue;
                }
                if (InputSchemas.valid(InputSchemas.WAITING_LIST_ENTRY, node)) {
                    accepted++;
                } else {
                    assertThat(alone.summary().rejected()).as("schema refuses %s", line).isEqualTo(1);
                    refused++;
                }
                if (alone.summary().reviewed() == 1) {
                    assertThat(InputSchemas.problems(InputSchemas.WAITING_LIST_ENTRY, node)).as(line).isEmpty();
                }
            }
        }
        assertThat(accepted).isGreaterThan(20);
        assertThat(refused).isGreaterThan(0);
    }

    static List<Path> goldenFiles(String folder) throws Exception {
        Path dir = Path.of(SchemaContractTest.class.getClassLoader().getResource(folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static List<Path> list(Path dir, String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(suffix))
                    .sorted().toList();
        }
    }

    private static List<String> codes(JsonNode array) {
        List<String> codes = new ArrayList<>();
        array.forEach(n -> codes.add(n.isNull() ? null : n.asText()));
        codes.remove(null);
        return codes;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
