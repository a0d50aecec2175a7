package org.mskrules.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;
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
 * The waiting-list review of a generated CSV list of 10,000, 100,000 or 1,000,000 entries (the list
 * {@link WaitingListReviewBenchmark} writes, seed 20231120, reviewed as of 2023-11-20) with
 * {@code WaitingListRules.review(Path, LocalDate)}, beside the plain-Java floor
 * ({@link WaitingListFloor}) on the same file, in a JVM limited to the target's 1 GB heap. Time per
 * review; run with {@code -prof gc} for the allocation per review. Peak heap is measured by
 * {@link WaitingListReviewBenchmark}, which samples the heap during each review.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WaitingListBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int entries;

    WaitingListRules rules;
    Path file;

    @Setup
    public void setUp() throws IOException {
        rules = WaitingListRules.builder().build();
        file = Files.createTempFile("waiting-list-" + entries + "-", ".csv");
        WaitingListReviewBenchmark.write(file, entries);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public WaitingListReview review() {
        WaitingListReview review = rules.review(file, WaitingListReviewBenchmark.AS_OF);
        if (review.summary().entriesIn() != entries) {
            throw new IllegalStateException("entries lost: " + review.summary());
        }
        return review;
    }

    @Benchmark
    public WaitingListFloor.Result floor() throws IOException {
        WaitingListFloor.Result result = WaitingListFloor.review(file, WaitingListReviewBenchmark.AS_OF);
        if (result.entriesIn() != entries) {
            throw new IllegalStateException("entries lost: " + result.entriesIn());
        }
        return result;
    }
}
