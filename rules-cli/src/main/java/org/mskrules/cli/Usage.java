package org.mskrules.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Usage errors raised by the commands themselves, handled like picocli's own (exit code 2): thrown
 * from a command, a {@link ParameterException} goes to the parameter-exception handler.
 */
final class Usage {
    private Usage() {
    }

    /** A mistake in the arguments: printed with the command's synopsis. */
    static ParameterException error(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * Arguments that parse but name something that cannot be used (a rule-set version, a date on which
     * no version is in force, a service profile, a missing file): the message says why, without the
     * synopsis.
     */
    static ParameterException refused(CommandSpec spec, String message) {
        return new Refused(spec, message);
    }

    /** See {@link #refused}. */
    static final class Refused extends ParameterException {
        Refused(CommandSpec spec, String message) {
            super(spec.commandLine(), message);
        }
    }
}
