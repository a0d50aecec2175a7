package org.mskrules.bench;

import java.time.LocalDate;
import java.util.Locale;
import org.mskrules.governance.ImpactAnalysis;
import org.mskrules.governance.ImpactReport;
import org.mskrules.governance.Population;
import org.mskrules.msk.MskRules;

/**
 * Issue 20: the impact analysis of a CSO's bigger sample, 1,000,000 synthetic referrals between two
 * released versions (1.0.0 and 1.1.0), timed end to end in one JVM after one warm-up run of
 * 100,000, with the time per 100,000 for comparison with {@link ImpactAnalysisBenchmark}. Arguments:
 * size (default 1,000,000), runs (default 1). Target: under 60 s on the 2-core machine.
 */
public final class ImpactMillion {
    private ImpactMillion() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        LocalDate asOf = Cases.AS_OF;
        MskRules from = MskRules.builder().ruleSetVersion("1.0.0").build();
        MskRules to = MskRules.builder().ruleSetVersion("1.1.0").build();
        long w0 = System.nanoTime();
        ImpactAnalysis.diff(from, to, Population.synthetic(Cases.SEED, 100_000, asOf));
        System.out.printf(Locale.ROOT, "warm-up 100,000: %.1f s; load average %s%n", (System.nanoTime() - w0) / 1e9,
                ColdStart.loadAverage());
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            ImpactReport report = ImpactAnalysis.diff(from, to, Population.synthetic(Cases.SEED, size, asOf));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %,d referrals, %,d changed, %,d errors: %.1f s (%.2f s per 100,000;"
                    + " target < 60 s for 1,000,000); load average %s%n", run, report.cases(), report.changed(),
                    report.errored(), seconds, seconds * 100_000 / size, ColdStart.loadAverage());
        }
    }
}
