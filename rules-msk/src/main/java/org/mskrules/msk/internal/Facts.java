package org.mskrules.msk.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.mskrules.core.RuleInfo;
import java.util.Comparator;
import org.mskrules.msk.Destination;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.Finding;
import org.mskrules.msk.IncompleteScreen;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.PriorityCriterion;
import org.mskrules.msk.PriorityDecision;
import org.mskrules.msk.PriorityReason;
import org.mskrules.msk.RedFlag;
import org.mskrules.msk.RedFlagCondition;
import org.mskrules.msk.Referral;
import org.mskrules.msk.RiskCategory;
import org.mskrules.msk.Route;
import org.mskrules.msk.RouteReason;
import org.mskrules.msk.RoutingPolicy;
import org.mskrules.msk.Screen;
import org.mskrules.msk.SeriousFinding;
import org.mskrules.msk.Specialty;
import org.mskrules.msk.StratifiedRisk;

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
    public static IncompleteScreen incompleteScreen(Rule rule, List<?> missing) {
        Map<String, Object> m = rule.getMetaData();
        return new IncompleteScreen(text(m, "id"), Screen.valueOf(text(m, "screen")),
                missing.stream().map(String.class::cast).toList(), text(m, "source"));
    }

    /**
     * The serious finding that {@code rule} reports: the findings of its {@code @findings} group that
     * {@code referral} records present, with the rule's {@code @criteria}, description and source.
     */
    public static SeriousFinding seriousFinding(Rule rule, Referral referral) {
        Map<String, Object> m = rule.getMetaData();
        List<Finding> present = new ArrayList<>();
        for (String name : text(m, "findings").split(",")) {
            Finding f = Finding.valueOf(name.trim());
            if (referral.isPresent(f)) {
                present.add(f);
            }
        }
        return new SeriousFinding(text(m, "id"), present, text(m, "criteria"), text(m, "description"), text(m, "source"));
    }

    /**
     * The routing reason that {@code rule} gives for serious findings outside every red-flag
     * criterion, naming each finding and the criteria it did not meet.
     */
    public static RouteReason routeReason(Rule rule, Collection<?> seriousFindings) {
        Map<String, Object> m = rule.getMetaData();
        StringBuilder named = new StringBuilder(text(m, "description")).append(" Serious findings:");
        seriousFindings.stream().map(SeriousFinding.class::cast)
                .sorted(Comparator.comparing(SeriousFinding::ruleId))
                .forEach(f -> named.append(' ').append(f.ruleId()).append(' ').append(f.findings())
                        .append(" (criteria not met: ").append(f.criteria()).append(");"));
        named.setLength(named.length() - 1);
        return new RouteReason(text(m, "id"), Route.valueOf(text(m, "route")), null, null, named.append('.').toString(),
                optional(m, "advice"), text(m, "source"));
    }

    /**
     * The advice-and-guidance reason that {@code rule} gives instead of the routine secondary-care
     * referrals {@code secondaryCare} (from 2.0.0): for the first of their specialties in the version's
     * {@link RoutingPolicy#specialtyPrecedence()}, naming every referral it replaces.
     */
    public static RouteReason adviceAndGuidance(Rule rule, Collection<?> secondaryCare, RoutingPolicy policy) {
        List<RouteReason> replaced = sortedReasons(secondaryCare);
        Specialty specialty = java.util.Objects.requireNonNull(policy.firstSpecialty(replaced.stream()
                .map(RouteReason::specialty).filter(java.util.Objects::nonNull).toList()), "specialty");
        Map<String, Object> m = rule.getMetaData();
        return new RouteReason(text(m, "id"), Route.valueOf(text(m, "route")), specialty, null,
                text(m, "description") + " Instead of: " + named(replaced) + ".", optional(m, "advice"), text(m, "source"));
    }

    /**
     * The reason that {@code rule} gives for triaging, through the service's single point of access,
     * the routine secondary-care referrals {@code secondaryCare} (from 2.0.0), naming each.
     */
    public static RouteReason singlePointOfAccess(Rule rule, Collection<?> secondaryCare) {
        Map<String, Object> m = rule.getMetaData();
        return new RouteReason(text(m, "id"), Route.valueOf(text(m, "route")), null, null,
                text(m, "description") + " Triaged instead of: " + named(sortedReasons(secondaryCare)) + ".",
                optional(m, "advice"), text(m, "source"));
    }

    private static List<RouteReason> sortedReasons(Collection<?> reasons) {
        return reasons.stream().map(RouteReason.class::cast).sorted(Comparator.comparing(RouteReason::ruleId)).toList();
    }

    private static String named(List<RouteReason> reasons) {
        return String.join("; ", reasons.stream().map(r -> r.ruleId() + " (" + r.specialty() + ")").toList());
    }

    /** The priority criterion that {@code rule} finds met. */
    public static PriorityReason priorityReason(Rule rule) {
        Map<String, Object> m = rule.getMetaData();
        return new PriorityReason(text(m, "id"), PriorityCriterion.valueOf(text(m, "criterion")),
                "true".equals(optional(m, "provisional")), text(m, "description"), text(m, "source"));
    }

    /**
     * The priority decision that {@code rule} makes: the category and threshold from its metadata,
     * the derived category from {@code reasons}, and the clinician's decision from the referral.
     */
    public static PriorityDecision priorityDecision(Rule rule, Referral referral, List<?> reasons) {
        Map<String, Object> m = rule.getMetaData();
        List<PriorityReason> sorted = reasons.stream().map(PriorityReason.class::cast)
                .sorted(Comparator.comparing(PriorityReason::criterion).thenComparing(PriorityReason::ruleId)).toList();
        PriorityCategory derived = sorted.isEmpty() ? PriorityCategory.NON_PRIORITY : PriorityCategory.PRIORITY;
        return new PriorityDecision(PriorityCategory.valueOf(text(m, "category")), derived,
                referral.clinicianPriority(), sorted, Integer.parseInt(text(m, "waitingThresholdDays")),
                text(m, "id"), text(m, "source"));
    }

    /** The routing reason that {@code rule} gives. */
    public static RouteReason routeReason(Rule rule) {
        Map<String, Object> m = rule.getMetaData();
        String specialty = optional(m, "specialty");
        return new RouteReason(text(m, "id"), Route.valueOf(text(m, "route")),
                specialty == null ? null : Specialty.valueOf(specialty), null, text(m, "description"),
                optional(m, "advice"), text(m, "source"));
    }

    /** The red-flag routing reason that {@code rule} gives for the highest flag, {@code flag}. */
    public static RouteReason routeReason(Rule rule, RedFlag flag) {
        Map<String, Object> m = rule.getMetaData();
        return new RouteReason(text(m, "id"), Route.valueOf(text(m, "route")), null, flag.destination(),
                text(m, "description") + " Highest flag: " + flag.ruleId() + " " + flag.condition() + " ("
                        + flag.level() + ").", null, text(m, "source"));
    }

    /** The risk category that {@code rule} derives, read from its metadata. */
    public static StratifiedRisk stratifiedRisk(Rule rule) {
        return stratifiedRisk(rule, RiskCategory.valueOf(text(rule.getMetaData(), "riskCategory")));
    }

    /** The risk category {@code category}, set by {@code rule}. */
    public static StratifiedRisk stratifiedRisk(Rule rule, RiskCategory category) {
        Map<String, Object> m = rule.getMetaData();
        return new StratifiedRisk(category, text(m, "id"), text(m, "source"));
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

    private static String optional(Map<String, Object> metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : RuleInfo.metadataText(value);
    }

    private static String text(Map<String, Object> metadata, String key) {
        Object value = metadata.get(key);
        if (value == null) {
            throw new IllegalStateException("rule metadata has no @" + key);
        }
        return RuleInfo.metadataText(value);
    }
}
