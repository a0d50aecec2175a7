package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.DialectId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mskrules.core.FiredRule;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.Json;
import org.mskrules.core.RuleInfo;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.core.Trace;
import org.mskrules.core.Violation;
import org.mskrules.governance.ImpactAnalysis;
import org.mskrules.governance.ImpactReport;
import org.mskrules.governance.Population;
import org.mskrules.governance.PopulationCase;
import org.mskrules.governance.PopulationSource;
import org.mskrules.governance.RandomDraws;
import org.mskrules.governance.SyntheticReferrals;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.Destination;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.IncompleteScreen;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.PriorityCriterion;
import org.mskrules.msk.PriorityDecision;
import org.mskrules.msk.PriorityReason;
import org.mskrules.msk.RedFlag;
import org.mskrules.msk.RedFlagCondition;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ReferralJson;
import org.mskrules.msk.RiskCategory;
import org.mskrules.msk.Route;
import org.mskrules.msk.RouteDecision;
import org.mskrules.msk.RouteReason;
import org.mskrules.msk.Screen;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.Specialty;
import org.mskrules.msk.StratifiedRisk;
import org.mskrules.msk.waitinglist.BandCount;
import org.mskrules.msk.waitinglist.EntryReview;
import org.mskrules.msk.waitinglist.EntryStatus;
import org.mskrules.msk.waitinglist.Milestone;
import org.mskrules.msk.waitinglist.MilestoneCheck;
import org.mskrules.msk.waitinglist.MilestoneScope;
import org.mskrules.msk.waitinglist.MilestoneStatus;
import org.mskrules.msk.waitinglist.RecoveryPlan;
import org.mskrules.msk.waitinglist.RecoveryPlanReason;
import org.mskrules.msk.waitinglist.RecoveryPlanStatus;
import org.mskrules.msk.waitinglist.RejectedEntry;
import org.mskrules.msk.waitinglist.ReviewNote;
import org.mskrules.msk.waitinglist.ReviewSummary;
import org.mskrules.msk.waitinglist.ValidationDecision;
import org.mskrules.msk.waitinglist.ValidationOutcome;
import org.mskrules.msk.waitinglist.ValidationReason;
import org.mskrules.msk.waitinglist.ValidationSchedule;
import org.mskrules.msk.waitinglist.WaitBand;
import org.mskrules.msk.waitinglist.WaitThreshold;
import org.mskrules.msk.waitinglist.WaitingListEntry;
import org.mskrules.msk.waitinglist.WaitingListPolicy;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * The JSON Schemas of the library's outputs in {@code docs/schema/} describe what the library really
 * writes. Real outputs, written by the library's own mapper, are validated against them with a
 * draft 2020-12 validator (format assertions on; every {@code $ref} resolved from
 * {@code docs/schema/}, never the network): the assessment of every golden case on every
 * msk-referral version, of the examples and of a few thousand synthetic referrals; the review of every
 * waiting-list golden case, of {@code examples/waiting-list.csv} and of synthetic lists; an impact
 * report; and batch output lines of both kinds, built as the CLI builds them. The schemas are checked
 * against the Java model (every enum lists the Java constants; every object lists exactly the
 * properties Jackson writes, and requires each one Jackson always writes), and shown not to be
 * vacuous: a document with an extra field, a wrong enum value, a missing required field, an error
 * without violations, or a malformed date is rejected.
 */
class OutputSchemaTest {
    static final String BASE = "https://mskrules.org/schema/";
    static final Path SCHEMA_DIR = RepoPaths.root().resolve("docs/schema");
    /** The output schemas this test owns (the input schemas are checked with the inputs). */
    static final List<String> OUTPUT_SCHEMAS = List.of("assessment", "trace", "violation", "error",
            "waiting-list-review", "impact-report", "assess-output-line", "waitlist-output-line");

    static final LocalDate SYNTHETIC_AS_OF = LocalDate.of(2026, 11, 23);
    static final long SEED = 20_260_611L;
    /** Plausible synthetic referrals (the governance population) assessed on every version. */
    static final int PLAUSIBLE = 1_000;
    /** Referrals of the denser population, in which every finding is present at least 15% of the time. */
    static final int DENSE = 1_000;
    static final int DENSE_PRESENT_PER_MILLE = 150;
    static final int BATCH_LINES = 1_000;

