package org.mskrules.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the command line in this JVM with given standard input, capturing its outputs and exit code. */
final class Cli {
    static final String EXAMPLES = "../examples/";
    static final String REFERRALS = EXAMPLES + "referrals.jsonl";
    static final String WAITING_LIST = EXAMPLES + "waiting-list.csv";
    static final String WAITING_LIST_JSONL = EXAMPLES + "waiting-list.jsonl";

    private Cli() {
    }

    record Result(int exit, String out, String err) {
        /** Standard output's lines (JSON Lines output ends every line with LF). */
        List<String> lines() {
            // Every line ends with LF, so the text after the last one is empty and not a line.
            return out.isEmpty() ? List.of() : List.of(out.substring(0, out.length() - 1).split("\n", -1));
        }
    }

    static Result run(String... args) {
        return withInput(new byte[0], args);
    }

    static Result withInput(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = MskRulesCli.run(args, new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
