package org.mskrules.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The lines of a line-oriented input (JSON Lines, CSV), one at a time, for files and streams that may
 * be large, partly wrong or endless. Every line is accounted for, so that a caller can answer for each
 * one:
 *
 * <ul>
 *   <li>Lines end at LF or CR LF; a last line without an ending is still a line, and an input
 *       that ends with a line ending has no empty line after it. An empty line is returned as
 *       {@code ""}. A lone CR (not followed by LF) is a character of its line, not an ending: JSON
 *       Lines ends records at LF, and a CR inside a record must not split it into two, which would
 *       break "one answer per line" for every line after it.</li>
 *   <li>From bytes ({@link #utf8}), each line is decoded as UTF-8 on its own: a line that is not valid
 *       UTF-8 is returned as a marker that {@link #isMalformed} recognises, and only that line is lost, while a correctly encoded
 *       U+FFFD is just a character. Nothing is guessed or replaced.</li>
 *   <li>A line longer than the maximum ({@link #maxLine()}, in bytes from a stream, in characters
 *       from a {@code Reader}) is returned as a marker that {@link #isTooLong} recognises: it is skipped to its end without
 *       being held, so that one runaway line cannot exhaust memory and end the whole run.</li>
 *   <li>A byte order mark (U+FEFF) at the start of the first line is removed.</li>
 * </ul>
 *
 * <pre>{@code
 * try (LineSource lines = LineSource.utf8(System.in, LineSource.DEFAULT_MAX_LINE)) {
 *     for (String line = lines.next(); line != null; line = lines.next()) {
 *         if (LineSource.isMalformed(line)) ...   // line lines.lineNumber() is not UTF-8
 *         else if (LineSource.isTooLong(line)) ...
 *         else ...                                 // the text of the line, without its ending
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one reader at a time.
 */
public abstract class LineSource implements AutoCloseable {
    /**
     * The default longest line, 64 KiB: a CSV record is usually a few hundred bytes and a JSON
     * document a few kilobytes, so this leaves room for long ids and free text without letting one line hold
     * the heap.
     */
    public static final int DEFAULT_MAX_LINE = 64 * 1024;

    // Markers compared by identity: a line that reads the same is still a line. Callers test with
    // isMalformed and isTooLong, so the markers need not be visible outside the package.
    /** Returned for a line whose bytes are not valid UTF-8. */
    static final String MALFORMED = new String("\u0000malformed");
    /** Returned for a line longer than the maximum. */
    static final String TOO_LONG = new String("\u0000too long");

    private static final char BOM = '\uFEFF';

    private final int maxLine;
    private long lineNumber;

    private LineSource(int maxLine) {
        if (maxLine < 1) {
            throw new IllegalArgumentException("maxLine must be at least 1 but was [" + maxLine + "]");
        }
        this.maxLine = maxLine;
    }

    /** Lines decoded from UTF-8 bytes, each at most {@link #DEFAULT_MAX_LINE} bytes. The stream is closed by {@link #close}. */
    public static LineSource utf8(InputStream in) {
        return utf8(in, DEFAULT_MAX_LINE);
    }

    /** Lines decoded from UTF-8 bytes, each at most {@code maxLine} bytes. The stream is closed by {@link #close}. */
    public static LineSource utf8(InputStream in, int maxLine) {
        return new Utf8Lines(Objects.requireNonNull(in, "in"), maxLine);
    }

    /**
     * Lines of already decoded text, each at most {@link #DEFAULT_MAX_LINE} characters. The characters
     * are taken as they are: no line is ever {@linkplain #isMalformed malformed}. The reader is closed by {@link #close}.
     */
    public static LineSource of(Reader reader) {
        return of(reader, DEFAULT_MAX_LINE);
    }

    /** As {@link #of(Reader)}, each line at most {@code maxLine} characters. */
    public static LineSource of(Reader reader, int maxLine) {
        return new CharLines(Objects.requireNonNull(reader, "reader"), maxLine);
    }

    /**
     * The next line without its ending: its text, a marker for a line that is not valid
     * UTF-8 ({@link #isMalformed}) or longer than the maximum ({@link #isTooLong}); {@code null} at the end of the
     * input.
     *
     * @throws IOException if the input cannot be read
     */
    public final String next() throws IOException {
        return next(false);
    }

    /**
     * As {@link #next}, except that a line longer than the maximum is returned as its marker
     * ({@link #isTooLong}) as soon as the maximum is passed, without reading on to its end; the source should not be read
     * after that. For a line whose length ends the whole read, such as a CSV header: an endless one
     * ({@code /dev/zero}) then cannot hold the reader.
     *
     * @throws IOException if the input cannot be read
     */
    public final String nextOrStop() throws IOException {
        return next(true);
    }

    private String next(boolean stopWhenTooLong) throws IOException {
        String line = read(stopWhenTooLong);
        if (line == null) {
            return null;
        }
        lineNumber++;
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BOM) {
            line = line.substring(1);
        }
        return line;
    }

    /** The number of the line {@link #next} returned last, from 1; 0 before the first. */
    public final long lineNumber() {
        return lineNumber;
    }

    /** The longest line returned as text, in bytes (from a stream) or characters (from a reader). */
    public final int maxLine() {
        return maxLine;
    }

    /** Whether {@code line}, as returned by {@link #next}, stands for a line that is not valid UTF-8. */
    public static boolean isMalformed(String line) {
        return line == MALFORMED;
    }

    /** Whether {@code line}, as returned by {@link #next}, stands for a line longer than the maximum. */
    public static boolean isTooLong(String line) {
        return line == TOO_LONG;
    }

    /**
     * The next line as {@link #next} describes it, before the byte order mark is removed; with
     * {@code stopWhenTooLong}, {@link #TOO_LONG} as soon as the line passes the maximum.
     */
    abstract String read(boolean stopWhenTooLong) throws IOException;

    @Override
    public abstract void close() throws IOException;

    /** Lines of already decoded text. */
    private static final class CharLines extends LineSource {
        private final Reader in;
        private final char[] buffer = new char[1 << 16];
        private int position;
        private int limit;
        private final StringBuilder line = new StringBuilder(256);

        CharLines(Reader in, int maxLine) {
            super(maxLine);
            this.in = in;
        }

        @Override
        String read(boolean stopWhenTooLong) throws IOException {
            line.setLength(0);
            boolean any = false;
            boolean tooLong = false;
            while (true) {
                if (position == limit && !fill()) {
                    return !any ? null : tooLong ? TOO_LONG : line.toString();
                }
                char c = buffer[position++];
                any = true;
                if (c == '\n') {
                    return tooLong ? TOO_LONG : line.toString();
                }
                if (c == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                    return tooLong ? TOO_LONG : line.toString();
                }
                if (line.length() == maxLine()) {
                    if (stopWhenTooLong) {
                        return TOO_LONG;
                    }
                    tooLong = true;
                    line.setLength(0);
                }
                if (!tooLong) {
                    line.append(c);
                }
            }
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer, 0, buffer.length);
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Lines of UTF-8 bytes, each decoded on its own. */
    private static final class Utf8Lines extends LineSource {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private byte[] line;

        Utf8Lines(InputStream in, int maxLine) {
            super(maxLine);
            this.in = in;
            this.line = new byte[Math.min(256, maxLine)];
        }

        @Override
        String read(boolean stopWhenTooLong) throws IOException {
            int length = 0;
            boolean any = false;
            boolean tooLong = false;
            while (true) {
                if (position == limit && !fill()) {
                    return !any ? null : tooLong ? TOO_LONG : decode(length);
                }
                byte b = buffer[position++];
                any = true;
                if (b == '\n') {
                    return tooLong ? TOO_LONG : decode(length);
                }
                if (b == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                    return tooLong ? TOO_LONG : decode(length);
                }
                if (length == maxLine()) {
                    if (stopWhenTooLong) {
                        return TOO_LONG;
                    }
                    tooLong = true;
                    length = 0;
                }
                if (!tooLong) {
                    if (length == line.length) {
                        // Grows with the longest line seen, never past the maximum.
                        line = Arrays.copyOf(line, (int) Math.min(line.length * 2L, maxLine()));
                    }
                    line[length++] = b;
                }
            }
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer, 0, buffer.length);
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        }

        private String decode(int length) {
            boolean ascii = true;
            for (int i = 0; i < length && ascii; i++) {
                ascii = line[i] >= 0;
            }
            if (ascii) {
                return new String(line, 0, length, StandardCharsets.ISO_8859_1);
            }
            try {
                return decoder.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
            } catch (CharacterCodingException e) {
                return MALFORMED;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
