package org.mskrules.msk.waitinglist;

import java.util.Objects;
import org.mskrules.msk.PriorityCategory;

/**
 * Waiting patients of one category over the service's own stricter standard (for example East
 * Lancashire's urgent within 5 days), counted and reported beside the recovery-plan decision. Only
 * the national threshold decides whether a recovery plan is required (NHS England PR2022); a local
 * standard is the service's own target, so missing it is reported, not substituted for the national
 * threshold. Rejected entries cannot be checked, so they are counted beside it: a report with
 * {@code entries} 0 and {@code rejected} above 0 says the standard cannot be said to be met. Given
 * from {@code msk-waiting-list} 1.1.0; empty in 1.0.0, which applies the local standard as the
 * threshold. Immutable.
 *
 * @param ruleId       the rule that reports it, e.g. {@code WL-RP-006}
 * @param category     the category counted
 * @param entries      how many reviewed waiting patients of the category wait longer than the local
 *                     standard; 0 when none does but entries were rejected
 * @param rejected     entries rejected, so not checked against the standard: the true count is at
 *                     least {@code entries} until they are corrected and the list reviewed again
 * @param standardDays the local standard in days (a wait longer than this misses it)
 * @param nationalDays the national threshold of the category, which decides the recovery plan
 * @param profile      the service profile whose standard it is
 * @param text         the report in words
 * @param source       where the rule comes from
 */
public record LocalStandardBreach(String ruleId, PriorityCategory category, long entries, long rejected,
        int standardDays, int nationalDays, String profile, String text, String source) {
    public LocalStandardBreach {
        if (entries < 0 || rejected < 0 || entries + rejected == 0) {
            throw new IllegalArgumentException("a local-standard report counts at least one entry over the standard or "
                    + "rejected; got " + entries + " over and " + rejected + " rejected");
        }
        if (standardDays < 1 || standardDays >= nationalDays) {
            throw new IllegalArgumentException("a local standard of " + standardDays + " days is not stricter than the "
                    + "national " + nationalDays);
        }
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
