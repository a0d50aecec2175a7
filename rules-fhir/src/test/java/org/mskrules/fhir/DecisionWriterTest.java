package org.mskrules.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.RequestGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.Finding;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ReferralJson;
import org.mskrules.msk.Sex;

class DecisionWriterTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static MskRules rules;

    @BeforeAll
    static void load() {
        rules = MskRules.builder().build();
    }

    static Assessment saddle() throws Exception {
        String json = Files.readString(Path.of("../examples/referral-back-pain-saddle-numbness.json"));
        return rules.assess(ReferralJson.read(json, AS_OF), AS_OF);
    }

    @Test
    void saddleNumbnessIsAStatCaudaEquinaActionWithTheScreenStillOpen() throws Exception {
        Assessment a = saddle();
        FhirDecision d = ConceptMapTest.FHIR.decision(a, "Patient/123");
        // SCR-CES-001 is open (the bilateral leg deficit and sexual dysfunction questions are not recorded).
        assertThat(d.guidance().getStatus()).isEqualTo(GuidanceResponse.GuidanceResponseStatus.DATAREQUIRED);
        RequestGroup.RequestGroupActionComponent first = d.requestGroup().getActionFirstRep();
        assertThat(first.getId()).isEqualTo("RF-CES-001");
        assertThat(first.getPriority()).isEqualTo(RequestGroup.RequestPriority.STAT);
        assertThat(d.requestGroup().getAction()).extracting(RequestGroup.RequestGroupActionComponent::getId)
                .contains("SCR-CES-001", "route");
        assertThat(d.provenance().getEntityFirstRep().getWhat().getIdentifier().getValue()).isEqualTo(rules.contentHash());
        assertThat(d.provenance().getPolicy().get(0).getValue()).endsWith("msk-referral|" + rules.version());
        assertThat(d.guidance().getSubject().getReference()).isEqualTo("Patient/123");
    }

    @Test
    void eachOpenScreenGetsAQuestionnaireAskingExactlyWhatIsMissing() throws Exception {
        Assessment a = saddle();
        FhirDecision d = ConceptMapTest.FHIR.decision(a, null);
        assertThat(d.questionnaires()).extracting(Questionnaire::getId)
                .containsExactlyElementsOf(a.incompleteScreens().stream().map(s -> Questionnaires.id(s.screen())).distinct().toList());
        Questionnaire ces = d.questionnaires().stream().filter(q -> q.getId().equals("msk-screen-cauda-equina")).findFirst().orElseThrow();
        var missing = a.incompleteScreens().stream().filter(s -> s.ruleId().equals("SCR-CES-001")).findFirst().orElseThrow().missing();
        assertThat(ces.getItem()).extracting(Questionnaire.QuestionnaireItemComponent::getLinkId)
                .containsExactlyElementsOf(missing.stream().map(p -> p.substring("/findings/".length())).toList());
        assertThat(d.guidance().getDataRequirement()).hasSizeGreaterThanOrEqualTo(missing.size());
    }

    @Test
    void answeringTheGeneratedQuestionnaireClosesItsScreen() throws Exception {
        Assessment a = saddle();
        FhirReferrals fhir = ConceptMapTest.FHIR;
        Questionnaire ces = fhir.decision(a, null).questionnaires().stream()
                .filter(q -> q.getId().equals("msk-screen-cauda-equina")).findFirst().orElseThrow();
        // The clinician answers every question No, as a QuestionnaireResponse to the generated Questionnaire.
        org.hl7.fhir.r4.model.QuestionnaireResponse answers = new org.hl7.fhir.r4.model.QuestionnaireResponse();
        answers.setStatus(org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        answers.setQuestionnaire(ces.getUrl());
        for (Questionnaire.QuestionnaireItemComponent item : ces.getItem()) {
            answers.addItem().setLinkId(item.getLinkId()).addAnswer()
                    .setValue(item.getAnswerOption().get(1).getValueCoding()); // No
        }
        String json = Files.readString(Path.of("../examples/referral-back-pain-saddle-numbness.json"));
        org.hl7.fhir.r4.model.Bundle bundle = fhir.toBundle(ReferralJson.read(json, AS_OF));
        bundle.addEntry().setResource(answers);
        Assessment after = rules.assess(fhir.readBundle(fhir.toJson(bundle)).referral(), AS_OF);
        assertThat(a.incompleteScreens()).extracting(s -> s.ruleId()).contains("SCR-CES-001");
        assertThat(after.incompleteScreens()).extracting(s -> s.ruleId()).doesNotContain("SCR-CES-001");
        // The emergency stands: saddle anaesthesia is still present.
        assertThat(after.redFlags()).extracting(f -> f.ruleId()).contains("RF-CES-001");
    }

    @Test
    void withEveryScreenCompleteTheGuidanceIsSuccess() {
        Referral r = Referral.builder().ageYears(30).sex(Sex.FEMALE).referralDate(LocalDate.of(2026, 11, 20))
                .region(BodyRegion.KNEE).painScore(3).absent(Finding.values()).build();
        Assessment a = rules.assess(r, AS_OF);
        assertThat(a.screensComplete()).isTrue();
        FhirDecision d = ConceptMapTest.FHIR.decision(a, null);
        assertThat(d.guidance().getStatus()).isEqualTo(GuidanceResponse.GuidanceResponseStatus.SUCCESS);
        assertThat(d.questionnaires()).isEmpty();
        assertThat(d.requestGroup().getAction()).extracting(RequestGroup.RequestGroupActionComponent::getId).contains("route");
    }
}
