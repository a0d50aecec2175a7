package org.mskrules.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.LineSource;
import org.mskrules.core.Violation;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.MskRules;

/**
 * Assesses referral JSON Lines: one output line for each input line, in input order, each a decision
 * or an error naming the line, so that lines in = decisions + errors. Lines are assessed on a small
 * pool of threads and written in order; at most {@link #WINDOW} lines (and {@link #WINDOW_CHARS}
 * characters of input) are in flight, so memory does not grow with the input. One per run; not
 * thread-safe itself.
 */
final class ReferralBatch {
    static final int WINDOW = 512;
    static final long WINDOW_CHARS = 16L << 20;

    private final MskRules rules;
    private final LocalDate asOf;
    private final int threads;

    /** What a run did: every line read is decided or rejected; {@code failed} of the rejected are internal failures. */
    record Counts(long read, long decided, long rejected, long failed, Throwable firstFailure) {
        boolean complete() {
            return read == decided + rejected;
        }
    }

    /** One line's output, and how it counts. */
    private record Result(String json, boolean decided, Throwable failure) {
    }

    private record Pending(Future<Result> result, int chars) {
    }

    ReferralBatch(MskRules rules, LocalDate asOf, int threads) {
        this.rules = rules;
        this.asOf = asOf;
        this.threads = Math.max(1, threads);
    }

    static int defaultThreads() {
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    /** Reads every line of {@code in} (not closed here), writes one output line per input line to {@code out}. */
    Counts run(InputStream in, PrintStream out, Progress progress) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        AtomicInteger names = new AtomicInteger();
        // Drools finds its runtime through the context class loader: the workers get the caller's.
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "msk-rules-assess-" + names.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        });
        Tally tally = new Tally();
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        long pendingChars = 0;
        CountingStream counted = new CountingStream(in);
        try {
            LineSource lines = LineSource.utf8(counted, ReferralLines.MAX_LINE);
            String line;
            while ((line = lines.next()) != null) {
                long number = lines.lineNumber();
                tally.read++;
                String text = line;
                Future<Result> result = pool == null || LineSource.isTooLong(text) || LineSource.isMalformed(text)
                        || text.isBlank() ? CompletableFuture.completedFuture(assess(number, text))
                        : pool.submit(() -> assess(number, text));
                int chars = LineSource.isTooLong(text) || LineSource.isMalformed(text) ? 0 : text.length();
                pending.add(new Pending(result, chars));
                pendingChars += chars;
                // Write whatever is finished at the head, and wait for the head when too much is in flight.
                while (!pending.isEmpty() && (pending.size() > WINDOW || pendingChars > WINDOW_CHARS
                        || pending.peek().result().isDone())) {
                    Pending head = pending.poll();
                    pendingChars -= head.chars();
                    write(head, out, tally, progress);
                }
                progress.update(tally.read, counted.count);
            }
            while (!pending.isEmpty()) {
                write(pending.poll(), out, tally, progress);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            progress.clear();
            out.flush();
        }
        return new Counts(tally.read, tally.decided, tally.rejected, tally.failed, tally.firstFailure);
    }

    /** The output line for one input line; never throws for a problem with the line or the rules. */
    private Result assess(long number, String line) {
        ReferralLines.Read read = ReferralLines.read(line, asOf);
        if (!read.ok()) {
            return new Result(OutputLines.rejected(number, null, read.problems()), false, null);
        }
        try {
            Assessment assessment = rules.assess(read.referral(), asOf);
            return new Result(OutputLines.decided(number, assessment), true, null);
        } catch (InvalidInputException e) {
            return new Result(OutputLines.rejected(number, null, e.violations()), false, null);
        } catch (RuntimeException e) {
            // A defect or a broken rule set, not a problem with the line: the line still gets its output
            // line, and the run ends with the internal-failure exit code.
            return new Result(OutputLines.rejected(number, null, List.of(new Violation("", "INTERNAL_FAILURE",
                    "the line could not be assessed: " + e))), false, e);
        }
    }

    private static void write(Pending p, PrintStream out, Tally tally, Progress progress) {
        Result r;
        try {
            r = p.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while assessing", e);
        } catch (ExecutionException e) {
            // Only an Error escapes assess: nothing sensible can be written for the line.
            throw new IllegalStateException("assessing a line failed", e.getCause());
        }
        progress.beforeOutput();
        out.print(r.json() + "\n");
        if (r.decided()) {
            tally.decided++;
        } else {
            tally.rejected++;
            if (r.failure() != null) {
                tally.failed++;
                if (tally.firstFailure == null) {
                    tally.firstFailure = r.failure();
                }
            }
        }
    }

    private static final class Tally {
        long read;
        long decided;
        long rejected;
        long failed;
        Throwable firstFailure;
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // The caller closes the underlying stream.
        }
    }
}
