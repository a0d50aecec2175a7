package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.ReferralJson;
import org.mskrules.msk.waitinglist.EntryFormat;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * Nothing a patient's record holds reaches the logs at INFO or above: the library logs one line per
 * rule set loaded, and what Drools logs (on loading a rule set) names rule sets, not inputs. Everything
 * written to standard output and error while rule sets load, referrals are assessed or rejected and a
 * waiting list is reviewed is captured and searched for distinctive values taken from the inputs.
 */
class NoPatientDataInLogsTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    /** Values that appear nowhere but in these inputs. */
    private static final List<String> MARKERS = List.of("ZQX-REF-4711", "ZQX-WL-0815", "ZQX-BAD-9001", "2026-10-17",
            "2023-03-29");

    @Test
    void whatTheLibraryAndDroolsLogHoldsNoValueFromAnInput() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            // A fresh registry, so that Drools loads and logs here, not in an earlier test.
            RuleSetRegistry registry = RuleSetRegistry.fromClasspath();
            MskRules rules = MskRules.builder().registry(registry).build();
            rules.assess(ReferralJson.read("""
                    {"referralId": "ZQX-REF-4711", "ageYears": 71, "sex": "FEMALE", "referralDate": "2026-10-17",
                     "regions": ["LUMBAR_SPINE"], "findings": {"CANCER_HISTORY": "PRESENT", "NIGHT_PAIN": "PRESENT"}}
                    """, AS_OF), AS_OF);
            try {
                ReferralJson.read("{\"referralId\": \"ZQX-BAD-9001\", \"ageYears\": 999, \"referralDate\": \"2026-10-17\"}", AS_OF);
            } catch (InvalidInputException expected) {
                // The rejection goes to the caller, who decides where it is shown; it is not logged.
            }
            WaitingListRules.builder().registry(registry).build().review(new ByteArrayInputStream((
                    "entryId,category,received,firstContact\nZQX-WL-0815,PRIORITY,2023-03-29,\nZQX-WL-0815,PRIORITY,2023-03-29,\n")
                    .getBytes(StandardCharsets.UTF_8)), EntryFormat.CSV, LocalDate.of(2023, 11, 20));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        // The capture works: loading a rule set is logged at INFO (the library's line; since issue 20's
        // start-up change Drools' class-path container, which logged "Found kmodule", is not used).
        assertThat(log).contains("Loaded rule set msk-referral").contains("Loaded rule set msk-waiting-list");
        for (String marker : MARKERS) {
            assertThat(log).as("log output").doesNotContain(marker);
        }
    }
}
