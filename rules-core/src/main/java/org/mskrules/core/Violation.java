package org.mskrules.core;

import java.util.Objects;

/**
 * One problem with an input: where it is (a JSON Pointer such as {@code /findings/FEVER} or
 * {@code /ageYears}), a stable machine-readable code, and a sentence for a person.
 *
 * @param path    JSON Pointer to the offending field; {@code ""} for the whole record
 * @param code    stable error code, e.g. {@code REQUIRED}, {@code OUT_OF_RANGE}, {@code AFTER_AS_OF}
 * @param message what is wrong, with the offending value in brackets
 */
public record Violation(String path, String code, String message) {
    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The JSON Pointer to member {@code name} of the value at {@code parent}, escaped as RFC 6901
     * requires ({@code ~} as {@code ~0}, {@code /} as {@code ~1}), so that any name makes a pointer.
     */
    public static String pointer(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    /** The longest value, in characters, that {@link #shown} repeats in a message. */
    public static final int SHOWN_LENGTH = 40;

    /**
     * {@code value} as a message may show it: at most {@link #SHOWN_LENGTH} characters, control
     * characters escaped, so that a message never carries a whole record or breaks a log line.
     */
    public static String shown(String value) {
        return shown(value, SHOWN_LENGTH);
    }

    /**
     * As {@link #shown(String)}, at most {@code length} characters as shown, escapes included (a
     * value of control characters would otherwise grow six-fold), then {@code ...} if it was cut.
     */
    public static String shown(String value, int length) {
        if (value == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            String piece = Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                    ? String.format("\\u%04x", c) : new String(Character.toChars(c));
            if (b.length() + piece.length() > length) {
                return b + "...";
            }
            b.append(piece);
            i += Character.charCount(c);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "/" : path) + " " + code + ": " + message;
    }
}
