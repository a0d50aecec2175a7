package org.mskrules.msk.waitinglist;

import java.util.Objects;
import org.mskrules.msk.PriorityCategory;

/**
 * The waiting-time threshold of one category: a patient waiting longer than {@code appliedDays} is
 * over it, and any patient over it means the service needs a recovery plan (NHS England PR2022:
 * priority 2 weeks, non-priority 12 weeks).
 *
 * <p>How a service's stricter local standard counts depends on the rule-set version. In
 * {@code msk-waiting-list} 1.0.0 it replaces the national threshold: {@code appliedDays} is the local
 * standard and {@code localStandardDays} is {@code null}. From 1.1.0 the national threshold alone
 * decides the recovery plan: {@code appliedDays} is always {@code nationalDays}, and the stricter local
 * standard is {@code localStandardDays}, against which waits are counted and reported, never substituted.
 * Immutable.
 *
 * @param category     the category it applies to
 * @param nationalDays the national threshold in days (a wait longer than this is over it)
 * @param appliedDays  the threshold applied: the national one or the service's stricter standard
 * @param standard     whose threshold {@code appliedDays} is: {@link #NATIONAL}, or the name of the
 *                     service profile whose stricter standard applies
 * @param ruleId       the rule that sets the threshold
 * @param source       where the national threshold comes from
 * @param localStandardDays the service profile's stricter standard, reported alongside the national
 *                     threshold, or {@code null} where the profile sets none or the version applies it
 *                     in place of the national threshold (1.0.0)
 */
public record WaitThreshold(PriorityCategory category, int nationalDays, int appliedDays, String standard,
        String ruleId, String source, Integer localStandardDays) {
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
        if (localStandardDays != null && (localStandardDays < 1 || localStandardDays >= appliedDays)) {
            throw new IllegalArgumentException("local standard for " + category + " is " + localStandardDays
                    + " days; a reported local standard must be 1 to " + (appliedDays - 1)
                    + ", stricter than the threshold applied");
        }
    }

    /** A threshold with no local standard reported beside it. */
    public WaitThreshold(PriorityCategory category, int nationalDays, int appliedDays, String standard,
            String ruleId, String source) {
        this(category, nationalDays, appliedDays, standard, ruleId, source, null);
    }

    /** Whether a wait of {@code days} is longer than the threshold. */
    public boolean exceededBy(long days) {
        return days > appliedDays;
    }

    /** Whether a wait of {@code days} is longer than the reported local standard, where there is one. */
    public boolean exceedsLocalStandard(long days) {
        return localStandardDays != null && days > localStandardDays;
    }
}
