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

    @Override
    public String toString() {
        return (path.isEmpty() ? "/" : path) + " " + code + ": " + message;
    }
}
