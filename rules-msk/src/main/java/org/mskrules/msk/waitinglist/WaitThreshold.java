package org.mskrules.msk.waitinglist;

import java.util.Objects;
import org.mskrules.msk.PriorityCategory;

/**
 * The waiting-time threshold of one category: a patient waiting longer than {@code appliedDays} is
 * over it, and any patient over it means the service needs a recovery plan (NHS England PR2022:
 * priority 2 weeks, non-priority 12 weeks). {@code appliedDays} is the national threshold unless the
 * service profile sets a stricter local standard. Immutable.
 *
 * @param category     the category it applies to
 * @param nationalDays the national threshold in days (a wait longer than this is over it)
 * @param appliedDays  the threshold applied: the national one or the service's stricter standard
 * @param standard     whose threshold {@code appliedDays} is: {@link #NATIONAL}, or the name of the
 *                     service profile whose stricter standard applies
 * @param ruleId       the rule that sets the threshold
 * @param source       where the national threshold comes from
 */
public record WaitThreshold(PriorityCategory category, int nationalDays, int appliedDays, String standard,
        String ruleId, String source) {
    /** The {@code standard} of a threshold that is the national one. */
    public static final String NATIONAL = "national threshold (NHS England PR2022)";

    public WaitThreshold {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(source, "source");
        if (appliedDays < 1 || appliedDays > nationalDays) {
            throw new IllegalArgumentException("threshold for " + category + " is " + appliedDays
                    + " days; it must be 1 to the national " + nationalDays);
        }
    }

    /** Whether a wait of {@code days} is longer than the threshold. */
    public boolean exceededBy(long days) {
        return days > appliedDays;
    }
}
