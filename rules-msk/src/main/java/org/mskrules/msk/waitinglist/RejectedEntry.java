package org.mskrules.msk.waitinglist;

import java.util.List;
import org.mskrules.core.Violation;

/**
 * An entry that could not be reviewed, with every problem found in it. A rejected entry is counted,
 * never dropped: the service must correct it and review again. Immutable.
 *
 * @param line       its line in the input file, or its position from 1 in an in-memory list
 * @param entryId    its id, if one could be read
 * @param violations every problem, each with its field path and a stable code
 */
public record RejectedEntry(long line, String entryId, List<Violation> violations) {
    public RejectedEntry {
        violations = List.copyOf(violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rejected entry needs at least one violation");
        }
    }

    /** The codes of its violations, in order. */
    public List<String> codes() {
        return violations.stream().map(Violation::code).toList();
    }

    @Override
    public String toString() {
        return "line " + line + (entryId == null ? "" : " [" + entryId + "]") + ": " + violations;
    }
}
