package org.mskrules.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSourceTest {

    private static List<String> lines(LineSource source) throws IOException {
        List<String> all = new ArrayList<>();
        try (source) {
            for (String line = source.next(); line != null; line = source.next()) {
                all.add(LineSource.isMalformed(line) ? "<MALFORMED>" : LineSource.isTooLong(line) ? "<TOO_LONG>" : line);
                assertThat(source.lineNumber()).isEqualTo(all.size());
            }
        }
        return all;
    }

    private static List<String> utf8(byte[] bytes, int maxLine) throws IOException {
        return lines(LineSource.utf8(new ByteArrayInputStream(bytes), maxLine));
    }

    private static List<String> utf8(String text) throws IOException {
        return utf8(text.getBytes(StandardCharsets.UTF_8), LineSource.DEFAULT_MAX_LINE);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void linesEndAtLfOrCrLfAndEmptyLinesAreLinesButNoLineFollowsTheLastEnding() throws IOException {
        String text = "a\nb\r\nc\rd\n\n\r\ne";
        // Issue 15 (failure 6): a lone CR is a character of its line, so it cannot split one record into two.
        List<String> expected = List.of("a", "b", "c\rd", "", "", "e");
        assertThat(utf8(text)).containsExactlyElementsOf(expected);
        assertThat(lines(LineSource.of(new StringReader(text)))).containsExactlyElementsOf(expected);
        assertThat(utf8("a\n")).containsExactly("a");
        assertThat(utf8("a\r\n")).containsExactly("a");
        assertThat(utf8("\n")).containsExactly("");
        assertThat(utf8("")).isEmpty();
        assertThat(lines(LineSource.of(new StringReader("")))).isEmpty();
    }

    @Test
    void aCrLfSplitAcrossReadsIsOneEnding() throws IOException {
        // The internal buffer is 64 KiB: put CR as its last byte and LF as the first of the next read.
        String first = "x".repeat((1 << 16) - 1);
        String text = first + "\r\nnext\n";
        assertThat(utf8(bytes(text), 1 << 20)).containsExactly(first, "next");
        assertThat(lines(LineSource.of(new StringReader(text), 1 << 20))).containsExactly(first, "next");
        // A stream that hands over one byte at a time ends lines the same way.
        assertThat(lines(LineSource.utf8(new OneByteAtATime(bytes("a\r\nb\rc\r\n"))))).containsExactly("a", "b\rc");
    }

    @Test
    void nextOrStopGivesUpOnALineAsSoonAsItPassesTheMaximum() throws IOException {
        // Issue 15 (failure 5): an endless header is not read to its end.
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                served += len;
                if (served > 1L << 30) {
                    throw new AssertionError("read a gigabyte of one line");
                }
                return len;
            }
        };
        try (LineSource lines = LineSource.utf8(endless, 1024)) {
            assertThat(LineSource.isTooLong(lines.nextOrStop())).isTrue();
        }
        try (LineSource lines = LineSource.of(new StringReader("a".repeat(2000) + "\nb"), 1024)) {
            assertThat(LineSource.isTooLong(lines.nextOrStop())).isTrue();
        }
        try (LineSource lines = LineSource.utf8(new java.io.ByteArrayInputStream(bytes("short\nnext")), 1024)) {
            assertThat(lines.nextOrStop()).isEqualTo("short");
            assertThat(lines.next()).isEqualTo("next");
        }
    }

    @Test
    void aLineThatIsNotUtf8IsMalformedOnItsOwnAndAnEncodedReplacementCharacterIsText() throws IOException {
        byte[] input = concat(bytes("ok 1\nBj"), new byte[] {(byte) 0xF6}, bytes("rk\n"), // Latin-1 ö
                bytes("ok 2\ncut "), new byte[] {(byte) 0xC3}, // a truncated sequence at the end of a line
                bytes("\nK\uFFFD1 Ødegård\n"), new byte[] {(byte) 0xFF, (byte) 0xFE});
        assertThat(utf8(input, LineSource.DEFAULT_MAX_LINE))
                .containsExactly("ok 1", "<MALFORMED>", "ok 2", "<MALFORMED>", "K\uFFFD1 Ødegård", "<MALFORMED>");
    }

    @Test
    void aLineLongerThanTheMaximumIsTooLongAndReadingGoesOn() throws IOException {
        assertThat(utf8(bytes("12345\n123456\n1234567\nabc"), 6)).containsExactly("12345", "123456", "<TOO_LONG>", "abc");
        assertThat(lines(LineSource.of(new StringReader("123456\n1234567\r\nabc"), 6)))
                .containsExactly("123456", "<TOO_LONG>", "abc");
        // The maximum counts bytes from a stream: "é" is two.
        assertThat(utf8(bytes("ééé\néé\n"), 5)).containsExactly("<TOO_LONG>", "éé");
        // A line far longer than the maximum, and longer than the read buffer, is skipped to its end.
        String huge = "X".repeat(3 * (1 << 20));
        assertThat(utf8(bytes("first\n" + huge + "\nlast\n"), 1 << 20)).containsExactly("first", "<TOO_LONG>", "last");
        assertThat(utf8(bytes(huge), 1 << 20)).containsExactly("<TOO_LONG>");
    }

    @Test
    void aByteOrderMarkIsRemovedFromTheFirstLineOnly() throws IOException {
        assertThat(utf8("\uFEFFa\n\uFEFFb\n")).containsExactly("a", "\uFEFFb");
        assertThat(utf8("\uFEFF\nb")).containsExactly("", "b");
        assertThat(utf8("\uFEFF\r\n")).containsExactly("");
        assertThat(lines(LineSource.of(new StringReader("\uFEFFa\r\nb")))).containsExactly("a", "b");
    }

    @Test
    void theMarkersAreToldByIdentityNotByText() throws IOException {
        String lookalike = new String(LineSource.MALFORMED);
        List<String> read = new ArrayList<>();
        try (LineSource source = LineSource.utf8(new ByteArrayInputStream(bytes(lookalike + "\n")))) {
            read.add(source.next());
        }
        assertThat(read.get(0)).isEqualTo(LineSource.MALFORMED);
        assertThat(LineSource.isMalformed(read.get(0))).isFalse();
        assertThat(LineSource.isTooLong(new String(LineSource.TOO_LONG))).isFalse();
    }

    @Test
    void theMaximumIsConfigurableAndMustBePositiveAndCloseClosesTheInput() throws IOException {
        assertThat(LineSource.utf8(InputStream.nullInputStream()).maxLine()).isEqualTo(LineSource.DEFAULT_MAX_LINE);
        assertThat(LineSource.utf8(InputStream.nullInputStream(), 1 << 20).maxLine()).isEqualTo(1 << 20);
        assertThatThrownBy(() -> LineSource.utf8(InputStream.nullInputStream(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LineSource.of(new StringReader(""), -1)).isInstanceOf(IllegalArgumentException.class);
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        LineSource.utf8(in).close();
        assertThat(closed[0]).isTrue();
    }

    /** Hands over one byte per read, as a slow pipe may. */
    private static final class OneByteAtATime extends InputStream {
        private final byte[] bytes;
        private int next;

        OneByteAtATime(byte[] bytes) {
            this.bytes = Arrays.copyOf(bytes, bytes.length);
        }

        @Override
        public int read() {
            return next < bytes.length ? bytes[next++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }
    }
}
