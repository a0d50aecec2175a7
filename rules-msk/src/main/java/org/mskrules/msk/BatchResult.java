package org.mskrules.msk;

import java.util.List;
import java.util.Objects;
import org.mskrules.core.Violation;

/**
 * What a batch ({@link MskRules#assessAll}) made of one input, in input order: its decision, or every
 * problem that kept it from being decided. Exactly one of {@code assessment} and {@code problems} is
 * present, so that inputs in = decisions + rejections. Immutable.
 *
 * @param index      the input's position in the batch, from 0
 * @param input      the input as the caller gave it (a referral, or for example a line of JSON)
 * @param assessment the decision, or {@code null} if the input was rejected
 * @param problems   every problem with the input (empty when decided), each with its location
 * @param <T>        the type of the caller's inputs
 */
public record BatchResult<T>(long index, T input, Assessment assessment, List<Violation> problems) {
    public BatchResult {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        if ((assessment == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a batch result is either a decision or its problems, not both or neither");
        }
    }

    /** Whether the input was decided. */
    public boolean decided() {
        return assessment != null;
    }
}
