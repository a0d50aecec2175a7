package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** When a progress bar is drawn, and how (with a clock the test sets, not a timed test). */
class ProgressTest {
    static final long MIB = 1 << 20;

    @Test
    void aBarIsWantedOnlyOnATerminalForAFileOverOneMebibyteOrStandardInputAfterTenThousandLines() {
        assertThat(Progress.wanted(true, MIB + 1, 0)).isTrue();
        assertThat(Progress.wanted(true, MIB, 1_000_000)).isFalse();
        assertThat(Progress.wanted(false, 100 * MIB, 1_000_000)).isFalse();
        assertThat(Progress.wanted(true, -1, 10_000)).isFalse();
        assertThat(Progress.wanted(true, -1, 10_001)).isTrue();
        assertThat(Progress.wanted(false, -1, 10_001)).isFalse();
        assertThat(Progress.wanted(true, 0, 20_000)).isFalse();
    }

    @Test
    void theBarIsRedrawnAtMostFourTimesASecondAndClearedAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        long[] now = {0};
        Progress p = new Progress(err, true, 4 * MIB, () -> now[0]);
        for (int line = 1; line <= 100; line++) {
            now[0] += 50_000_000L; // 50 ms a line: 5 seconds in all
            p.update(line, line * 40_000L);
        }
        assertThat(p.draws()).isBetween(19, 21);
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn).startsWith("\r[").contains("% ").contains(" lines read").doesNotContain("\n");
        p.clear();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("\r");
        assertThat(p.render(10, 2 * MIB)).isEqualTo("[###############...............] 50% 10 lines read");
    }

    @Test
    void nothingIsDrawnWhenNotWantedAndStandardInputCountsLines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Progress off = new Progress(err, false, 4 * MIB, () -> 0);
        off.update(1, 4 * MIB);
        off.clear();
        Progress small = new Progress(err, true, 100, () -> 0);
        small.update(1, 100);
        small.clear();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(new Progress(err, true, -1, () -> 0).render(12_345, 999)).isEqualTo("12345 lines read");
    }

    @Test
    void aBarOnTheScreenTheOutputIsWrittenToMakesWayForEachOutputLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        long[] now = {1};
        Progress shared = new Progress(err, true, 4 * MIB, () -> now[0]).sharingScreenWithOutput(true);
        shared.update(1, MIB);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("25%");
        shared.beforeOutput();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("\r");
        bytes.reset();
        Progress apart = new Progress(err, true, 4 * MIB, () -> now[0]);
        apart.update(1, MIB);
        apart.beforeOutput();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotEndWith("\r");
    }

    @Test
    void standardErrorRedirectedByTheTestRunnerIsNotATerminal() {
        // Surefire gives the test JVM pipes, not a terminal: no bar would be drawn here.
        assertThat(Progress.isTerminal(2)).isFalse();
    }
}
