package org.mskrules.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mskrules.core.Violation;

/**
 * What {@link JsonContract} reports on a contract of the test (contract/host-check.schema.json), with
 * the validator as this build has it. The expected values are those the library reported with
 * networknt 1.5.9, before the validator was upgraded and relocated (issue 20): codes, pointers and
 * sentences are the library's own, and only a keyword the library does not map
 * ({@code SCHEMA_VIOLATION}) carries the validator's sentence, after its location as 1.5.9 wrote it.
 */
class JsonContractTest {
    static final JsonContract CONTRACT = JsonContract.fromResource(JsonContractTest.class.getClassLoader(),
            HostValidatorVersionIT.SCHEMA);

    @Test
    void aKeywordTheLibraryDoesNotMapKeepsTheValidatorsSentenceAfterItsLocation() {
        assertThat(CONTRACT.check("{\"id\": \"abc\", \"ageYears\": 4, \"pair\": [1]}").violations()).containsExactly(
                new Violation("/pair", "SCHEMA_VIOLATION", "/pair: must have at least 2 items but found 1"));
    }

    @Test
    void everyOtherProblemHasTheLibrarysCodePointerAndSentence() {
        List<Violation> found = CONTRACT.check("""
                {"id": 5, "ageYears": 131, "onset": "2026-02-30", "seen": "23/11/2026", "side": "UP",
                 "codes": ["a", "a"], "extra": true, "findings": {"FEVR": {"status": "PRESENT"}, "FEVER": {}}}
                """).violations();
        assertThat(found).containsExactly(
                new Violation("/ageYears", "OUT_OF_RANGE", "[131] is above the maximum 130"),
                new Violation("/codes", "DUPLICATE_ITEM", "a value is listed more than once"),
                new Violation("/extra", "UNKNOWN_FIELD", "unknown field [extra]: the contract does not define it (names are case-sensitive)"),
                new Violation("/findings/FEVER/status", "REQUIRED", "[status] is required"),
                new Violation("/findings/FEVR", "UNKNOWN_CODE", "[FEVR] is not a known code"),
                new Violation("/id", "WRONG_TYPE", "must be a string but was an integer"),
                new Violation("/onset", "INVALID_DATE", "[2026-02-30] is not a date in the form YYYY-MM-DD"),
                new Violation("/seen", "INVALID_DATE", "[23/11/2026] is not a date in the form YYYY-MM-DD"),
                new Violation("/side", "UNKNOWN_CODE", "[UP] is not one of [LEFT, RIGHT, BOTH]"));
    }
}
