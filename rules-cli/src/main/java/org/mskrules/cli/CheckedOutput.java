package org.mskrules.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * An output whose every failed write ends the run: a {@link java.io.PrintStream} keeps an
 * {@link IOException} to itself (a closed pipe, a full disk), so this stream, under the print stream,
 * turns each into an {@link Failure}, which the print stream lets through and the command line turns
 * into the exit code for failed output. It counts the complete lines that reached the stream below,
 * so that the message can say how much was written. Not thread-safe; one per output.
 */
final class CheckedOutput extends FilterOutputStream {
    private long lines;

    CheckedOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new Failure(e, lines);
        }
        if (b == '\n') {
            lines++;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new Failure(e, lines);
        }
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                lines++;
            }
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new Failure(e, lines);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new Failure(e, lines);
        }
    }

    /**
     * A write to the output failed: the run stops, and exits with {@link MskRulesCli#OUTPUT_FAILED}.
     * {@code linesWritten} is the number of complete lines that reached the output before it failed,
     * or -1 if that is not known.
     */
    static final class Failure extends UncheckedIOException {
        private final long linesWritten;

        Failure(IOException cause, long linesWritten) {
            super(cause);
            this.linesWritten = linesWritten;
        }

        long linesWritten() {
            return linesWritten;
        }
    }
}
