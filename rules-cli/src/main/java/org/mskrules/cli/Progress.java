package org.mskrules.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * A progress bar on standard error for a long batch: redrawn in place with {@code \r}, at most four
 * times a second, and cleared at the end, so that it never mixes with the output. Drawn only when
 * {@link #wanted} says so. Not thread-safe: the reading thread updates it.
 */
final class Progress {
    /** A file larger than this is large from its first line. */
    static final long LARGE_FILE_BYTES = 1 << 20;
    /** Standard input, whose size is unknown, is large once this many lines have been read. */
    static final long LARGE_STREAM_LINES = 10_000;
    static final long MIN_INTERVAL_NANOS = 250_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private boolean sharesScreen;
    private final long totalBytes;
    private final LongSupplier nanoClock;
    private long lastDrawn;
    private int drawnWidth;
    private int draws;

    /**
     * @param terminal   whether standard error is a terminal
     * @param totalBytes the file's size, or -1 for standard input
     */
    Progress(PrintStream err, boolean terminal, long totalBytes, LongSupplier nanoClock) {
        this.err = err;
        this.terminal = terminal;
        this.totalBytes = totalBytes;
        this.nanoClock = nanoClock;
    }

    /**
     * Whether to draw a bar: only on a terminal (a bar in a log file is noise), and only for a large
     * input: a file over 1 MiB, or standard input after 10,000 lines.
     *
     * @param totalBytes the file's size, or -1 for standard input
     */
    static boolean wanted(boolean terminal, long totalBytes, long linesRead) {
        if (!terminal) {
            return false;
        }
        return totalBytes >= 0 ? totalBytes > LARGE_FILE_BYTES : linesRead > LARGE_STREAM_LINES;
    }

    /**
     * Whether the process's file descriptor {@code fd} (1 standard output, 2 standard error) is a
     * terminal. Java 17 cannot ask about one stream: {@code System.console()} is not null only when
     * standard input and output are both terminals. On Linux, {@code /proc/self/fd} says where each
     * goes; elsewhere the console is the answer for both.
     */
    static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /**
     * Before an output line goes to a terminal that the bar is drawn on too: the bar is removed, so
     * that the line is not written over it (it is drawn again at the next update).
     */
    void beforeOutput() {
        if (sharesScreen) {
            clear();
        }
    }

    /** After a line: redraws if a bar is wanted and a quarter of a second has passed since the last. */
    void update(long linesRead, long bytesRead) {
        if (!wanted(terminal, totalBytes, linesRead)) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (lastDrawn != 0 && now - lastDrawn < MIN_INTERVAL_NANOS) {
            return;
        }
        lastDrawn = now == 0 ? 1 : now;
        draws++;
        String text = render(linesRead, bytesRead);
        err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
        err.flush();
        drawnWidth = Math.max(drawnWidth, text.length());
    }

    /** Whether the output goes to the terminal the bar is drawn on (then the bar is removed before each line). */
    Progress sharingScreenWithOutput(boolean shares) {
        this.sharesScreen = shares;
        return this;
    }

    /** Removes the bar, if one was drawn, so that the summary starts on a clean line. */
    void clear() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }

    /** How many times the bar was drawn. */
    int draws() {
        return draws;
    }

    String render(long linesRead, long bytesRead) {
        if (totalBytes <= 0) {
            return linesRead + " lines read";
        }
        double done = Math.min(1.0, (double) bytesRead / totalBytes);
        int filled = (int) Math.round(done * WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + Math.round(done * 100) + "% "
                + linesRead + " lines read";
    }
}
