package org.mskrules.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start, timed as whole processes: launches fresh JVMs one after another and reports the
 * median, minimum and maximum wall time (from starting the process to its exit) of
 *
 * <ol>
 * <li>{@link FirstDecision}: JVM start, read one referral, load the rule set, first decision (its
 * own report of when each step ended is summarised too), on this JVM's class path;
 * <li>the command line on one referral, end to end (by default
 * {@code java -jar rules-cli/target/msk-rules.jar assess examples/referral-ankle-fracture-rehabilitation.json --as-of 2026-11-23});
 * skipped, with a message, when its jar does not exist.
 * </ol>
 *
 * <p>One unmeasured run of each comes first, so that every measured run finds the files in the
 * operating system's cache, as a service that has run before would. Run from the repository root.
 * Options: {@code --runs N} (default 10), {@code --cli "COMMAND"}, {@code --referral FILE},
 * {@code --as-of DATE}, {@code --java-options "OPTIONS"} (extra JVM options for the first-decision
 * runs, for example a class-data-sharing archive).
 */
public final class ColdStart {
    static final String DEFAULT_CLI = "java -jar rules-cli/target/msk-rules.jar assess "
            + "examples/referral-ankle-fracture-rehabilitation.json --as-of 2026-11-23";
    private static final Pattern REPORT = Pattern.compile(
            "first-decision main=(\\d+) loaded=(\\d+) decided=(\\d+) .*");

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 10;
        String cli = DEFAULT_CLI;
        String referral = "examples/referral-ankle-fracture-rehabilitation.json";
        String asOf = "2026-11-23";
        String javaOptions = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--cli" -> cli = args[++i];
                case "--referral" -> referral = args[++i];
                case "--as-of" -> asOf = args[++i];
                case "--java-options" -> javaOptions = args[++i];
                default -> throw new IllegalArgumentException("unknown option [" + args[i]
                        + "]; expected --runs, --cli, --referral, --as-of, --java-options");
            }
        }
        System.out.printf(Locale.ROOT, "machine: %d processors, Java %s; load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());

        List<String> first = new ArrayList<>();
        first.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        first.addAll(split(javaOptions));
        first.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                System.getProperty("java.class.path"), FirstDecision.class.getName(), referral, asOf));
        List<Long> wall = new ArrayList<>();
        List<Long> loaded = new ArrayList<>();
        List<Long> decided = new ArrayList<>();
        List<Long> atMain = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(first).redirectErrorStream(true).start();
            String report = null;
            List<String> output = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    output.add(line);
                    if (REPORT.matcher(line).matches()) {
                        report = line;
                    }
                }
            }
            int exit = p.waitFor();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (exit != 0 || report == null) {
                throw new IllegalStateException("first decision failed (exit " + exit + "): " + String.join("\n", output));
            }
            Matcher m = REPORT.matcher(report);
            m.matches();
            System.out.printf(Locale.ROOT, "first decision run %d%s: %d ms wall; %s%n", run,
                    run == 0 ? " (unmeasured)" : "", ms, report);
            if (run > 0) {
                wall.add(ms);
                atMain.add(Long.parseLong(m.group(1)));
                loaded.add(Long.parseLong(m.group(2)));
                decided.add(Long.parseLong(m.group(3)));
            }
        }
        System.out.printf(Locale.ROOT, "%nresult first decision, %d runs: wall %s; in the JVM: main %s, rules loaded %s,"
                + " first decision %s (ms, median [min, max])%n", runs, summary(wall), summary(atMain), summary(loaded),
                summary(decided));

        List<String> command = split(cli);
        File jar = command.stream().filter(s -> s.endsWith(".jar")).map(File::new).findFirst().orElse(null);
        if (jar != null && !jar.isFile()) {
            System.out.printf(Locale.ROOT, "%nskipped the command line: [%s] does not exist (build the CLI's executable"
                    + " jar first, or name another command with --cli)%n", jar);
            return;
        }
        List<Long> cliWall = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int exit = p.waitFor();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (exit != 0) {
                throw new IllegalStateException("[" + cli + "] exited with " + exit);
            }
            System.out.printf(Locale.ROOT, "command line run %d%s: %d ms wall%n", run, run == 0 ? " (unmeasured)" : "", ms);
            if (run > 0) {
                cliWall.add(ms);
            }
        }
        System.out.printf(Locale.ROOT, "%nresult command line [%s], %d runs: wall %s (ms, median [min, max])%n", cli,
                runs, summary(cliWall));
        // Issue 20: the command line as a ratio to a bare JVM start on the same machine, same load.
        List<String> bare = List.of(command.get(0).equals("java") ? "java" : command.get(0), "-version");
        List<Long> bareWall = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(bare).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (run > 0) {
                bareWall.add(ms);
            }
        }
        long cliMedian = median(cliWall);
        long bareMedian = Math.max(1, median(bareWall));
        System.out.printf(Locale.ROOT, "result bare [%s], %d runs: wall %s (ms, median [min, max]); command line / bare"
                + " = %.1f (target <= 20)%n", String.join(" ", bare), runs, summary(bareWall),
                (double) cliMedian / bareMedian);
        System.out.printf(Locale.ROOT, "load average after the runs: %s%n", loadAverage());
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** Median [min, max]; the median of an even count is the lower middle value. */
    static String summary(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%d [%d, %d]", sorted.get((sorted.size() - 1) / 2), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    private static List<String> split(String command) {
        List<String> parts = new ArrayList<>();
        for (String part : command.trim().split("\\s+")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
