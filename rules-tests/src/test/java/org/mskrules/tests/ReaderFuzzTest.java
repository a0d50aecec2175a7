package org.mskrules.tests;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mskrules.msk.waitinglist.EntryFormat;

/**
 * Issue 15's coverage-guided fuzzing of the four readers with Jazzer, checking what
 * {@link ReaderFuzzProperties} checks: a reader refuses its input only with the library's own
 * exception and documented codes, every message quotes at most a short excerpt, and a list's entries
 * are each answered once, in input order.
 *
 * <p>In {@code mvn verify} (Jazzer's regression mode) each method runs once on every input in
 * {@code src/test/resources/org/mskrules/tests/ReaderFuzzTestInputs/<method>/}: the bad-input corpus,
 * the examples, and every input that once broke a reader ({@code crash-*}, {@code regression-*}).
 * On demand, fuzz one method at a time for up to {@code maxDuration}; a crash is written to that
 * folder, where it becomes a regression case once committed:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -pl rules-tests -am test -Dtest='ReaderFuzzTest#referralReader' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class ReaderFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void referralReader(byte[] input) {
        ReaderFuzzProperties.referral(input);
    }

    @FuzzTest(maxDuration = "10m")
    void profileReader(byte[] input) {
        ReaderFuzzProperties.profile(input);
    }

    @FuzzTest(maxDuration = "10m")
    void csvListReader(byte[] input) {
        ReaderFuzzProperties.list(input, EntryFormat.CSV);
    }

    @FuzzTest(maxDuration = "10m")
    void jsonLinesListReader(byte[] input) {
        ReaderFuzzProperties.list(input, EntryFormat.JSON_LINES);
    }
}
