package org.mskrules.bench;

import java.time.LocalDate;
import java.util.List;
import org.mskrules.governance.Population;
import org.mskrules.governance.PopulationCase;

/**
 * The referrals the benchmarks assess: the impact analysis's own synthetic population (seed
 * 20261123, as of 2026-11-23), generated before any measurement so that generating them is never
 * timed, except where a benchmark says so.
 */
final class Cases {
    static final long SEED = 20261123L;
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    private Cases() {
    }

    /** The first {@code size} cases of the synthetic population, in order. */
    static PopulationCase[] synthetic(int size) {
        List<PopulationCase> cases = Population.synthetic(SEED, size, AS_OF).cases();
        return cases.toArray(PopulationCase[]::new);
    }
}
