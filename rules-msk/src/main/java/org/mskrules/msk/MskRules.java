package org.mskrules.msk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mskrules.core.Evaluation;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.InvalidRuleMetadataException;
import org.mskrules.core.NoVersionInForceException;
import org.mskrules.core.RuleInfo;
import org.mskrules.core.RuleSet;
import org.mskrules.core.RuleSetChoice;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.core.RulesException;
import org.mskrules.core.Violation;

/**
 * The MSK referral decision facade: in one evaluation of one rule-set version, for one evaluation
 * date, assesses a referral for red flags that need emergency, urgent or soon escalation and for
 * required screens that are incomplete, decides whether the patient is a priority patient (and the
 * waiting-time threshold that follows), and chooses the one route, in the context of a
 * {@link ServiceProfile}; and explains the decision.
 *
 * <pre>{@code
 * MskRules rules = MskRules.builder()
 *         .ruleSetVersion("1.0.0")                // or .inForceOn(date); omit both for the newest released version
 *         .parameter("malignancyAgeYears", 55)    // a local choice; defaults ship with the version
 *         .build();
 *
 * Referral referral = Referral.builder()
 *         .ageYears(47).sex(Sex.MALE)
 *         .referralDate(LocalDate.of(2026, 11, 20))
 *         .region(BodyRegion.LUMBAR_SPINE)
 *         .present(Finding.LEG_PAIN, Finding.SADDLE_ANAESTHESIA)
 *         .absent(Finding.BLADDER_OR_BOWEL_DISTURBANCE)
 *         .build();
 *
 * Assessment a = rules.assess(referral, LocalDate.of(2026, 11, 23));
 * a.escalation();          // EMERGENCY
 * a.redFlags();            // RF-CES-001 cauda equina syndrome, emergency department, GIRFT 2023
 * a.incompleteScreens();   // SCR-CES-001: /findings/BILATERAL_LEG_NEUROLOGICAL_DEFICIT, ...
 * a.priority();            // NON_PRIORITY, threshold 84 days (PRI-CAT-002); SCR-PRI-001 lists what to record
 * a.route();               // RED_FLAG_PATHWAY -> EMERGENCY_DEPARTMENT (RT-RF-001)
 * a.trace();               // msk-referral 1.0.0, sha256:..., fired rules with their metadata
 * }</pre>
 *
 * <p>Which version decides: the one named with {@link Builder#ruleSetVersion} (working or released),
 * else the released version in force on the date given to {@link Builder#inForceOn}, else the newest
 * released version. A working version is never chosen unless named. Every assessment's trace names
 * the version and its content hash.
 *
 * <p>Building an instance loads and checks the rule set (every rule's metadata, the parameter
 * defaults and overrides) and fails with a {@link org.mskrules.core.RulesException} subclass if
 * anything is wrong, so that a misconfigured service fails at start-up.
 *
 * <p>Thread-safe: build one instance per configuration and share it; each {@link #assess} call is an
 * independent stateless evaluation.
 */
public final class MskRules {
    /** The id of the MSK referral rule set. */
    public static final String RULE_SET_ID = "msk-referral";

    private final RuleSet ruleSet;
    private final LocalParameters parameters;
    /** Reported with every assessment; built once, not per call. */
    private final Map<String, Integer> parameterValues;
    private final ServiceProfile serviceProfile;

