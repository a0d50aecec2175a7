package org.mskrules.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mskrules.governance.PopulationCase;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.MskRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A batch of 100,000 synthetic referrals (generated before measuring), each assessed on its own with
 * {@code MskRules.assess}: on one thread, and split between two threads (one per core here); beside
 * the plain-Java floor on one and two threads. One operation is the whole batch, timed from the first
 * referral to the last result; each returns the number of red flags found, which must not change.
 *
 * <p>Batching many referrals into one engine evaluation is not offered: the routing and screen rules
 * match red flags and decisions without naming the referral they belong to, so two referrals in one
 * session would see each other's facts.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchAssessBenchmark {
    @Param({"100000"})
    public int size;

    MskRules rules;
    RedFlagFloor floor;
    PopulationCase[] cases;
    ExecutorService pool;

    @Setup
    public void setUp() {
        rules = MskRules.builder().ruleSetVersion("1.0.0").build();
        floor = RedFlagFloor.of("1.0.0", rules.parameters());
        cases = Cases.synthetic(size);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        pool = Executors.newFixedThreadPool(2, task -> {
            Thread t = new Thread(task, "batch");
            t.setDaemon(true);
            // Drools finds its runtime through the context class loader.
            t.setContextClassLoader(loader);
            return t;
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
    }

    @Benchmark
    public long assessOneThread() {
        long flags = 0;
        for (PopulationCase c : cases) {
            flags += rules.assess(c.referral(), c.asOf(), c.profile()).redFlags().size();
        }
        return flags;
    }

    @Benchmark
    public long assessTwoThreads() throws Exception {
        return onTwoThreads(c -> {
            Assessment a = rules.assess(c.referral(), c.asOf(), c.profile());
            return a.redFlags().size();
        });
    }

    @Benchmark
    public long floorOneThread() {
        long flags = 0;
        for (PopulationCase c : cases) {
            flags += Long.bitCount(floor.decide(c.referral()).flags());
        }
        return flags;
    }

    @Benchmark
    public long floorTwoThreads() throws Exception {
        return onTwoThreads(c -> Long.bitCount(floor.decide(c.referral()).flags()));
    }

    interface Count {
        int of(PopulationCase c);
    }

    /** Both threads take the next 256 unassessed referrals until none are left. */
    private long onTwoThreads(Count count) throws InterruptedException, ExecutionException {
        AtomicInteger next = new AtomicInteger();
        List<Future<Long>> parts = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            parts.add(pool.submit(() -> {
                long n = 0;
                for (int from = next.getAndAdd(256); from < cases.length; from = next.getAndAdd(256)) {
                    for (int i = from; i < Math.min(from + 256, cases.length); i++) {
                        n += count.of(cases[i]);
                    }
                }
                return n;
            }));
        }
        long total = 0;
        for (Future<Long> part : parts) {
            total += part.get();
        }
        return total;
    }
}
