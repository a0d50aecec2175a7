package org.mskrules.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code msk-rules} command line: {@code assess} (one referral, or JSON Lines of referrals from a
 * file or standard input), {@code waitlist} (a waiting list, CSV or JSON Lines), {@code diff} (what a
 * rule change does), {@code catalogue} (the rule catalogue of a version) and {@code validate} (check
 * input files without deciding). Arguments are parsed by picocli; each subcommand is a package-private
 * class of this package.
 *
 * <p>Without {@code --rules-version}, each deciding command uses the rule-set version in force on the
 * {@code --as-of} date (the released version with the latest effective date on or before it) and says
 * so; {@code --rules-version} names any version, working ones included, and a decision from a working
 * version says it is not for clinical use.
 *
 * <p>Exit codes: 0 every record decided; 1 some record rejected (the output is still complete: every
 * record is decided or names its problems); 2 usage error (bad option, unknown version, no version in
 * force on the date, unreadable service profile, missing file); 3 internal failure (stack trace on
 * standard error); 4 output failed (a closed pipe, a full disk, an output file that cannot be written):
 * the run stops at the first failed write and says so on standard error, and its output is incomplete.
 *
 * <p>One run per process: {@link #main} is the entry point; the instance holds that run's streams.
 */
@Command(name = "msk-rules", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        usageHelpWidth = 100, synopsisSubcommandLabel = "COMMAND",
        description = "Decisions for NHS musculoskeletal referrals and waiting lists, explained by the rules that made "
                + "them, with the rule-set version and content hash.",
        subcommands = {AssessCommand.class, WaitlistCommand.class, DiffCommand.class, CatalogueCommand.class,
                ValidateCommand.class, ServeCommand.class, IndicatorsCommand.class, SitRepCommand.class},
        footerHeading = "%nCommands in full:%n",
        // The synopses of the commands come first in the footer, set in commandLine() from each SYNOPSIS.
        footer = {"",
                "Without --as-of, today's date in England is used; without --rules-version, the rule-set version",
                "in force on the --as-of date. Batch input (JSON Lines) gives one output line per input line.",
                "See README.md and docs/architecture.md (Command line).",
                MskRulesCli.EXIT_CODES})
public final class MskRulesCli implements Callable<Integer> {
    /** Every record decided (for a waiting list, every entry reviewed; for validate, every record valid). */
    static final int DECIDED = 0;
    /** Some record rejected; the output is still complete. */
    static final int REJECTED = 1;
    /** Usage error: bad option, unknown version, no version in force, unreadable profile, missing file. */
    static final int USAGE = 2;
    /** Internal failure: a defect or a broken rule set; the stack trace is on standard error. */
    static final int FAILURE = 3;
    /** The output could not be written (closed pipe, full disk): the run stopped and its output is incomplete. */
    static final int OUTPUT_FAILED = 4;

    /** The exit codes, for every command's help. */
    static final String EXIT_CODES = "%nExit codes:%n"
            + "  0  every record decided (validate: every record valid)%n"
            + "  1  some record rejected; the output is still complete, each rejected record names its problems%n"
            + "  2  usage error: bad option, unknown rule-set version, no version in force on the date,%n"
            + "     unreadable service profile, missing file%n"
            + "  3  internal failure (stack trace on standard error)%n"
            + "  4  output failed (closed pipe, full disk, unwritable file): the run stopped, its output is incomplete%n";

    /** The short synopsis of each subcommand, for usage errors. */
    private static final Map<String, String> SYNOPSES = Map.of(
            "assess", AssessCommand.SYNOPSIS, "waitlist", WaitlistCommand.SYNOPSIS, "diff", DiffCommand.SYNOPSIS,
            "catalogue", CatalogueCommand.SYNOPSIS, "validate", ValidateCommand.SYNOPSIS, "serve", ServeCommand.SYNOPSIS,
            "indicators", IndicatorsCommand.SYNOPSIS, "sitrep", SitRepCommand.SYNOPSIS);

    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    /** Whether standard error is a terminal, so that a progress bar may be drawn on it. */
    final boolean terminal;
    /** Whether standard output is a terminal too, so that the bar must make way for each output line. */
    final boolean outputOnTerminal;

    @Spec
    CommandSpec spec;

    MskRulesCli(InputStream in, PrintStream out, PrintStream err, boolean terminal, boolean outputOnTerminal) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.outputOnTerminal = outputOnTerminal;
    }

    public static void main(String[] args) {
        // UTF-8 whatever the platform's default, so that JSON output and names in reports survive.
        PrintStream out = standardOutput(new FileOutputStream(FileDescriptor.out));
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, System.in, out, err, Progress.isTerminal(2), Progress.isTerminal(1));
        err.flush();
        System.exit(code);
    }

    /**
     * Standard output as the command line writes it: UTF-8, buffered, flushed at each line end, and
     * checked, so that a failed write (closed pipe, full disk) ends the run with {@link #OUTPUT_FAILED}
     * instead of being kept quiet inside the print stream.
     */
    static PrintStream standardOutput(OutputStream fd) {
        return new PrintStream(new BufferedOutputStream(new CheckedOutput(fd), 1 << 16), true, StandardCharsets.UTF_8);
    }

    /** Runs with empty standard input and no terminal, for tests. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, InputStream.nullInputStream(), out, err, false, false);
    }

    /** Runs one command line and returns its exit code; never throws. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal,
            boolean outputOnTerminal) {
        CommandLine cli = commandLine(new MskRulesCli(in, out, err, terminal, outputOnTerminal));
        try {
            int code = cli.execute(args);
            out.flush();
            // A print stream not made by standardOutput keeps its failures: ask it.
            return code != OUTPUT_FAILED && out.checkError() ? outputFailed(err, null) : code;
        } catch (CheckedOutput.Failure e) {
            return outputFailed(err, e);
        } catch (RuntimeException | Error e) {
            // Anything not already turned into an exit code is a defect: say so, with the exit code for it.
            err.println("internal failure: " + e);
            e.printStackTrace(err);
            return FAILURE;
        } finally {
            err.flush();
        }
    }

    /**
     * The output failed: says so, and how many lines reached it if that is known, never a summary that
     * would claim records the output did not get; the exit code for it.
     */
    static int outputFailed(PrintStream err, CheckedOutput.Failure e) {
        String why = e == null || e.getCause() == null ? "a write failed" : String.valueOf(e.getCause().getMessage());
        err.println("output failed (" + why + "): the run stopped"
                + (e != null && e.linesWritten() >= 0 ? " after writing " + e.linesWritten() + " complete line"
                        + (e.linesWritten() == 1 ? "" : "s") : "")
                + "; the output is incomplete");
        err.flush();
        return OUTPUT_FAILED;
    }

    static CommandLine commandLine(MskRulesCli top) {
        CommandLine cli = new CommandLine(top);
        List<String> footer = new ArrayList<>();
        for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
            List<String> synopsis = wrap("msk-rules " + SYNOPSES.get(sub.getKey()), "      ");
            sub.getValue().getCommandSpec().usageMessage().customSynopsis(synopsis.toArray(String[]::new));
            synopsis.forEach(line -> footer.add("  " + line));
        }
        footer.addAll(List.of(cli.getCommandSpec().usageMessage().footer()));
        cli.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
        cli.setOut(new PrintWriter(top.out, true));
        cli.setErr(new PrintWriter(top.err, true));
        cli.setParameterExceptionHandler(MskRulesCli::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CheckedOutput.Failure failure) {
                return outputFailed(top.err, failure);
            }
            PrintWriter err = commandLine.getErr();
            err.println("internal failure: " + e);
            e.printStackTrace(err);
            err.flush();
            return FAILURE;
        });
        return cli;
    }

    /** {@code text} in lines of at most 96 characters, broken at spaces, the later lines indented. */
    static List<String> wrap(String text, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > 96) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        lines.add(line.toString());
        return lines;
    }

    /** A usage error: the message, and for a mistake in the arguments the command's synopsis. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(e.getMessage());
        if (!(e instanceof Usage.Refused)) {
            String synopsis = SYNOPSES.get(cmd.getCommandName());
            err.println(synopsis != null ? "usage: " + synopsis : "usage: msk-rules COMMAND ... (commands: "
                    + String.join(", ", cmd.getSubcommands().keySet()) + ")");
            err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for details.");
        }
        err.flush();
        return USAGE;
    }

    /** {@code msk-rules} alone: the usage, on standard error, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }
}
