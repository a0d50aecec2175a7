package org.mskrules.msk.waitinglist;

import java.util.Objects;

/**
 * Something a reader of a waiting-list review must know that is not a count: for example that the
 * evaluation date is past the last planning year whose milestones the rule-set version knows.
 * Immutable.
 *
 * @param ruleId the rule that raises it
 * @param text   the note
 * @param source where it comes from
 */
public record ReviewNote(String ruleId, String text, String source) {
    public ReviewNote {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