    private static final ObjectMapper JSON = Json.newMapper();
    private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final SchemaRegistry FACTORY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(CONFIG)
                    // https://mskrules.org/schema/x.schema.json is docs/schema/x.schema.json, and nothing is
                    // ever fetched from anywhere but this folder and the validator's own copy of the
                    // 2020-12 meta-schema (it fetches nothing remote unless told to).
                    .schemas(iri -> iri.startsWith(BASE) ? readString(SCHEMA_DIR.resolve(iri.substring(BASE.length()))) : null));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    static Schema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> FACTORY.getSchema(SchemaLocation.of(BASE + n + ".schema.json")));
    }

    /** Every problem the schema finds in {@code json}; empty if it conforms. */
    static List<Error> problems(String schemaName, String json) {
        return schema(schemaName).validate(json, InputFormat.JSON);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode file(Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validates documents and remembers every one that does not conform, and the shape of every
     * document seen (each path with the type of its value), so that a test can show which optional
     * parts of a schema its documents exercised.
     */
    static final class Conformance {
        final String schemaName;
        final List<String> failures = new ArrayList<>();
        final Set<String> shapes = new TreeSet<>();
        int documents;

        Conformance(String schemaName) {
            this.schemaName = schemaName;
        }

        void check(String what, String json) {
            documents++;
            List<Error> found = problems(schemaName, json);
            if (!found.isEmpty()) {
                failures.add(what + " does not conform to " + schemaName + ".schema.json: "
                        + found.stream().limit(5).map(Error::toString).toList()
                        + "\n    " + (json.length() > 2_000 ? json.substring(0, 2_000) + "..." : json));
            }
            shapes(tree(json), "", shapes);
        }

        void assertAllConform(int expectedDocuments) {
            assertThat(documents).as("documents checked against %s", schemaName).isEqualTo(expectedDocuments);
            assertThat(failures).as("documents that do not conform to %s.schema.json", schemaName).isEmpty();
        }
    }

    /** Paths with the JSON type of their value; array items as {@code []}, map keys as they are. */
    static void shapes(JsonNode node, String path, Set<String> out) {
        out.add(path + ":" + node.getNodeType());
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> shapes(e.getValue(), path + "/" + e.getKey(), out));
        } else if (node.isArray()) {
            node.forEach(item -> shapes(item, path + "[]", out));
        }
    }

    // ------------------------------------------------------------------ the schemas themselves

    @TestFactory
    Stream<DynamicTest> everyOutputSchemaIsAValidDraft202012SchemaWithItsOwnId() {
        Schema metaSchema = FACTORY.getSchema(SchemaLocation.of(DialectId.DRAFT_2020_12));
        return OUTPUT_SCHEMAS.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path path = SCHEMA_DIR.resolve(name + ".schema.json");
            assertThat(path).isRegularFile();
            String text = Files.readString(path, StandardCharsets.UTF_8);
            assertThat(metaSchema.validate(text, InputFormat.JSON)).as("%s against the 2020-12 meta-schema", name).isEmpty();
            JsonNode node = tree(text);
            assertThat(node.path("$schema").asText()).isEqualTo(DialectId.DRAFT_2020_12);
            assertThat(node.path("$id").asText()).isEqualTo(BASE + name + ".schema.json");
            // Every relative reference names a schema in the folder (no reference leaves it).
            List<String> refs = new ArrayList<>();
            node.findValues("$ref").forEach(ref -> refs.add(ref.asText()));
            for (String ref : refs) {
                String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
                if (!file.isEmpty()) {
                    assertThat(file).as("$ref %s in %s", ref, name).doesNotContain(":").doesNotContain("/");
                    assertThat(SCHEMA_DIR.resolve(file)).as("$ref %s in %s", ref, name).isRegularFile();
                }
                if (ref.contains("#")) {
                    JsonNode target = (file.isEmpty() ? node : file(SCHEMA_DIR.resolve(file))).at(ref.substring(ref.indexOf('#') + 1));
                    assertThat(target.isMissingNode()).as("$ref %s in %s points at something", ref, name).isFalse();
                }
            }
            // A schema that failed to load would throw here.
            assertThat(schema(name)).isNotNull();
        }));
    }

    /** A part of a schema that describes a Java type. */
    record Described(String schema, String pointer, Class<?> type) {
        JsonNode node() {
            return file(SCHEMA_DIR.resolve(schema + ".schema.json")).at(pointer);
        }
    }

    static final List<Described> ENUMS = List.of(
            new Described("assessment", "/$defs/EscalationLevel", EscalationLevel.class),
            new Described("assessment", "/$defs/RedFlagCondition", RedFlagCondition.class),
            new Described("assessment", "/$defs/Destination", Destination.class),
            new Described("assessment", "/$defs/Screen", Screen.class),
            new Described("assessment", "/$defs/PriorityCategory", PriorityCategory.class),
            new Described("assessment", "/$defs/PriorityCriterion", PriorityCriterion.class),
            new Described("assessment", "/$defs/Route", Route.class),
            new Described("assessment", "/$defs/Specialty", Specialty.class),
            new Described("assessment", "/$defs/RiskCategory", RiskCategory.class),
            new Described("trace", "/$defs/RuleSetStatus", RuleSetManifest.Status.class),
            new Described("waiting-list-review", "/$defs/EntryStatus", EntryStatus.class),
            new Described("waiting-list-review", "/$defs/MilestoneScope", MilestoneScope.class),
            new Described("waiting-list-review", "/$defs/MilestoneStatus", MilestoneStatus.class),
            new Described("waiting-list-review", "/$defs/RecoveryPlanStatus", RecoveryPlanStatus.class),
            new Described("waiting-list-review", "/$defs/ValidationDecision", ValidationDecision.class),
            new Described("impact-report", "/$defs/PopulationSource/properties/kind", PopulationSource.Kind.class),
            new Described("impact-report", "/$defs/RuleFiring/properties/presence", ImpactReport.Presence.class));

    static final List<Described> OBJECTS = List.of(
            new Described("assessment", "", Assessment.class),
            new Described("assessment", "/$defs/RedFlag", RedFlag.class),
            new Described("assessment", "/$defs/IncompleteScreen", IncompleteScreen.class),
            new Described("assessment", "/$defs/SeriousFinding", org.mskrules.msk.SeriousFinding.class),
            new Described("assessment", "/$defs/PriorityDecision", PriorityDecision.class),
            new Described("assessment", "/$defs/PriorityReason", PriorityReason.class),
            new Described("assessment", "/$defs/RouteDecision", RouteDecision.class),
            new Described("assessment", "/$defs/RouteReason", RouteReason.class),
            new Described("assessment", "/$defs/StratifiedRisk", StratifiedRisk.class),
            new Described("assessment", "/$defs/ServiceProfile", ServiceProfile.class),
            new Described("trace", "", Trace.class),
            new Described("trace", "/$defs/FiredRule", FiredRule.class),
            new Described("trace", "/$defs/RuleInfo", RuleInfo.class),
            new Described("violation", "", Violation.class),
            new Described("waiting-list-review", "", WaitingListReview.class),
            new Described("waiting-list-review", "/$defs/ReviewSummary", ReviewSummary.class),
            new Described("waiting-list-review", "/$defs/BandCount", BandCount.class),
            new Described("waiting-list-review", "/$defs/EntryReview", EntryReview.class),
            new Described("waiting-list-review", "/$defs/RejectedEntry", RejectedEntry.class),
            new Described("waiting-list-review", "/$defs/RecoveryPlan", RecoveryPlan.class),
            new Described("waiting-list-review", "/$defs/RecoveryPlanReason", RecoveryPlanReason.class),
            new Described("waiting-list-review", "/$defs/LocalStandardBreach",
                    org.mskrules.msk.waitinglist.LocalStandardBreach.class),
            new Described("waiting-list-review", "/$defs/Milestone", Milestone.class),
            new Described("waiting-list-review", "/$defs/MilestoneCheck", MilestoneCheck.class),
            new Described("waiting-list-review", "/$defs/ValidationOutcome", ValidationOutcome.class),
            new Described("waiting-list-review", "/$defs/ValidationReason", ValidationReason.class),
            new Described("waiting-list-review", "/$defs/WaitingListPolicy", WaitingListPolicy.class),
            new Described("waiting-list-review", "/$defs/WaitBand", WaitBand.class),
            new Described("waiting-list-review", "/$defs/WaitThreshold", WaitThreshold.class),
            new Described("waiting-list-review", "/$defs/ValidationSchedule", ValidationSchedule.class),
            new Described("waiting-list-review", "/$defs/ReviewNote", ReviewNote.class),
            new Described("impact-report", "", ImpactReport.class),
            new Described("impact-report", "/$defs/Side", ImpactReport.Side.class),
            new Described("impact-report", "/$defs/PopulationSource", PopulationSource.class),
            new Described("impact-report", "/$defs/Decision", ImpactReport.Decision.class),
            new Described("impact-report", "/$defs/ChangedCase", ImpactReport.ChangedCase.class),
            new Described("impact-report", "/$defs/FiringChange", ImpactReport.FiringChange.class),
            new Described("impact-report", "/$defs/CaseError", ImpactReport.CaseError.class),
            new Described("impact-report", "/$defs/RuleFiring", ImpactReport.RuleFiring.class));

    @TestFactory
    Stream<DynamicTest> everyEnumInTheSchemasListsTheJavaConstantsInOrder() {
        return ENUMS.stream().map(d -> DynamicTest.dynamicTest(d.type().getName(), () -> {
            List<String> listed = new ArrayList<>();
            d.node().path("enum").forEach(v -> listed.add(v.asText()));
            assertThat(listed).as("enum of %s#%s", d.schema(), d.pointer())
                    .containsExactlyElementsOf(Arrays.stream(d.type().getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        }));
    }

    /**
     * Each object's properties are exactly those Jackson writes for its Java type, and a property
     * Jackson always writes (no {@code @JsonInclude} that can leave it out, or a primitive) is
     * required. A property may be required although Jackson could leave it out: the Java record
     * never holds null there.
     */
    @TestFactory
    Stream<DynamicTest> everyObjectInTheSchemasHasExactlyThePropertiesJacksonWrites() {
        return OBJECTS.stream().map(d -> DynamicTest.dynamicTest(d.type().getName(), () -> {
            JsonNode node = d.node();
            assertThat(node.path("type").asText()).as("type of %s#%s", d.schema(), d.pointer()).isEqualTo("object");
            assertThat(node.path("additionalProperties").isBoolean() && !node.path("additionalProperties").asBoolean())
                    .as("%s#%s has additionalProperties false", d.schema(), d.pointer()).isTrue();
            Set<String> properties = new LinkedHashSet<>();
            node.path("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> required = new LinkedHashSet<>();
            node.path("required").forEach(r -> required.add(r.asText()));

            BeanDescription bean = JSON.getSerializationConfig().introspect(JSON.constructType(d.type()));
            JsonInclude.Value classInclusion = bean.findPropertyInclusion(JsonInclude.Value.empty());
            List<String> written = new ArrayList<>();
            List<String> alwaysWritten = new ArrayList<>();
            for (BeanPropertyDefinition p : bean.findProperties()) {
                if (!p.couldSerialize()) {
                    continue;
                }
                written.add(p.getName());
                JsonInclude.Include inclusion = classInclusion.withOverrides(p.findInclusion()).getValueInclusion();
                boolean mayBeLeftOut = inclusion != JsonInclude.Include.ALWAYS && inclusion != JsonInclude.Include.USE_DEFAULTS;
                // A primitive is always written, unless NON_DEFAULT leaves out its default (false, 0).
                boolean primitiveWritten = p.getRawPrimaryType().isPrimitive() && inclusion != JsonInclude.Include.NON_DEFAULT;
                if (primitiveWritten || !mayBeLeftOut) {
                    alwaysWritten.add(p.getName());
                }
            }
            assertThat(properties).as("properties of %s#%s against what Jackson writes for %s", d.schema(), d.pointer(),
                    d.type().getSimpleName()).containsExactlyInAnyOrderElementsOf(written);
            assertThat(properties).as("required of %s#%s are properties", d.schema(), d.pointer()).containsAll(required);
            assertThat(required).as("required of %s#%s: every property %s always writes", d.schema(), d.pointer(),
                    d.type().getSimpleName()).containsAll(alwaysWritten);
        }));
    }

    // ------------------------------------------------------------------ assessments

    @TestFactory
    Stream<DynamicTest> theAssessmentOfEveryGoldenCaseConformsOnEveryVersion() {
        List<GoldenCase> all = GoldenCaseTest.cases();
        return GoldenCaseTest.versions().stream().map(version -> DynamicTest.dynamicTest(version, () -> {
            Conformance c = new Conformance("assessment");
            int expected = 0;
            for (GoldenCase gc : all) {
                if (!GoldenCaseTest.appliesTo(gc, version)) {
                    continue;
                }
                expected++;
                Referral referral = JSON.treeToValue(gc.referral(), Referral.class);
                c.check(gc.name() + " @ " + version, write(GoldenCaseTest.rules(gc, version).assess(referral, gc.asOf())));
            }
            assertThat(expected).as("golden cases for %s", version).isPositive();
            c.assertAllConform(expected);
            // The optional parts of an assessment that golden cases are written to reach.
            assertThat(c.shapes).as("parts of the assessment the golden cases exercised").contains(
                    "/stratifiedRisk:OBJECT", "/priority/clinician:STRING", "/route/specialty:STRING",
                    "/route/destination:STRING", "/route/seenWithinDays:NUMBER", "/route/reasons[]/advice:STRING",
                    "/serviceProfile/triageWithinHours:NUMBER", "/trace/status:STRING");
        }));
    }

    @Test
    void anAssessmentWithRulesSwitchedOffConformsAndSaysSo() throws Exception {
        String version = GoldenCaseTest.versions().get(GoldenCaseTest.versions().size() - 1);
        GoldenCase positive = GoldenCaseTest.cases().stream()
                .filter(gc -> gc.positive() && GoldenCaseTest.appliesTo(gc, version) && gc.rule().startsWith("RF-"))
                .findFirst().orElseThrow();
        MskRules mutated = GoldenCaseTest.builder(positive, version).withRulesDisabled(positive.rule()).build();
        Assessment a = mutated.assess(JSON.treeToValue(positive.referral(), Referral.class), positive.asOf());
        String json = write(a);
        assertThat(problems("assessment", json)).isEmpty();
        assertThat(tree(json).at("/trace/disabledRules").isArray()).as("disabledRules written when not empty").isTrue();
    }

    @Test
    void theAssessmentOfEveryExampleReferralConformsWithEveryProfile() {
        Path examples = RepoPaths.root().resolve("examples");
        List<ServiceProfile> profiles = List.of(ServiceProfile.NATIONAL,
                ServiceProfile.read(examples.resolve("service-profile-east-lancashire.json")));
        Conformance c = new Conformance("assessment");
        int expected = 0;
        for (String version : GoldenCaseTest.versions()) {
            MskRules rules = MskRules.builder().ruleSetVersion(version).build();
            for (Path file : list(examples, "referral-", ".json")) {
                for (ServiceProfile profile : profiles) {
                    Referral referral = ReferralJson.read(readString(file), SYNTHETIC_AS_OF);
                    if (!rules.readsPathwayStage() && (referral.pathwayStage() != null || referral.referralSource() != null)) {
                        // Refused by versions before 2.0.0 (PathwayInputTest), so there is no assessment to check.
                        continue;
                    }
                    expected++;
                    c.check(file.getFileName() + " @ " + version + " / " + profile.name(),
                            write(rules.assess(referral, SYNTHETIC_AS_OF, profile)));
                }
            }
        }
        assertThat(expected).as("example referrals x versions x profiles").isGreaterThanOrEqualTo(2 * 2);
        c.assertAllConform(expected);
    }

    @TestFactory
    Stream<DynamicTest> theAssessmentsOfThousandsOfSyntheticReferralsConformOnEveryVersion() {
        return GoldenCaseTest.versions().stream().map(version -> DynamicTest.dynamicTest(version, () -> {
            MskRules rules = MskRules.builder().ruleSetVersion(version).build();
            Conformance c = new Conformance("assessment");
            for (int i = 0; i < PLAUSIBLE; i++) {
                PopulationCase pc = Population.syntheticCase(SEED, i, SYNTHETIC_AS_OF);
                c.check(pc.id() + " @ " + version, write(rules.assess(pc.referral(), pc.asOf(), pc.profile())));
            }
            RandomDraws draws = RandomDraws.from(new SplittableRandom(SEED));
            for (int i = 0; i < DENSE; i++) {
                Referral referral = SyntheticReferrals.referral(draws, SYNTHETIC_AS_OF, DENSE_PRESENT_PER_MILLE);
                ServiceProfile profile = SyntheticReferrals.profile(draws);
                c.check("dense-" + i + " @ " + version, write(rules.assess(referral, SYNTHETIC_AS_OF, profile)));
            }
            c.assertAllConform(PLAUSIBLE + DENSE);
            assertThat(c.shapes).as("parts of the assessment the synthetic referrals exercised").contains(
                    "/redFlags[]:OBJECT", "/incompleteScreens[]:OBJECT", "/priority/reasons[]:OBJECT",
                    "/route/outranked[]:OBJECT", "/route/triageWithinHours:NUMBER", "/stratifiedRisk:OBJECT");
        }));
    }

    // ------------------------------------------------------------------ waiting-list reviews

    @Test
    void theReviewOfEveryWaitingListGoldenCaseConforms() throws Exception {
        Conformance c = new Conformance("waiting-list-review");
        List<WaitingListGoldenCase> cases = WaitingListGoldenTest.cases();
        for (WaitingListGoldenCase gc : cases) {
            c.check(gc.name(), write(WaitingListGoldenTest.review(gc, WaitingListGoldenTest.rules(gc))));
        }
        c.assertAllConform(cases.size());
        assertThat(cases).as("waiting-list golden cases").isNotEmpty();
        assertThat(c.shapes).as("parts of the review the golden cases exercised").contains(
                "/rejected[]/entryId:NULL", "/rejected[]/entryId:STRING", "/validationOutcomes[]/validationOutcome:OBJECT",
                "/longestWaits[]/firstContact:STRING", "/longestWaits[]/firstContact:NULL",
                "/recoveryPlan/reasons[]/category:NULL", "/recoveryPlan/reasons[]/category:STRING",
                "/policy/upcomingMilestones[]:OBJECT", "/policy/notes[]:OBJECT", "/policy/bands[]/toDay:NULL",
                "/milestones[]/breaching[]:OBJECT");
    }

    @Test
    void theReviewOfTheExampleWaitingListConformsOnSeveralDatesAndProfiles() {
        Path examples = RepoPaths.root().resolve("examples");
        Path csv = examples.resolve("waiting-list.csv");
        List<ServiceProfile> profiles = List.of(ServiceProfile.NATIONAL,
                ServiceProfile.read(examples.resolve("service-profile-east-lancashire.json")));
        // The documented date, a milestone due date, and a date past the last planning year the rules know.
        List<LocalDate> dates = List.of(LocalDate.of(2023, 11, 20), LocalDate.of(2024, 3, 31), LocalDate.of(2026, 6, 30));
        Conformance c = new Conformance("waiting-list-review");
        for (ServiceProfile profile : profiles) {
            WaitingListRules rules = WaitingListRules.builder().serviceProfile(profile).build();
            for (LocalDate asOf : dates) {
                WaitingListReview review = rules.review(csv, asOf);
                assertThat(review.summary().rejected()).as("the example list has rejected lines").isPositive();
                c.check("waiting-list.csv as of " + asOf + " / " + profile.name(), write(review));
            }
        }
        c.assertAllConform(profiles.size() * dates.size());
    }

    @Test
    void theReviewsOfSyntheticWaitingListsConform() {
        WaitingListRules rules = WaitingListRules.builder().build();
        Conformance c = new Conformance("waiting-list-review");
        SyntheticWaitingLists.Draw draw = SyntheticWaitingLists.Draw.of(new SplittableRandom(SEED));
        int lists = 40;
        for (int i = 0; i < lists; i++) {
            LocalDate asOf = SyntheticWaitingLists.evaluationDate(draw);
            List<WaitingListEntry> entries = SyntheticWaitingLists.list(draw, draw.between(0, 150), asOf);
            if (i % 2 == 1) {
                entries = SyntheticWaitingLists.withProblems(draw, entries, asOf, true);
            }
            c.check("synthetic list " + i + " as of " + asOf, write(rules.review(entries, asOf)));
        }
        c.assertAllConform(lists);
        assertThat(c.shapes).as("parts of the review the synthetic lists exercised").contains(
                "/rejected[]:OBJECT", "/validationOutcomes[]/validationOutcome/reasons[]:OBJECT",
                "/validationCohort[]:OBJECT", "/overThreshold[]:OBJECT");
    }

    // ------------------------------------------------------------------ impact report

    @Test
    void anImpactReportConforms(@TempDir Path dir) throws Exception {
        List<String> versions = GoldenCaseTest.versions();
        MskRules oldest = MskRules.builder().ruleSetVersion(versions.get(0)).build();
        MskRules newest = MskRules.builder().ruleSetVersion(versions.get(versions.size() - 1))
                .parameter("malignancyAgeYears", 45).build();
        // A service's own referrals, two of which cannot be decided.
        List<String> lines = new ArrayList<>();
        RandomDraws draws = RandomDraws.from(new SplittableRandom(SEED));
        for (int i = 0; i < 20; i++) {
            lines.add(write(referralJson(SyntheticReferrals.referral(draws, SYNTHETIC_AS_OF, DENSE_PRESENT_PER_MILLE))));
        }
        ObjectNode tooOld = (ObjectNode) tree(lines.get(0));
        tooOld.put("ageYears", 131);
        lines.add(write(tooOld));
        ObjectNode noDate = (ObjectNode) tree(lines.get(1));
        noDate.remove("referralDate");
        lines.add(write(noDate));
        Path jsonl = dir.resolve("referrals.jsonl");
        Files.write(jsonl, lines, StandardCharsets.UTF_8);

        Population population = Population.synthetic(SEED, 300, SYNTHETIC_AS_OF)
                .plus(Population.goldenCases(Path.of("src/test/resources/golden")))
                .plus(Population.jsonLines(jsonl, SYNTHETIC_AS_OF, ServiceProfile.NATIONAL));
        ImpactReport report = ImpactAnalysis.diff(oldest, newest, population);
        assertThat(report.errors()).as("the two undecidable referrals are reported on both sides").hasSize(4);
        assertThat(report.changedCases()).as("lowering the malignancy age changes decisions").isNotEmpty();

        Conformance c = new Conformance("impact-report");
        c.check("impact report " + versions.get(0) + " -> " + versions.get(versions.size() - 1), report.toJson());
        c.check("impact report of a version against itself", ImpactAnalysis.diff(oldest, oldest,
                Population.synthetic(SEED, 50, SYNTHETIC_AS_OF)).toJson());
        c.assertAllConform(2);
        assertThat(c.shapes).contains("/population[]/seed:NUMBER", "/population[]/location:STRING",
                "/errors[]:OBJECT", "/changedCases[]:OBJECT", "/rules[]/description:STRING");
    }

    // ------------------------------------------------------------------ batch output lines

    /** One decided line of batch output, as the CLI writes it. */
    record DecisionLine(long line, Object decision) {
    }

    /** One rejected line of batch output, as the CLI writes it. */
    record ErrorLine(long line, ErrorBody error) {
    }

    /** The error of a rejected line; {@code entryId} only for a waiting-list entry whose id could be read. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorBody(String entryId, List<Violation> violations) {
    }

    /** Ways to spoil a referral line, each of which the reader must reject. */
    static final List<Consumer<ObjectNode>> SPOILERS = List.of(
            r -> r.put("ageYears", 131),
            r -> r.remove("ageYears"),
            r -> r.put("referralDate", SYNTHETIC_AS_OF.plusDays(1).toString()),
            r -> r.put("painScore", 11),
            r -> r.put("referralId", "   "),
            r -> r.put("nhsNumber", "9434765919"),
            r -> r.put("ageYears", "forty"),
            r -> {
                r.put("ageYears", -1);
                r.put("painScore", -1);
            });

    @Test
    void assessBatchLinesOfBothKindsConform() {
        MskRules rules = MskRules.builder().inForceOn(SYNTHETIC_AS_OF).build();
        Conformance c = new Conformance("assess-output-line");
        SplittableRandom random = new SplittableRandom(SEED);
        RandomDraws draws = RandomDraws.from(random);
        int decided = 0;
        int rejected = 0;
        int spoiled = 0;
        for (int n = 1; n <= BATCH_LINES; n++) {
            ObjectNode referral = referralJson(SyntheticReferrals.referral(draws, SYNTHETIC_AS_OF,
                    n % 2 == 0 ? DENSE_PRESENT_PER_MILLE : 0));
            String input = write(referral);
            int roll = random.nextInt(10);
            if (roll < SPOILERS.size() / 2) {
                SPOILERS.get(random.nextInt(SPOILERS.size())).accept(referral);
                input = write(referral);
                spoiled++;
            } else if (roll == 9 && random.nextInt(4) == 0) {
                input = input.substring(0, input.length() / 2); // not JSON at all
                spoiled++;
            }
            String line;
            try {
                Assessment a = rules.assess(ReferralJson.read(input, SYNTHETIC_AS_OF), SYNTHETIC_AS_OF);
                line = write(new DecisionLine(n, a));
                decided++;
            } catch (InvalidInputException e) {
                line = write(new ErrorLine(n, new ErrorBody(null, e.violations())));
                rejected++;
            }
            c.check("output line " + n, line);
        }
        c.assertAllConform(BATCH_LINES);
        assertThat(rejected).as("every spoiled line, and only those, is rejected").isEqualTo(spoiled);
        assertThat(decided).isPositive();
        assertThat(rejected).isPositive();
        assertThat(c.shapes).contains("/decision:OBJECT", "/error/violations[]:OBJECT", "/error/violations[]/path:STRING");
    }

    @Test
    void waitlistBatchLinesOfBothKindsConform() throws Exception {
        Conformance c = new Conformance("waitlist-output-line");
        WaitingListRules rules = WaitingListRules.builder().build();
        SyntheticWaitingLists.Draw draw = SyntheticWaitingLists.Draw.of(new SplittableRandom(SEED));
        int lines = 0;
        int decided = 0;
        int rejected = 0;
        // Entry by entry, as the CLI reviews a JSON Lines list one line at a time.
        for (int i = 0; i < 10; i++) {
            LocalDate asOf = SyntheticWaitingLists.evaluationDate(draw);
            List<WaitingListEntry> entries = SyntheticWaitingLists.withProblems(draw,
                    SyntheticWaitingLists.list(draw, draw.between(20, 80), asOf), asOf, false);
            for (WaitingListEntry entry : entries) {
                lines++;
                String line;
                try {
                    line = write(new DecisionLine(lines, rules.reviewEntry(entry, asOf)));
                    decided++;
                } catch (InvalidInputException e) {
                    line = write(new ErrorLine(lines, new ErrorBody(entry.entryId(), e.violations())));
                    rejected++;
                }
                c.check("waitlist output line " + lines, line);
            }
        }
        // The rejected entries of whole-file reviews, with an id when one could be read.
        for (WaitingListGoldenCase gc : WaitingListGoldenTest.cases()) {
            for (RejectedEntry r : WaitingListGoldenTest.review(gc, WaitingListGoldenTest.rules(gc)).rejected()) {
                lines++;
                rejected++;
                c.check(gc.name() + " line " + r.line(), write(new ErrorLine(r.line(), new ErrorBody(r.entryId(), r.violations()))));
            }
        }
        c.assertAllConform(lines);
        assertThat(decided).isPositive();
        assertThat(rejected).isPositive();
        assertThat(c.shapes).contains("/decision/validationOutcome:OBJECT", "/decision/status:STRING",
                "/error/entryId:STRING", "/error:OBJECT");
    }

    // ------------------------------------------------------------------ the schemas are not vacuous

    private static ObjectNode realAssessment;

    /** A real assessment with red flags, as written, to spoil: a fresh copy each time. */
    static synchronized ObjectNode realAssessment() {
        if (realAssessment == null) {
            String version = GoldenCaseTest.versions().get(GoldenCaseTest.versions().size() - 1);
            GoldenCase withFlags = GoldenCaseTest.cases().stream()
                    .filter(gc -> GoldenCaseTest.appliesTo(gc, version) && !gc.expected().redFlags().isEmpty())
                    .findFirst().orElseThrow();
            try {
                Assessment a = GoldenCaseTest.rules(withFlags, version)
                        .assess(JSON.treeToValue(withFlags.referral(), Referral.class), withFlags.asOf());
                realAssessment = (ObjectNode) tree(write(a));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            assertThat(problems("assessment", write(realAssessment))).as("the unspoiled assessment conforms").isEmpty();
            assertThat(realAssessment.get("redFlags").size()).isPositive();
        }
        return realAssessment.deepCopy();
    }

    static ObjectNode decisionLine(JsonNode decision) {
        ObjectNode line = JSON.createObjectNode();
        line.put("line", 1);
        line.set("decision", decision);
        return line;
    }

    static ObjectNode errorLine(JsonNode error) {
        ObjectNode line = JSON.createObjectNode();
        line.put("line", 1);
        line.set("error", error);
        return line;
    }

    static ObjectNode oneViolation() {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode v = error.putArray("violations").addObject();
        v.put("path", "/ageYears");
        v.put("code", "OUT_OF_RANGE");
        v.put("message", "ageYears must be in [0, 130] but was [131]");
        return error;
    }

    /**
     * Asserts that {@code json} is rejected by {@code schemaName}, and for the right reason: some
     * problem is a failure of {@code keyword} at {@code instanceLocation}, a JSON Pointer (e.g.
     * {@code /decision/route}; {@code ""} for the whole document).
     */
    static void assertRejected(String schemaName, String json, String keyword, String instanceLocation) {
        List<Error> found = problems(schemaName, json);
        assertThat(found).as("problems %s.schema.json finds", schemaName)
                .anySatisfy(m -> {
                    assertThat(m.getKeyword()).isEqualTo(keyword);
                    assertThat(m.getInstanceLocation().toString()).isEqualTo(instanceLocation);
                });
    }

    @Test
    void theUnspoiledLinesConform() {
        assertThat(problems("assess-output-line", write(decisionLine(realAssessment())))).isEmpty();
        assertThat(problems("assess-output-line", write(errorLine(oneViolation())))).isEmpty();
        ObjectNode withId = oneViolation();
        withId.put("entryId", "MSK-0001");
        assertThat(problems("waitlist-output-line", write(errorLine(withId)))).isEmpty();
        assertThat(problems("waitlist-output-line", write(errorLine(oneViolation())))).isEmpty();
    }

    @Test
    void aDecisionWithAnExtraFieldIsRejected() {
        ObjectNode top = realAssessment();
        top.put("confidence", 0.9);
        assertRejected("assess-output-line", write(decisionLine(top)), "additionalProperties", "/decision");
        ObjectNode nested = realAssessment();
        ((ObjectNode) nested.get("route")).put("urgency", "HIGH");
        assertRejected("assess-output-line", write(decisionLine(nested)), "additionalProperties", "/decision/route");
        ObjectNode deep = realAssessment();
        ((ObjectNode) deep.at("/trace/firedRules/0/rule")).put("salience", 10);
        assertRejected("assessment", write(deep), "additionalProperties", "/trace/firedRules/0/rule");
        ObjectNode line = decisionLine(realAssessment());
        line.put("warning", "none");
        assertRejected("assess-output-line", write(line), "additionalProperties", "");
    }

    @Test
    void aWrongEnumValueIsRejected() {
        ObjectNode escalation = realAssessment();
        escalation.put("escalation", "CRITICAL");
        assertRejected("assessment", write(escalation), "enum", "/escalation");
        ObjectNode route = realAssessment();
        ((ObjectNode) route.get("route")).put("route", "PHYSIOTHERAPY");
        assertRejected("assess-output-line", write(decisionLine(route)), "enum", "/decision/route/route");
        ObjectNode lowerCase = realAssessment();
        ((ObjectNode) lowerCase.get("priority")).put("category", "priority");
        assertRejected("assessment", write(lowerCase), "enum", "/priority/category");
        ObjectNode flagNone = realAssessment();
        ((ObjectNode) flagNone.at("/redFlags/0")).put("level", "NONE");
        assertRejected("assessment", write(flagNone), "not", "/redFlags/0/level");
    }

    @Test
    void aDecisionMissingAnyRequiredFieldIsRejected() {
        JsonNode required = file(SCHEMA_DIR.resolve("assessment.schema.json")).get("required");
        assertThat(required.size()).isPositive();
        for (JsonNode field : required) {
            ObjectNode a = realAssessment();
            a.remove(field.asText());
            assertRejected("assess-output-line", write(decisionLine(a)), "required", "/decision");
        }
        ObjectNode nested = realAssessment();
        ((ObjectNode) nested.get("trace")).remove("contentHash");
        assertRejected("assessment", write(nested), "required", "/trace");
        ObjectNode nulled = realAssessment();
        nulled.putNull("priority");
        assertRejected("assessment", write(nulled), "type", "/priority");
    }

    @Test
    void anErrorLineWithoutViolationsIsRejected() {
        ObjectNode empty = JSON.createObjectNode();
        empty.putArray("violations");
        assertRejected("assess-output-line", write(errorLine(empty)), "minItems", "/error/violations");
        assertRejected("waitlist-output-line", write(errorLine(empty)), "minItems", "/error/violations");
        assertRejected("assess-output-line", write(errorLine(JSON.createObjectNode())), "required", "/error");
        ObjectNode noCode = oneViolation();
        ((ObjectNode) noCode.at("/violations/0")).remove("code");
        assertRejected("assess-output-line", write(errorLine(noCode)), "required", "/error/violations/0");
    }

    @Test
    void aLineMustHaveExactlyOneOfDecisionAndErrorAndALineNumberFromOne() {
        ObjectNode both = decisionLine(realAssessment());
        both.set("error", oneViolation());
        assertRejected("assess-output-line", write(both), "oneOf", "");
        ObjectNode neither = JSON.createObjectNode();
        neither.put("line", 1);
        assertRejected("assess-output-line", write(neither), "oneOf", "");
        ObjectNode zero = errorLine(oneViolation());
        zero.put("line", 0);
        assertRejected("assess-output-line", write(zero), "minimum", "/line");
        ObjectNode noLine = errorLine(oneViolation());
        noLine.remove("line");
        assertRejected("waitlist-output-line", write(noLine), "required", "");
        ObjectNode entryIdOnReferral = oneViolation();
        entryIdOnReferral.put("entryId", "MSK-0001");
        assertRejected("assess-output-line", write(errorLine(entryIdOnReferral)), "not", "/error");
    }

    @Test
    void formatsAreAssertedNotMerelyAnnotated() {
        ObjectNode badDate = realAssessment();
        ((ObjectNode) badDate.get("trace")).put("asOf", "2026-02-30");
        assertRejected("assessment", write(badDate), "format", "/trace/asOf");
        ObjectNode notADate = realAssessment();
        ((ObjectNode) notADate.get("trace")).put("asOf", "23/11/2026");
        assertRejected("assessment", write(notADate), "format", "/trace/asOf");
        // A path is a JSON Pointer: it starts with /, and ~ and / inside a name are escaped as ~0 and ~1.
        for (String path : List.of("ageYears", "/a~b")) {
            ObjectNode error = oneViolation();
            ((ObjectNode) error.at("/violations/0")).put("path", path);
            assertRejected("assess-output-line", write(errorLine(error)), "format", "/error/violations/0/path");
        }
        for (String path : List.of("", "/findings/FEVER", "/a~1b~0c")) {
            ObjectNode error = oneViolation();
            ((ObjectNode) error.at("/violations/0")).put("path", path);
            assertThat(problems("assess-output-line", write(errorLine(error)))).as("path [%s]", path).isEmpty();
        }
    }

    @Test
    void aWaitingListReviewWithAnOmittedNullOrAWrongShapeIsRejected() {
        WaitingListReview review = WaitingListRules.builder().build().review(
                RepoPaths.root().resolve("examples/waiting-list.csv"), LocalDate.of(2023, 11, 20));
        ObjectNode node = (ObjectNode) tree(write(review));
        assertThat(problems("waiting-list-review", write(node))).isEmpty();
        assertThat(node.get("longestWaits").size()).isPositive();

        ObjectNode omitted = node.deepCopy();
        ((ObjectNode) omitted.at("/longestWaits/0")).remove("firstContact");
        assertRejected("waiting-list-review", write(omitted), "required", "/longestWaits/0");
        ObjectNode negative = node.deepCopy();
        ((ObjectNode) negative.at("/summary")).put("rejected", -1);
        assertRejected("waiting-list-review", write(negative), "minimum", "/summary/rejected");
        ObjectNode seenWithoutContact = node.deepCopy();
        ObjectNode entry = (ObjectNode) seenWithoutContact.at("/longestWaits/0");
        entry.put("status", "SEEN");
        entry.putNull("firstContact");
        assertRejected("waiting-list-review", write(seenWithoutContact), "type", "/longestWaits/0/firstContact");
    }

    // ------------------------------------------------------------------ helpers

    /** A referral in its public JSON form, as the library writes it (and reads it back). */
    static ObjectNode referralJson(Referral referral) {
        return JSON.valueToTree(referral);
    }

    static List<Path> list(Path dir, String prefix, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(suffix))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
