package org.mskrules.governance;

import org.mskrules.core.RulesException;

/**
 * A population cannot be built: a golden-case or JSON Lines file that cannot be read or does not
 * hold what it should, or populations that cannot be combined. Names the file and, where known, the
 * line, so that the file can be corrected; no partial population is returned.
 */
public final class InvalidPopulationException extends RulesException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    InvalidPopulationException(String file, int line, String problem) {
        super(message(file, line, problem));
        this.file = file;
        this.line = line;
    }

    InvalidPopulationException(String file, int line, String problem, Throwable cause) {
        super(message(file, line, problem), cause);
        this.file = file;
        this.line = line;
    }

    /** The file at fault, as given; {@code null} when no file is (populations that cannot be combined). */
    public String file() {
        return file;
    }

    /** The 1-based line at fault, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }

    private static String message(String file, int line, String problem) {
        if (file == null) {
            return problem;
        }
        return "[" + file + "]" + (line > 0 ? " line " + line : "") + ": " + problem;
    }
}