    private MskRules(RuleSet ruleSet, LocalParameters parameters, ServiceProfile serviceProfile) {
        this.ruleSet = ruleSet;
        this.parameters = parameters;
        this.parameterValues = Collections.unmodifiableMap(parameters.asMap());
        this.serviceProfile = serviceProfile;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Assesses one referral as of {@code asOf} with this instance's service profile.
     *
     * @throws InvalidInputException if the referral has any problem; every problem is listed with
     *                               its field path and no rule runs
     */
    public Assessment assess(Referral referral, LocalDate asOf) {
        return assess(referral, asOf, serviceProfile);
    }

    /**
     * Assesses one referral as of {@code asOf} in the context of {@code profile}, for callers that
     * serve several practices or services (FCP access differs by practice). Red flags and the
     * priority category never depend on the profile.
     *
     * @throws InvalidInputException if the referral has any problem; every problem is listed with
     *                               its field path and no rule runs
     */
    public Assessment assess(Referral referral, LocalDate asOf, ServiceProfile profile) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(profile, "profile");
        List<Violation> violations = new ArrayList<>(ReferralValidator.validate(referral, asOf));
        violations.addAll(unsupported(referral));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Evaluation evaluation = ruleSet.evaluate(List.of(referral, parameters, profile), asOf,
                Outputs::isOutput, Outputs.ORDER);
        List<RedFlag> flags = evaluation.outputs(RedFlag.class);
        List<PriorityDecision> priority = evaluation.outputs(PriorityDecision.class);
        if (priority.size() != 1) {
            throw new RulesException("rule set [" + ruleSet + "] made " + priority.size()
                    + " priority decisions for one referral; exactly one is required");
        }
        List<StratifiedRisk> risks = evaluation.outputs(StratifiedRisk.class);
        if (risks.size() > 1) {
            throw new RulesException("rule set [" + ruleSet + "] set " + risks.size() + " risk categories: " + risks);
        }
        EscalationLevel escalation = flags.stream().map(RedFlag::level)
                .max(Comparator.naturalOrder()).orElse(EscalationLevel.NONE);
        List<IncompleteScreen> screens = evaluation.outputs(IncompleteScreen.class);
        List<SeriousFinding> serious = evaluation.outputs(SeriousFinding.class);
        RouteDecision route = Outputs.route(evaluation.outputs(RouteReason.class), flags, screens, serious,
                priority.get(0), profile);
        return new Assessment(referral.referralId(), readsPathwayStage() ? referral.stage() : null,
                referral.referralSource(), Grouping.of(referral), escalation, flags, screens, serious, priority.get(0), route,
                risks.isEmpty() ? null : risks.get(0), parameterValues, profile, evaluation.trace());
    }

    /** Every problem with {@code referral} as of {@code asOf}; empty if it can be assessed. */
    public List<Violation> validate(Referral referral, LocalDate asOf) {
        List<Violation> all = new ArrayList<>(ReferralValidator.validate(referral, Objects.requireNonNull(asOf, "asOf")));
        all.addAll(unsupported(referral));
        return List.copyOf(all);
    }

    /** The first major version whose rules read the pathway stage and the referral source. */
    static final int PATHWAY_MAJOR_VERSION = 2;

    /**
     * True if this instance's version reads the pathway stage and referral source (2.0.0 and later);
     * earlier versions reject a referral that gives either.
     */
    public boolean readsPathwayStage() {
        return Integer.parseInt(ruleSet.version().substring(0, ruleSet.version().indexOf('.'))) >= PATHWAY_MAJOR_VERSION;
    }

    /**
     * A stage or source given to a version that does not read them: rejected, so that no caller
     * believes a stage was taken into account when it was not (hazard log HAZ-018).
     */
    private List<Violation> unsupported(Referral referral) {
        if (referral == null || readsPathwayStage()) {
            return List.of();
        }
        List<Violation> v = new ArrayList<>();
        if (referral.pathwayStage() != null) {
            v.add(new Violation("/pathwayStage", "UNSUPPORTED_BY_VERSION", "pathwayStage is read from msk-referral 2.0.0;"
                    + " rule set " + ruleSet.id() + " " + ruleSet.version() + " decides as at the FCP or GP assessment: leave it out"));
        }
        if (referral.referralSource() != null) {
            v.add(new Violation("/referralSource", "UNSUPPORTED_BY_VERSION", "referralSource is read from msk-referral 2.0.0;"
                    + " rule set " + ruleSet.id() + " " + ruleSet.version() + " does not read it: leave it out"));
        }
        return v;
    }

    /** The rule-set version this instance evaluates. */
    public String ruleSetVersion() {
        return ruleSet.version();
    }

    /** {@code sha256:...} over the version's rule files and parameter defaults. */
    public String contentHash() {
        return ruleSet.contentHash();
    }

    /**
     * Ids of the version's rules switched off with {@link Builder#withRulesDisabled}, sorted; empty
     * for every instance meant for clinical use.
     */
    public List<String> disabledRules() {
        return ruleSet.disabledRules();
    }

    /** The parameter values in use (the version's defaults with any overrides). */
    public LocalParameters parameters() {
        return parameters;
    }

    /** The service profile {@link #assess(Referral, LocalDate)} uses. */
    public ServiceProfile serviceProfile() {
        return serviceProfile;
    }

    /** Every rule of the version with its metadata, sorted by id. */
    public List<RuleInfo> rules() {
        return ruleSet.rules();
    }

