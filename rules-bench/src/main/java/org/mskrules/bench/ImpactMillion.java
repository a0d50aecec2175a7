package org.mskrules.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mskrules.governance.ImpactAnalysis;
import org.mskrules.governance.ImpactReport;
import org.mskrules.governance.Population;
import org.mskrules.msk.MskRules;

/**
 * Issue 20: the impact analysis of a CSO's bigger sample, 1,000,000 synthetic referrals between two
 * released versions (1.0.0 and 1.1.0), timed end to end in one JVM after one warm-up run of
 * 100,000, with the time per 100,000 for comparison with {@link ImpactAnalysisBenchmark}. Arguments:
 * size (default 1,000,000), runs (default 1), threads (default: the library's own pool, one thread
 * per core; a number runs on a fixed pool of that many, given as the caller's {@code Executor}).
 * Target: under 60 s on the 2-core machine.
 *
 * <p>Besides the wall time it prints the CPU time the whole JVM used during the run, which moves far
 * less than wall time with other work on a shared machine, and the SHA-256 of the report's JSON, so
 * that two builds can be shown to report the same thing. It uses only {@code ImpactAnalysis.diff}
 * with an executor, so the same compiled class can time an older build's library put after it on the
 * class path.
 */
public final class ImpactMillion {
    private ImpactMillion() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        LocalDate asOf = Cases.AS_OF;
        MskRules from = MskRules.builder().ruleSetVersion("1.0.0").build();
        MskRules to = MskRules.builder().ruleSetVersion("1.1.0").build();
        ExecutorService pool = threads <= 0 ? null : Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "impact-million");
            t.setDaemon(true);
            return t;
        });
        try {
            long w0 = System.nanoTime();
            ImpactAnalysis.diff(from, to, Population.synthetic(Cases.SEED, 100_000, asOf), pool);
            System.out.printf(Locale.ROOT, "warm-up 100,000: %.1f s; load average %s%n", (System.nanoTime() - w0) / 1e9,
                    ColdStart.loadAverage());
            for (int run = 1; run <= runs; run++) {
                String before = ColdStart.loadAverage();
                long cpu0 = cpuNanos();
                long t0 = System.nanoTime();
                ImpactReport report = ImpactAnalysis.diff(from, to, Population.synthetic(Cases.SEED, size, asOf), pool);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpu = (cpuNanos() - cpu0) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: %,d referrals, %,d changed, %,d firing only, %,d errors: %.1f s wall"
                        + " (%.2f s per 100,000; target < 60 s for 1,000,000), %.1f s CPU (%.2f s per 100,000);"
                        + " threads %s; report sha256 %s; load average before %s, after %s%n", run, report.cases(),
                        report.changed(), report.firingOnly(), report.errored(), seconds, seconds * 100_000 / size,
                        cpu, cpu * 100_000 / size, threads <= 0 ? "library pool" : threads, sha256(report.toJson()),
                        before, ColdStart.loadAverage());
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** CPU time of every thread of this JVM (workers, collector, compiler) since it started. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }
}
