package org.mskrules.msk.waitinglist;

import java.util.Objects;
import org.mskrules.msk.PriorityCategory;

/**
 * Waiting patients of one category over the service's own stricter standard (for example East
 * Lancashire's urgent within 5 days), counted and reported beside the recovery-plan decision. Only
 * the national threshold decides whether a recovery plan is required (NHS England PR2022); a local
 * standard is the service's own target, so missing it is reported, not substituted for the national
 * threshold. Given from {@code msk-waiting-list} 1.1.0; empty in 1.0.0, which applies the local
 * standard as the threshold. Immutable.
 *
 * @param ruleId       the rule that reports it, e.g. {@code WL-RP-006}
 * @param category     the category counted
 * @param entries      how many waiting patients of the category wait longer than the local standard
 * @param standardDays the local standard in days (a wait longer than this misses it)
 * @param nationalDays the national threshold of the category, which decides the recovery plan
 * @param profile      the service profile whose standard it is
 * @param text         the report in words
 * @param source       where the rule comes from
 */
public record LocalStandardBreach(String ruleId, PriorityCategory category, long entries, int standardDays,
        int nationalDays, String profile, String text, String source) {
    public LocalStandardBreach {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
