package org.mskrules.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * Reviews a generated waiting list of {@code N} entries (default 1,000,000) from a CSV file, streaming,
 * and reports the wall time of each run and the peak heap. A timed harness, not a test: run it on
 * demand (see {@code docs/performance.md}); CI only compiles it.
 *
 * <p>The list is deterministic (seed 20231120) and written once to a temporary file. Its make-up is
 * meant to look like a stressed community MSK list on 2023-11-20: 20% priority patients; waits drawn
 * from an exponential distribution (mean 12 days for priority, 70 days for non-priority) with 5% of
 * non-priority patients in a long tail of up to 600 days; 3% already seen; 5% with a validation
 * contact (every answer combination occurs); 0.1% of lines with an unparseable date, which are
 * rejected. About a third of the entries are over threshold or due for validation, and all of those
 * are kept in the review's lists, so the heap figure includes them.
 *
 * <p>Peak heap is measured two ways: the highest heap in use sampled every 2 ms during a run (what
 * was live at once, plus garbage not yet collected), and the sum of each heap pool's own peak (an
 * upper bound). The JVM's {@code -Xmx} is the target limit, so a run that needed more would fail.
 */
public final class WaitingListReviewBenchmark {
    static final LocalDate AS_OF = LocalDate.of(2023, 11, 20);
    static final long SEED = 20231120L;

    private WaitingListReviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path file = Files.createTempFile("waiting-list-" + entries + "-", ".csv");
        file.toFile().deleteOnExit();
        long t0 = System.nanoTime();
        write(file, entries);
        System.out.printf(Locale.ROOT, "generated %,d entries (%,d bytes) in %.2f s%n", entries, Files.size(file),
                (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "machine: %s %s, %d processors, Java %s (%s), max heap %d MB%n",
                System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() >> 20);

        t0 = System.nanoTime();
        WaitingListRules rules = WaitingListRules.builder().build();
        System.out.printf(Locale.ROOT, "rule set %s loaded in %.2f s%n", rules.version(),
                (System.nanoTime() - t0) / 1e9);

        List<Double> seconds = new ArrayList<>();
        List<Long> sampledPeaks = new ArrayList<>();
        List<Long> poolPeaks = new ArrayList<>();
        // Run 0 warms the JIT and is reported but not counted.
        for (int run = 0; run <= runs; run++) {
            System.gc();
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            HeapSampler sampler = new HeapSampler();
            sampler.start();
            long start = System.nanoTime();
            WaitingListReview review = rules.review(file, AS_OF);
            double s = (System.nanoTime() - start) / 1e9;
            long sampled = sampler.finish();
            long pools = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT,
                    "run %d%s: %.3f s, %,.0f entries/s; peak heap sampled %d MB, pool peaks %d MB; "
                            + "in %d = reviewed %d + rejected %d; over threshold %d; validation cohort %d; recovery plan %s%n",
                    run, run == 0 ? " (warm-up)" : "", s, entries / s, sampled >> 20, pools >> 20,
                    review.summary().entriesIn(), review.summary().reviewed(), review.summary().rejected(),
                    review.overThreshold().size(), review.validationCohort().size(), review.recoveryPlan().status());
            if (review.summary().entriesIn() != entries) {
                throw new IllegalStateException("entries lost: " + review.summary());
            }
            if (run > 0) {
                seconds.add(s);
                sampledPeaks.add(sampled);
                poolPeaks.add(pools);
            }
        }
        Collections.sort(seconds);
        System.out.printf(Locale.ROOT, "%nresult: %,d entries, %d runs: median %.3f s (min %.3f, max %.3f); "
                        + "peak heap sampled max %d MB, pool peaks max %d MB, -Xmx %d MB%n",
                entries, runs, seconds.get(seconds.size() / 2), seconds.get(0), seconds.get(seconds.size() - 1),
                Collections.max(sampledPeaks) >> 20, Collections.max(poolPeaks) >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Writes the deterministic list described in the class comment. */
    static void write(Path file, int entries) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        String[] answers = {"YES", "NO", "NOT_RECORDED", ""};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("entryId,category,received,firstContact,validatedOn,wishesToBeSeen,hasCapacity,"
                    + "understandsDecision,communicationNeedsMet\n");
            for (int i = 0; i < entries; i++) {
                boolean priority = random.nextDouble() < 0.20;
                long days;
                if (!priority && random.nextDouble() < 0.05) {
                    days = 84 + random.nextLong(517);
                } else {
                    days = Math.min(3000, (long) (-Math.log(1 - random.nextDouble()) * (priority ? 12 : 70)));
                }
                LocalDate received = AS_OF.minusDays(days);
                StringBuilder line = new StringBuilder(96);
                line.append('E').append(String.format(Locale.ROOT, "%08d", i)).append(',')
                        .append(priority ? "PRIORITY" : "NON_PRIORITY").append(',');
                if (random.nextDouble() < 0.001) {
                    line.append(received.getYear()).append("-02-30");
                } else {
                    line.append(received);
                }
                line.append(',');
                if (random.nextDouble() < 0.03 && days > 0) {
                    line.append(received.plusDays(random.nextLong(days + 1)));
                }
                line.append(',');
                if (random.nextDouble() < 0.05 && days > 0) {
                    line.append(received.plusDays(random.nextLong(days + 1)));
                    for (int a = 0; a < 4; a++) {
                        line.append(',').append(answers[random.nextInt(answers.length)]);
                    }
                } else {
                    line.append(",,,,");
                }
                out.write(line.append('\n').toString());
            }
        }
    }
}
