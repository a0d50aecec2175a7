package org.mskrules.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.mskrules.governance.PopulationCase;
import org.mskrules.msk.MskRules;

/**
 * CPU time per warm assessment on one thread, for comparing two builds on a machine that other work
 * shares: wall-clock throughput then says more about the other work than about the code, while the
 * thread's own CPU time per assessment moves far less with load. Assesses the benchmarks' 10,000
 * synthetic referrals in a loop for a warm-up period, then measures rounds of 20,000 assessments and
 * prints the median, minimum and maximum CPU and wall time per assessment, with the floor's beside
 * them. Arguments: warm-up seconds (default 30), rounds (default 10), version (default 1.0.0).
 */
public final class AssessCpuTime {
    private AssessCpuTime() {
    }

    public static void main(String[] args) {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String version = args.length > 2 ? args[2] : "1.0.0";
        MskRules rules = MskRules.builder().ruleSetVersion(version).build();
        RedFlagFloor floor = RedFlagFloor.of(version, rules.parameters());
        PopulationCase[] cases = Cases.synthetic(AssessBenchmark.REFERRALS);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long until = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        int i = 0;
        while (System.nanoTime() < until) {
            PopulationCase c = cases[i++ % cases.length];
            sink += rules.assess(c.referral(), c.asOf(), c.profile()).redFlags().size();
            sink += floor.decide(c.referral()).flags();
        }
        int perRound = 20_000;
        List<Double> cpu = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        List<Double> floorCpu = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            for (int n = 0; n < perRound; n++) {
                PopulationCase c = cases[i++ % cases.length];
                sink += rules.assess(c.referral(), c.asOf(), c.profile()).redFlags().size();
            }
            cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e3 / perRound);
            wall.add((System.nanoTime() - w0) / 1e3 / perRound);
            c0 = threads.getCurrentThreadCpuTime();
            for (int n = 0; n < perRound * 10; n++) {
                sink += floor.decide(cases[i++ % cases.length].referral()).flags();
            }
            floorCpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e3 / (perRound * 10));
        }
        System.out.printf(Locale.ROOT, "msk-referral %s, %d rounds of %d after %d s: assess CPU %s us, wall %s us;"
                + " floor CPU %s us; load %s (%d)%n", version, rounds, perRound, warmupSeconds, summary(cpu),
                summary(wall), summary(floorCpu), ColdStart.loadAverage(), sink % 7);
    }

    private static String summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", sorted.get(sorted.size() / 2), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }
}
