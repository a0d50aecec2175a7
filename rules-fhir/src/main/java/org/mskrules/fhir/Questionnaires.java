package org.mskrules.fhir;

import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.mskrules.msk.Finding;
import org.mskrules.msk.Screen;

/**
 * Makes the Questionnaire for one open screen from the items the rules list as missing, so the
 * questions asked are exactly what the decision needs. Link ids are the referral model's names
 * ({@code SADDLE_ANAESTHESIA}, {@code SADDLE_ANAESTHESIA/onset}, {@code symptomOnset},
 * {@code painScore}), which is how the reader takes the answers back. Each yes/no question offers
 * Unknown as well: not knowing stays not recorded. Stateless.
 */
final class Questionnaires {
    private Questionnaires() {
    }

    static String id(Screen screen) {
        return "msk-screen-" + screen.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Questionnaire forScreen(Screen screen, Set<String> missing, BundleWriter codes, String ruleSetId, String version) {
        Questionnaire q = new Questionnaire();
        q.setId(id(screen));
        q.setUrl(FhirCodes.QUESTIONNAIRE_BASE + id(screen));
        q.setVersion(ruleSetId + "-" + version);
        q.setName(screen.name());
        q.setTitle(DecisionWriter.words(screen.name()) + " screen");
        q.setStatus(PublicationStatus.DRAFT);
        q.addSubjectType("Patient");
        for (String pointer : missing) {
            Finding f = DecisionWriter.findingOf(pointer);
            QuestionnaireItemComponent item = q.addItem();
            item.setRequired(false);
            if (f != null && pointer.endsWith("/onset")) {
                item.setLinkId(f.name() + "/onset");
                item.setText("When did it begin? " + f.description());
                item.setType(QuestionnaireItemType.DATE);
            } else if (f != null) {
                item.setLinkId(f.name());
                item.setText(f.description());
                item.setType(QuestionnaireItemType.CHOICE);
                item.setCode(codes.code(f).getCoding());
                item.addAnswerOption().setValue(new Coding(FhirCodes.SNOMED, FhirCodes.YES, "Yes"));
                item.addAnswerOption().setValue(new Coding(FhirCodes.SNOMED, FhirCodes.NO, "No"));
                item.addAnswerOption().setValue(new Coding(FhirCodes.SNOMED, FhirCodes.UNKNOWN, "Unknown"));
            } else if (pointer.equals("/symptomOnset")) {
                item.setLinkId("symptomOnset");
                item.setText("When did the current episode begin?");
                item.setType(QuestionnaireItemType.DATE);
            } else if (pointer.equals("/painScore")) {
                item.setLinkId("painScore");
                item.setText("Current pain on a 0-10 scale (0 no pain, 10 worst imaginable)");
                item.setType(QuestionnaireItemType.INTEGER);
                item.addCode(new Coding(FhirCodes.LOINC, FhirCodes.PAIN_SCORE_LOINC, null));
            } else {
                item.setLinkId(pointer.substring(1));
                item.setText("Record " + pointer.substring(1));
                item.setType(QuestionnaireItemType.STRING);
            }
        }
        return q;
    }
}
