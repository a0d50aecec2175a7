package org.mskrules.bench;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.mskrules.governance.ImpactAnalysis;
import org.mskrules.governance.ImpactReport;
import org.mskrules.governance.Population;
import org.mskrules.governance.PopulationCase;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Impact analysis of {@code msk-referral} 1.0.0 against 1.1.0 on 100,000 synthetic referrals (the
 * CLI's {@code diff} default population): {@code ImpactAnalysis.diff}, which generates each case as
 * it reads it, assesses it with both versions on every core and builds the report. Beside it, the
 * plain-Java floor of the same comparison (generate each case, decide its red flags with both
 * versions' floors, count the cases that differ) on the same two threads, and the cost of generating
 * the population alone, which both include.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ImpactAnalysisBenchmark {
    @Param({"100000"})
    public int size;

    MskRules from;
    MskRules to;
    RedFlagFloor floorFrom;
    RedFlagFloor floorTo;

    @Setup
    public void setUp() {
        from = MskRules.builder().ruleSetVersion("1.0.0").build();
        to = MskRules.builder().ruleSetVersion("1.1.0").build();
        floorFrom = RedFlagFloor.of("1.0.0", from.parameters());
        floorTo = RedFlagFloor.of("1.1.0", to.parameters());
    }

    @Benchmark
    public ImpactReport diff() {
        return ImpactAnalysis.diff(from, to, Population.synthetic(Cases.SEED, size, Cases.AS_OF));
    }

    /** Cases whose red-flag decisions differ between the two versions' floors. */
    @Benchmark
    public long floor() {
        return IntStream.range(0, size).parallel().filter(i -> {
            PopulationCase c = Population.syntheticCase(Cases.SEED, i, Cases.AS_OF);
            return !floorFrom.decide(c.referral()).equals(floorTo.decide(c.referral()));
        }).count();
    }

    /** Generating the cases only, on both cores, as both of the above do. */
    @Benchmark
    public long generateOnly() {
        return IntStream.range(0, size).parallel()
                .map(i -> Population.syntheticCase(Cases.SEED, i, Cases.AS_OF).referral().findings().size())
                .asLongStream().sum();
    }
}
