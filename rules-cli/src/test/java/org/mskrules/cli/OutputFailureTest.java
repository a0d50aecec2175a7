package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, failures 1, 2 and 9: output that fails is noticed. A full device or a closed pipe stops
 * the run at the first failed write with exit 4 and a message on standard error, never a summary
 * that claims what was not written; an output file that cannot be written is a usage error naming
 * the option. The real pipe and {@code /dev/full} of a separate process are in {@link ExecutableJarIT}.
 */
class OutputFailureTest {
    private static final String AS_OF = "2026-11-23";

    /** {@code n} copies of the first example referral, one a line. */
    private static byte[] referrals(int n) throws IOException {
        String line = Files.readAllLines(Path.of(Cli.REFERRALS)).get(0) + "\n";
        return line.repeat(n).getBytes(StandardCharsets.UTF_8);
    }

    private record Run(int exit, String err, long inputRead) {
    }

    /** Runs with standard output on {@code device}, as main builds it, and standard input {@code stdin}. */
    private static Run run(OutputStream device, byte[] stdin, String... args) {
        CountingInput in = new CountingInput(new ByteArrayInputStream(stdin));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = MskRulesCli.run(args, in, MskRulesCli.standardOutput(device),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
        return new Run(exit, err.toString(StandardCharsets.UTF_8), in.count);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDeviceEndsABatchWithTheOutputFailureCodeAndNoSummaryClaimingTheLines() throws IOException {
        try (FileOutputStream full = new FileOutputStream("/dev/full")) {
            Run r = run(full, referrals(300), "assess", "-", "--as-of", AS_OF);
            assertThat(r.exit()).as(r.err()).isEqualTo(MskRulesCli.OUTPUT_FAILED);
            assertThat(r.err()).contains("output failed").contains("the output is incomplete")
                    .doesNotContain("decided 300");
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDeviceEndsEveryKindOfOutput() throws IOException {
        try (FileOutputStream full = new FileOutputStream("/dev/full")) {
            assertThat(run(full, new byte[0], "assess", Cli.EXAMPLES + "referral-ankle-fracture-rehabilitation.json",
                    "--as-of", AS_OF).exit()).isEqualTo(MskRulesCli.OUTPUT_FAILED);
            assertThat(run(full, new byte[0], "waitlist", Cli.WAITING_LIST, "--as-of", "2023-11-20").exit())
                    .isEqualTo(MskRulesCli.OUTPUT_FAILED);
            Run jsonl = run(full, new byte[0], "waitlist", Cli.WAITING_LIST, "--as-of", "2023-11-20", "--jsonl");
            assertThat(jsonl.exit()).isEqualTo(MskRulesCli.OUTPUT_FAILED);
            assertThat(jsonl.err()).doesNotContain("read 28, decided");
            assertThat(run(full, new byte[0], "catalogue", "--rules-version", "1.0.0").exit())
                    .isEqualTo(MskRulesCli.OUTPUT_FAILED);
        }
    }

    @Test
    void aClosedPipeStopsABatchAtOnceWithoutReadingTheRestOfTheInput() throws IOException {
        byte[] input = referrals(20_000);
        Run r = run(new ClosedAfter(3), input, "assess", "-", "--as-of", AS_OF);
        assertThat(r.exit()).as(r.err()).isEqualTo(MskRulesCli.OUTPUT_FAILED);
        assertThat(r.err()).contains("output failed (Broken pipe)").doesNotContain("read 20000");
        // Stopped at the first failed write: at most a window of lines ahead was read, not the whole input.
        assertThat(r.inputRead()).isLessThan(input.length / 4);
    }

    @Test
    void aPrintStreamThatSwallowsItsErrorsIsStillAskedAtTheEnd() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(new ClosedAfter(0), true, StandardCharsets.UTF_8);
        int exit = MskRulesCli.run(new String[] {"catalogue", "--rules-version", "1.0.0"}, InputStream.nullInputStream(),
                quiet, new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
        assertThat(exit).isEqualTo(MskRulesCli.OUTPUT_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("output failed");
    }

    @Test
    void anOutputFileThatIsADirectoryOrInAMissingFolderIsAUsageErrorNamingTheOption(@TempDir Path dir) {
        Cli.Result directory = Cli.run("catalogue", "--rules-version", "1.0.0", "--output", dir.toString());
        assertThat(directory.exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(directory.err()).contains("--output [" + dir + "] is a directory").doesNotContain("Exception");
        Cli.Result missing = Cli.run("catalogue", "--rules-version", "1.0.0", "--output",
                dir.resolve("no/such/folder.md").toString());
        assertThat(missing.exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(missing.err()).contains("does not exist").doesNotContain("Exception");
        Cli.Result diff = Cli.run("diff", "--from", "1.0.0", "--to", "1.0.0", "--size", "10", "--json", dir.toString());
        assertThat(diff.exit()).isEqualTo(MskRulesCli.USAGE);
        assertThat(diff.err()).contains("--json [" + dir + "] is a directory");
    }

    /** A pipe whose reader has gone after {@code lines} lines: every later write fails as a closed pipe does. */
    private static final class ClosedAfter extends OutputStream {
        private final int lines;
        private int seen;

        ClosedAfter(int lines) {
            this.lines = lines;
        }

        @Override
        public void write(int b) throws IOException {
            if (seen >= lines) {
                throw new IOException("Broken pipe");
            }
            if (b == '\n') {
                seen++;
            }
        }
    }

    private static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
