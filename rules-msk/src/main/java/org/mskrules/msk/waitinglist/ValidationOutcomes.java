package org.mskrules.msk.waitinglist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mskrules.core.Evaluation;
import org.mskrules.core.RuleSet;
import org.mskrules.core.RulesException;
import org.mskrules.msk.waitinglist.internal.StaleValidation;
import org.mskrules.msk.waitinglist.internal.ValidationVerdict;

/**
 * Decides validation outcomes with the version's validation-outcome rules, many entries to one
 * stateless evaluation: each rule matches one entry, so entries in a batch cannot affect each other.
 * Thread-safe.
 */
final class ValidationOutcomes {
    /** Entries per evaluation: large enough to amortise the session, small enough to bound memory. */
    static final int BATCH = 512;

    private final RuleSet ruleSet;

    ValidationOutcomes(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    /**
     * The outcome for each entry (each has a validation record and a unique id), by entry id;
     * {@code dueAgain} holds the ids of entries due for validation again, whose answer is out of date.
     */
    Map<String, ValidationOutcome> decide(List<WaitingListEntry> entries, Set<String> dueAgain, LocalDate asOf) {
        List<Object> facts = new ArrayList<>(entries);
        dueAgain.forEach(id -> facts.add(new StaleValidation(id)));
        Evaluation evaluation = ruleSet.evaluate(facts, asOf, o -> o instanceof ValidationVerdict,
                Comparator.comparing((Object o) -> ((ValidationVerdict) o).entryId())
                        .thenComparing(o -> ((ValidationVerdict) o).reason().ruleId()));
        Map<String, List<ValidationReason>> reasons = new HashMap<>();
        for (ValidationVerdict v : evaluation.outputs(ValidationVerdict.class)) {
            reasons.computeIfAbsent(v.entryId(), k -> new ArrayList<>()).add(v.reason());
        }
        Map<String, ValidationOutcome> outcomes = new HashMap<>();
        for (WaitingListEntry e : entries) {
            List<ValidationReason> r = reasons.get(e.entryId());
            if (r == null) {
                // Every answer to "still wish to be seen" has a rule; a gap is a broken version.
                throw new RulesException("rule set [" + ruleSet + "] gave no validation outcome for an entry whose"
                        + " answer is [" + e.validation().wishesToBeSeen() + "]");
            }
            // Staying wins: removal needs the removal rule and no reason to stay.
            boolean remove = r.stream().anyMatch(x -> x.decision() == ValidationDecision.MAY_BE_REMOVED)
                    && r.stream().noneMatch(x -> x.decision() == ValidationDecision.STAYS);
            outcomes.put(e.entryId(), new ValidationOutcome(remove ? ValidationDecision.MAY_BE_REMOVED
                    : ValidationDecision.STAYS, r));
        }
        return outcomes;
    }
}
