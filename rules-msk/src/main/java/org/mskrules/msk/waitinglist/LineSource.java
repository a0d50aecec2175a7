package org.mskrules.msk.waitinglist;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of an input, one at a time. Lines end at LF, CR or CR LF. From bytes, each line is
 * decoded as UTF-8 on its own, so that a line that is not valid UTF-8 is known to be so (and only that
 * line is lost), while a correctly encoded U+FFFD is just a character. A line longer than
 * {@link #MAX_LINE} is skipped to its end and reported as such, so that one runaway line cannot
 * exhaust memory and end the whole review. Not thread-safe.
 */
abstract class LineSource implements AutoCloseable {
    /**
     * The longest line read, in bytes (or characters from a {@code Reader}). A waiting-list entry
     * takes under 300; 64 KiB leaves room for long ids and answers without letting one line hold
     * the heap.
     */
    static final int MAX_LINE = 64 * 1024;

    /**
     * A line, {@link #MALFORMED} for a line that is not valid UTF-8, {@link #TOO_LONG} for a line
     * longer than {@link #MAX_LINE}; {@code null} at the end.
     */
    abstract String next() throws IOException;

    /** Returned for a line whose bytes are not valid UTF-8; compare by identity. */
    static final String MALFORMED = new String("\u0000malformed");
    /** Returned for a line longer than {@link #MAX_LINE}; compare by identity. */
    static final String TOO_LONG = new String("\u0000too long");

    @Override
    public abstract void close() throws IOException;

    static LineSource of(Reader reader) {
        return new CharLines(reader);
    }

    /** Lines of already decoded text. */
    private static final class CharLines extends LineSource {
        private final Reader in;
        private final char[] buffer = new char[1 << 16];
        private int position;
        private int limit;
        private final StringBuilder line = new StringBuilder(256);

        CharLines(Reader in) {
            this.in = in;
        }

        @Override
        String next() throws IOException {
            line.setLength(0);
            boolean any = false;
            boolean tooLong = false;
            while (true) {
                if (position == limit && !fill()) {
                    return !any ? null : tooLong ? TOO_LONG : line.toString();
                }
                char c = buffer[position++];
                any = true;
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                        position++;
                    }
                    return tooLong ? TOO_LONG : line.toString();
                }
                if (line.length() == MAX_LINE) {
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

    static LineSource utf8(InputStream in) {
        return new Utf8Lines(in);
    }

    private static final class Utf8Lines extends LineSource {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private byte[] line = new byte[256];

        Utf8Lines(InputStream in) {
            this.in = in;
        }

        @Override
        String next() throws IOException {
            int length = 0;
            boolean any = false;
            boolean tooLong = false;
            while (true) {
                if (position == limit && !fill()) {
                    return !any ? null : tooLong ? TOO_LONG : decode(length);
                }
                byte b = buffer[position++];
                any = true;
                if (b == '\n' || b == '\r') {
                    if (b == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                        position++;
                    }
                    return tooLong ? TOO_LONG : decode(length);
                }
                if (length == MAX_LINE) {
                    tooLong = true;
                    length = 0;
                }
                if (!tooLong) {
                    if (length == line.length) {
                        line = Arrays.copyOf(line, Math.min(line.length * 2, MAX_LINE));
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
