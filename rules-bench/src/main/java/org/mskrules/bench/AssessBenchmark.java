package org.mskrules.bench;

import java.util.concurrent.TimeUnit;
import org.mskrules.governance.PopulationCase;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.MskRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm single-referral assessment: {@code MskRules.assess(referral, asOf, profile)} on one referral
 * at a time, cycling through 10,000 pre-generated synthetic referrals (each with its own service
 * profile), beside the plain-Java floor ({@link RedFlagFloor}) on the same referrals. Latency as the
 * average and as percentiles ({@code SampleTime}), throughput on one and on two threads, and, with
 * {@code -p version=1.0.0,1.1.0}, per rule-set version (the setup prints each version's rule count).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AssessBenchmark {
    static final int REFERRALS = 10_000;

    @Param({"1.0.0"})
    public String version;

    MskRules rules;
    RedFlagFloor floor;
    PopulationCase[] cases;

    @Setup
    public void setUp() {
        rules = MskRules.builder().ruleSetVersion(version).build();
        floor = RedFlagFloor.of(version, rules.parameters());
        cases = Cases.synthetic(REFERRALS);
        System.out.printf("%nmsk-referral %s: %d rules%n", version, rules.rules().size());
    }

    /** Each thread walks the referrals from its own starting point. */
    @State(Scope.Thread)
    public static class Cursor {
        int next = (int) (Thread.currentThread().getId() * 7919 % REFERRALS);

        PopulationCase next(PopulationCase[] cases) {
            PopulationCase c = cases[next];
            next = next + 1 == cases.length ? 0 : next + 1;
            return c;
        }
    }

    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Assessment assess(Cursor cursor) {
        PopulationCase c = cursor.next(cases);
        return rules.assess(c.referral(), c.asOf(), c.profile());
    }

    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public RedFlagFloor.Decision floor(Cursor cursor) {
        return floor.decide(cursor.next(cases).referral());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public Assessment assessThroughput1(Cursor cursor) {
        return assess(cursor);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Assessment assessThroughput2(Cursor cursor) {
        return assess(cursor);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public RedFlagFloor.Decision floorThroughput1(Cursor cursor) {
        return floor(cursor);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public RedFlagFloor.Decision floorThroughput2(Cursor cursor) {
        return floor(cursor);
    }
}
