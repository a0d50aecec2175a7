package org.mskrules.core;

/**
 * Root of every exception this library throws on purpose. Unchecked: a caller that cannot act on
 * the specific subclass can catch this one type.
 */
public class RulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RulesException(String message) {
        super(message);
    }

    public RulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
