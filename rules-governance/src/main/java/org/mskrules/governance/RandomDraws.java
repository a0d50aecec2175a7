package org.mskrules.governance;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The one source of randomness {@link SyntheticReferrals} needs: a whole number drawn from an
 * inclusive range. Kept this small so that any random source can drive the generator: a
 * {@link SplittableRandom} for a reproducible population ({@link #from(SplittableRandom)}), or a
 * property-testing library's own source, which can then shrink a failing referral by shrinking the
 * numbers drawn.
 *
 * <p>Thread-safety is the implementation's; the one {@link #from} returns is not thread-safe (one per
 * thread, like the {@code SplittableRandom} it wraps).
 */
@FunctionalInterface
public interface RandomDraws {
    /**
     * A whole number from {@code min} to {@code max}, both inclusive ({@code min <= max}).
     */
    int between(int min, int max);

    /** Draws from {@code random}, each value equally likely. */
    static RandomDraws from(SplittableRandom random) {
        Objects.requireNonNull(random, "random");
        return (min, max) -> (int) random.nextLong(min, (long) max + 1);
    }
}
