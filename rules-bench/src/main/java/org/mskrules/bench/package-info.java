/**
 * Benchmarks, run on demand and never as tests: JMH benchmarks ({@code *Benchmark} classes with
 * {@code @Benchmark} methods, run from {@code benchmarks.jar}), each beside a plain-Java floor that
 * makes the same decisions ({@code RedFlagFloor}, {@code WaitingListFloor}); and main classes that
 * time what JMH cannot: the waiting-list review's peak heap, fresh JVMs ({@code ColdStart}), CPU time
 * per assessment. See {@code docs/performance.md} for the commands and the recorded results, and
 * {@code rules-bench/run-benchmarks.sh} for the one command that runs them all.
 */
package org.mskrules.bench;
