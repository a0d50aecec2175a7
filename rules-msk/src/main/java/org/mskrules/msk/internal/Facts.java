package org.mskrules.msk.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.mskrules.core.RuleInfo;
import org.mskrules.msk.Destination;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.Finding;
import org.mskrules.msk.IncompleteScreen;
import org.mskrules.msk.RedFlag;
import org.mskrules.msk.RedFlagCondition;
import org.mskrules.msk.Referral;
import org.mskrules.msk.Screen;

/**
 * Builds the facts that rule consequences insert, from the firing rule's own metadata, so that a
 * rule's level, destination, time frame and source are written once, in the rule file.
 */
public final class Facts {
    private Facts() {
    }

    /** The red flag that {@code rule} raises, read from its metadata. */
    public static RedFlag redFlag(Rule rule) {
        Map<String, Object> m = rule.getMetaData();
        return new RedFlag(
                text(m, "id"),
                RedFlagCondition.valueOf(text(m, "condition")),
                EscalationLevel.valueOf(text(m, "level")),
                text(m, "timeFrame"),
                Destination.valueOf(text(m, "destination")),
                text(m, "source"));
    }

    /** The incomplete screen that {@code rule} reports, naming the items not recorded. */
    public static IncompleteScreen incompleteScreen(Rule rule, List<String> missing) {
        Map<String, Object> m = rule.getMetaData();
        return new IncompleteScreen(text(m, "id"), Screen.valueOf(text(m, "screen")), missing, text(m, "source"));
    }

    /** JSON Pointers of the findings of {@code group} that {@code referral} does not record. */
    public static List<String> missing(Referral referral, Collection<Finding> group) {
        return missing(referral, group, false);
    }

    /**
     * JSON Pointers of the findings of {@code group} that {@code referral} does not record, followed
     * by {@code /symptomOnset} when {@code onsetMissing}.
     */
    public static List<String> missing(Referral referral, Collection<Finding> group, boolean onsetMissing) {
        List<String> pointers = new ArrayList<>();
        for (Finding f : referral.notRecorded(group)) {
            pointers.add("/findings/" + f.name());
        }
        if (onsetMissing) {
            pointers.add("/symptomOnset");
        }
        return pointers;
    }

    private static String text(Map<String, Object> metadata, String key) {
        Object value = metadata.get(key);
        if (value == null) {
            throw new IllegalStateException("rule metadata has no @" + key);
        }
        return RuleInfo.metadataText(value);
    }
}
