package org.mskrules.msk.waitinglist;

import java.io.BufferedReader;
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
 * line is lost), while a correctly encoded U+FFFD is just a character. Not thread-safe.
 */
abstract class LineSource implements AutoCloseable {
    /** A line, or {@link #MALFORMED} for a line that is not valid UTF-8; {@code null} at the end. */
    abstract String next() throws IOException;

    /** Returned for a line whose bytes are not valid UTF-8; compare by identity. */
    static final String MALFORMED = new String("\u0000malformed");

    @Override
    public abstract void close() throws IOException;

    static LineSource of(Reader reader) {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        return new LineSource() {
            @Override
            String next() throws IOException {
                return in.readLine();
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
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
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return any ? decode(length) : null;
                    }
                }
                byte b = buffer[position++];
                any = true;
                if (b == '\n') {
                    return decode(length);
                }
                if (b == '\r') {
                    if (position == limit) {
                        limit = in.read(buffer, 0, buffer.length);
                        position = 0;
                        if (limit <= 0) {
                            limit = 0;
                            return decode(length);
                        }
                    }
                    if (buffer[position] == '\n') {
                        position++;
                    }
                    return decode(length);
                }
                if (length == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[length++] = b;
            }
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
