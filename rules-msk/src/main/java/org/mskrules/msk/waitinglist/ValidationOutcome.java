package org.mskrules.msk.waitinglist;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of an entry's latest validation contact: whether the patient may be removed from the
 * list or stays, and every reason, each from its rule. A patient is never removed on a missing
 * answer. Immutable.
 *
 * @param decision {@link ValidationDecision#MAY_BE_REMOVED} only when the removal rule fired and no
 *                 rule kept the patient on the list
 * @param reasons  every reason, in rule-id order
 */
public record ValidationOutcome(ValidationDecision decision, List<ValidationReason> reasons) {
    public ValidationOutcome {
        Objects.requireNonNull(decision, "decision");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a validation outcome needs at least one reason");
        }
    }
}
