package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.Json;
import org.mskrules.msk.AgeBand;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.EthnicCategory;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ReferralJson;
import org.mskrules.msk.ServiceProfile;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * The grouping fields a decision echoes for indicators (issue 19): age band, sex, referral date and
 * ethnic category are echoed, nothing identifying is, and the ethnic category never changes a
 * decision in any version (no rule file names it, and a property over synthetic referrals shows the
 * decision is the same with and without it; a mutant that reads it is caught).
 */
class DecisionGroupingTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 21);
    static final int EXAMPLES = 300;
    static final long SEED = 19_191_919L;

    /** How a referral is decided: the rules, or a mutant of them. */
    interface Decider {
        Assessment decide(Referral referral);
    }

    static Gen<EthnicCategory> categories() {
        return in -> EthnicCategory.values()[(int) in.next(Constraint.between(0, EthnicCategory.values().length - 1))];
    }

    static JsonNode withoutGrouping(Assessment a) {
        ObjectNode node = Json.tree(a);
        node.remove("grouping");
        return node;
    }

    static void theEthnicCategoryNeverChangesADecision(Decider d) {
        qt().withExamples(EXAMPLES).withFixedSeed(SEED).withShrinkCycles(0)
                .forAll(SyntheticGen.referrals(AS_OF).mix(SyntheticGen.referrals(AS_OF, 150)), categories())
                .checkAssert((r, category) -> {
                    Referral with = withCategory(r, category);
                    assertThat(withoutGrouping(d.decide(with))).isEqualTo(withoutGrouping(d.decide(r)));
                });
    }

    static Referral withCategory(Referral r, EthnicCategory category) {
        return new Referral(r.referralId(), r.ageYears(), r.sex(), r.referralDate(), r.symptomOnset(), r.regions(),
                r.findings(), r.painScore(), r.riskStratification(), r.clinicianPriority(), r.pathwayStage(),
                r.referralSource(), category);
    }

    @Test
    void theEthnicCategoryNeverChangesADecisionInAnyVersion() {
        for (String version : GoldenCaseTest.versions()) {
            MskRules rules = MskRules.builder().ruleSetVersion(version).build();
            theEthnicCategoryNeverChangesADecision(r -> rules.assess(r, AS_OF, ServiceProfile.NATIONAL));
        }
    }

    @Test
    void aDeciderThatReadsTheEthnicCategoryIsCaught() {
        MskRules rules = MskRules.builder().ruleSetVersion("2.0.0").build();
        Decider mutant = r -> {
            Assessment a = rules.assess(r, AS_OF, ServiceProfile.NATIONAL);
            if (r.ethnicCategory() == EthnicCategory.NOT_KNOWN && r.clinicianPriority() != PriorityCategory.PRIORITY) {
                // The defect this guards against: a decision that differs by ethnicity.
                return rules.assess(new Referral(r.referralId(), r.ageYears(), r.sex(), r.referralDate(),
                        r.symptomOnset(), r.regions(), r.findings(), r.painScore(), r.riskStratification(),
                        PriorityCategory.PRIORITY, r.pathwayStage(), r.referralSource(), r.ethnicCategory()),
                        AS_OF, ServiceProfile.NATIONAL);
            }
            return a;
        };
        assertThatThrownBy(() -> theEthnicCategoryNeverChangesADecision(mutant)).isInstanceOf(AssertionError.class);
    }

    @Test
    void noRuleFileOfAnyVersionNamesAGroupingField() throws IOException {
        Path rules = RepoPaths.root().resolve("rules-msk/src/main/resources/org/mskrules/msk/rules");
        List<Path> drl;
        try (Stream<Path> files = Files.walk(rules)) {
            drl = files.filter(p -> p.toString().endsWith(".drl")).toList();
        }
        assertThat(drl).hasSizeGreaterThan(20);
        for (Path file : drl) {
            String text = Files.readString(file);
            assertThat(text).as(file.toString()).doesNotContain("ethnicCategory").doesNotContain("EthnicCategory")
                    .doesNotContain("grouping").doesNotContain("Grouping").doesNotContain("AgeBand");
        }
    }

    @Test
    void theDecisionEchoesTheGroupingFieldsAndNothingIdentifying() {
        String json = """
                {"referralId":"G-1","ageYears":47,"sex":"FEMALE","referralDate":"2026-11-20",
                 "regions":["KNEE"],"ethnicCategory":"H","referralSource":"SELF_REFERRAL"}""";
        Assessment a = MskRules.builder().ruleSetVersion("2.0.0").build()
                .assess(ReferralJson.read(json, AS_OF), AS_OF, ServiceProfile.NATIONAL);
        assertThat(a.grouping().ageBand()).isEqualTo(AgeBand.AGE_45_54);
        assertThat(a.grouping().ethnicCategory()).isEqualTo(EthnicCategory.ASIAN_INDIAN);
        JsonNode node = Json.tree(a);
        assertThat(node.get("grouping").toString())
                .isEqualTo("{\"ageBand\":\"45-54\",\"sex\":\"FEMALE\",\"referralDate\":\"2026-11-20\",\"ethnicCategory\":\"H\"}");
        assertThat(node.get("referralSource").asText()).isEqualTo("SELF_REFERRAL");
        assertThat(node.get("pathwayStage").asText()).isEqualTo("FCP_OR_GP_ASSESSMENT");
        assertThat(node.toString()).doesNotContain("ageYears").doesNotContain("\"47\"").doesNotContain("birth")
                .doesNotContain("nhsNumber");
    }

    @Test
    void earlierVersionsAcceptAndEchoTheEthnicCategory() {
        Referral r = Referral.builder().referralId("G-2").ageYears(17).referralDate(AS_OF.minusDays(3))
                .ethnicCategory(EthnicCategory.NOT_STATED).build();
        Assessment a = MskRules.builder().ruleSetVersion("1.0.0").build().assess(r, AS_OF, ServiceProfile.NATIONAL);
        assertThat(a.grouping().ageBand()).isEqualTo(AgeBand.AGE_0_17);
        assertThat(Json.tree(a).at("/grouping/ethnicCategory").asText()).isEqualTo("Z");
    }

    @Test
    void anEthnicCategoryThatIsNotADataDictionaryCodeIsRejectedWithItsPath() {
        String json = """
                {"ageYears":47,"referralDate":"2026-11-20","regions":["KNEE"],"ethnicCategory":"White"}""";
        assertThatThrownBy(() -> ReferralJson.read(json, AS_OF)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .anySatisfy(v -> assertThat(v.path()).isEqualTo("/ethnicCategory")));
    }

    @Test
    void ageBandsCoverEveryAgeWithoutGapOrOverlap() {
        Map<AgeBand, List<Integer>> seen = new HashMap<>();
        for (int age = 0; age <= 130; age++) {
            seen.computeIfAbsent(AgeBand.of(age), b -> new ArrayList<>()).add(age);
        }
        assertThat(seen).containsOnlyKeys(AgeBand.values());
        assertThat(AgeBand.of(17)).isEqualTo(AgeBand.AGE_0_17);
        assertThat(AgeBand.of(18)).isEqualTo(AgeBand.AGE_18_24);
        assertThat(AgeBand.of(84)).isEqualTo(AgeBand.AGE_75_84);
        assertThat(AgeBand.of(85)).isEqualTo(AgeBand.AGE_85_AND_OVER);
        assertThat(AgeBand.of(null)).isNull();
    }

    @Test
    void theSchemaListsEveryDataDictionaryCode() throws IOException {
        JsonNode schema = Json.readTree(java.nio.file.Files.readString(RepoPaths.root().resolve("docs/schema/referral.schema.json")));
        List<String> codes = new ArrayList<>();
        schema.at("/properties/ethnicCategory/enum").forEach(n -> codes.add(n.asText()));
        assertThat(codes).isEqualTo(EthnicCategory.codes());
    }
}
