package org.mskrules.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Reaches {@code RuleSet}'s package-private stage-order hook for tests in other packages
 * ({@code StageOrderTest}): the rules of a staged version that would fire if every stage were
 * focused again after an evaluation. Test code only.
 */
public final class LateFirings {
    private LateFirings() {
    }

    /** The names of the rules that fire late in the evaluations {@code work} runs on this thread. */
    public static List<String> during(Runnable work) {
        List<String> late = new ArrayList<>();
        RuleSet.LATE_FIRINGS.set(late);
        try {
            work.run();
        } finally {
            RuleSet.LATE_FIRINGS.remove();
        }
        return late;
    }
}
