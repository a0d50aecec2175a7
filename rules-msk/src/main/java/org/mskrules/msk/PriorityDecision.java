package org.mskrules.msk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * Whether the patient is a priority patient, why, and the waiting-time threshold that follows. The
 * category in force is the clinician's explicit decision when one is recorded, otherwise the one
 * derived from the national criteria; both are kept so that an override is always visible.
 * Immutable.
 *
 * @param category              the category in force
 * @param derived               the category the national criteria give: priority if any reason
 * @param clinician             the clinician's explicit decision, or {@code null} if none recorded
 * @param reasons               every criterion met, in criterion order then by rule id
 * @param waitingThresholdDays  the national waiting-time threshold for {@code category}: 14 days for
 *                              priority, 84 for non-priority; a wait longer than this breaches it
 * @param ruleId                the rule that set the category and threshold
 * @param source                the guidance that rule cites
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriorityDecision(
        PriorityCategory category,
        PriorityCategory derived,
        PriorityCategory clinician,
        List<PriorityReason> reasons,
        int waitingThresholdDays,
        String ruleId,
        String source) {

    public PriorityDecision {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(derived, "derived");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(source, "source");
        if ((derived == PriorityCategory.PRIORITY) == reasons.isEmpty()) {
            throw new IllegalArgumentException("derived category [" + derived + "] disagrees with reasons " + reasons);
        }
        if (category != (clinician != null ? clinician : derived)) {
            throw new IllegalArgumentException("category [" + category + "] is neither the clinician's [" + clinician
                    + "] nor the derived [" + derived + "]");
        }
    }

    /** True if the category in force is priority. Not serialised: {@link #category()} says it. */
    @JsonIgnore
    public boolean isPriority() {
        return category == PriorityCategory.PRIORITY;
    }

    /** True if a clinician's decision differs from the derived category. */
    public boolean overridden() {
        return clinician != null && clinician != derived;
    }
}