    /** Checks the MSK-specific metadata that {@code Facts} reads, so that no rule can fail mid-evaluation. */
    static void checkMskMetadata(RuleSet ruleSet) {
        List<String> problems = new ArrayList<>();
        for (RuleInfo rule : ruleSet.rules()) {
            String kind = rule.meta("kind");
            String where = "rule [" + rule.name() + "]";
            problems.addAll(enumProblem(where, "level", rule.meta("level"), EscalationLevel.class));
            if (!"red-flag".equals(kind) && rule.meta("level") != null && !"NONE".equals(rule.meta("level"))) {
                problems.add(where + " is not a red flag but has @level " + rule.meta("level"));
            }
            switch (kind == null ? "" : kind) {
                case "red-flag" -> {
                    problems.addAll(enumProblem(where, "condition", rule.meta("condition"), RedFlagCondition.class));
                    problems.addAll(enumProblem(where, "destination", rule.meta("destination"), Destination.class));
                    if (rule.meta("timeFrame") == null || rule.meta("timeFrame").isBlank()) {
                        problems.add(where + " has no @timeFrame");
                    }
                    if ("NONE".equals(rule.meta("level"))) {
                        problems.add(where + " is a red flag with @level NONE");
                    }
                    // From 1.1.0 a red-flag rule may list the findings its criterion needs present
                    // (@items, and @evidence: those of which one must be present), from which its
                    // partly-met screen is generated.
                    for (String key : List.of("items", "evidence")) {
                        String items = rule.meta(key);
                        for (String f : items == null ? new String[0] : items.split(",")) {
                            problems.addAll(enumProblem(where, key, f.trim(), Finding.class));
                        }
                    }
                }
                case "screen" -> problems.addAll(enumProblem(where, "screen", rule.meta("screen"), Screen.class));
                case "serious-finding" -> {
                    String findings = rule.meta("findings");
                    if (findings == null || findings.isBlank()) {
                        problems.add(where + " is a serious-finding rule without @findings");
                    } else {
                        for (String f : findings.split(",")) {
                            problems.addAll(enumProblem(where, "findings", f.trim(), Finding.class));
                        }
                    }
                    if (rule.meta("criteria") == null || rule.meta("criteria").isBlank()) {
                        problems.add(where + " has no @criteria");
                    }
                }
                case "priority-criterion" -> {
                    problems.addAll(enumProblem(where, "criterion", rule.meta("criterion"), PriorityCriterion.class));
                    String provisional = rule.meta("provisional");
                    if (provisional != null && !provisional.equals("true") && !provisional.equals("false")) {
                        problems.add(where + " has @provisional [" + provisional + "]; expected true or false");
                    }
                }
                case "priority-category" -> {
                    problems.addAll(enumProblem(where, "category", rule.meta("category"), PriorityCategory.class));
                    problems.addAll(positiveInt(where, "waitingThresholdDays", rule.meta("waitingThresholdDays")));
                }
                case "risk-stratification" -> {
                    if (rule.meta("riskCategory") != null) {
                        problems.addAll(enumProblem(where, "riskCategory", rule.meta("riskCategory"), RiskCategory.class));
                    }
                }
                case "route" -> {
                    problems.addAll(enumProblem(where, "route", rule.meta("route"), Route.class));
                    boolean secondary = Route.SECONDARY_CARE.name().equals(rule.meta("route"));
                    if (secondary) {
                        problems.addAll(enumProblem(where, "specialty", rule.meta("specialty"), Specialty.class));
                    } else if (rule.meta("specialty") != null) {
                        problems.add(where + " names a @specialty but does not route to secondary care");
                    }
                }
                default -> problems.add(where + " has @kind [" + kind + "]; expected one of " + KINDS);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleMetadataException(ruleSet.manifest().coordinates(), problems);
        }
    }

    /** The kinds of MSK rule; each has its own required metadata, checked on load. */
    static final List<String> KINDS = List.of("red-flag", "screen", "serious-finding", "priority-criterion",
            "priority-category", "risk-stratification", "route");

    private static List<String> positiveInt(String where, String key, String value) {
        try {
            if (value != null && Integer.parseInt(value) > 0) {
                return List.of();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return List.of(where + " has @" + key + " [" + value + "]; expected a positive whole number");
    }

    private static <E extends Enum<E>> List<String> enumProblem(String where, String key, String value, Class<E> type) {
        if (value == null) {
            return List.of(where + " has no @" + key);
        }
        try {
            Enum.valueOf(type, value);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(where + " has @" + key + " [" + value + "], not one of " + List.of(type.getEnumConstants()));
        }
    }

    static LocalParameters defaults(RuleSet ruleSet) {
        return ruleSet.parameterDefaults(LocalParameters.class);
    }

    /**
     * Configures an {@link MskRules}. Each setter checks its argument at once and names a bad value.
     * Not thread-safe; the {@link MskRules} it builds is.
     */
    public static final class Builder {
        private RuleSetRegistry registry;
        private final RuleSetChoice choice = new RuleSetChoice();
        private final Map<String, Integer> overrides = new LinkedHashMap<>();
        private ServiceProfile serviceProfile = ServiceProfile.NATIONAL;

        private Builder() {
        }

        /** The registry to load from; by default the rule sets on this library's class path. */
        public Builder registry(RuleSetRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * The rule-set version to evaluate, e.g. {@code 1.0.0}, whatever its status or effective date;
         * the only way to evaluate a {@code WORKING} version. Without this or {@link #inForceOn}, the
         * newest released version is used.
         *
         * @throws InvalidConfigurationException if {@link #inForceOn} was set too
         */
        public Builder ruleSetVersion(String version) {
            choice.version(version);
            return this;
        }

        /**
         * Evaluates the version in force on {@code date}: the released version with the latest
         * effective date on or before it ({@link RuleSetRegistry#inForce}). Building fails with
         * {@link NoVersionInForceException} if none is.
         *
         * @throws InvalidConfigurationException if {@link #ruleSetVersion} was set too
         */
        public Builder inForceOn(LocalDate date) {
            choice.inForceOn(date);
            return this;
        }

        /**
         * Switches rules of the version off: they never fire, and every decision's trace lists them
         * in {@link org.mskrules.core.Trace#disabledRules()}. <strong>For rule-mutation tests and
         * what-if impact analysis only; never for clinical use</strong>: a decision made without some
         * of a version's rules is not that version's decision. A decision that needs a disabled
         * rule's output may fail with a {@link RulesException}. Ids are checked when the instance is
         * built ({@link InvalidConfigurationException} naming every unknown id).
         */
        public Builder withRulesDisabled(String... ruleIds) {
            choice.disable(ruleIds);
            return this;
        }

        /**
         * Overrides one named local parameter (see {@link LocalParameters}).
         *
         * @throws InvalidConfigurationException if the name is unknown or the value out of range
         */
        public Builder parameter(String name, int value) {
            LocalParameters.checkValue(name, value);
            overrides.put(name, value);
            return this;
        }

        /**
         * Overrides several named local parameters at once, for example read from a service's
         * configuration file; every bad name or value is reported together.
         *
         * @throws InvalidConfigurationException naming every unknown name and out-of-range value
         */
        public Builder parameters(Map<String, Integer> values) {
            List<Violation> problems = new ArrayList<>();
            values.forEach((name, value) -> {
                try {
                    LocalParameters.checkValue(name, value);
                } catch (InvalidConfigurationException e) {
                    problems.addAll(e.violations());
                }
            });
            if (!problems.isEmpty()) {
                throw new InvalidConfigurationException(problems);
            }
            overrides.putAll(values);
            return this;
        }

        /** The service context for routing; {@link ServiceProfile#NATIONAL} by default. */
        public Builder serviceProfile(ServiceProfile profile) {
            this.serviceProfile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Loads and checks the rule set and parameters.
         *
         * @throws org.mskrules.core.UnknownRuleSetVersionException if the named version is not on the
         *                                                          class path, or none is released
         * @throws NoVersionInForceException     if {@link #inForceOn} names a date on which no version is in force
         * @throws InvalidConfigurationException for a bad parameter or an unknown rule id to disable
         */
        public MskRules build() {
            RuleSetRegistry reg = registry != null ? registry : RuleSetRegistry.fromClasspath(MskRules.class.getClassLoader());
            RuleSet ruleSet = choice.resolve(reg, RULE_SET_ID);
            checkMskMetadata(ruleSet);
            LocalParameters parameters = defaults(ruleSet).with(overrides);
            return new MskRules(ruleSet, parameters, serviceProfile);
        }
    }

    @Override
    public String toString() {
        return "MskRules[" + ruleSet + "]";
    }

}
