package org.mskrules.msk;

import java.io.IOException;
import java.io.InputStream;
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
import org.mskrules.core.Json;
import org.mskrules.core.RuleInfo;
import org.mskrules.core.RuleSet;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.core.Trace;
import org.mskrules.core.Violation;

/**
 * The MSK referral decision facade: assesses a referral for red flags that need emergency, urgent
 * or soon escalation, and for required screens that are incomplete, with one rule-set version and
 * one evaluation date, and explains the decision.
 *
 * <pre>{@code
 * MskRules rules = MskRules.builder()
 *         .ruleSetVersion("1.0.0")                // omit for the newest version on the class path
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
 * a.trace();               // msk-referral 1.0.0, sha256:..., fired rules with their metadata
 * }</pre>
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

    private static final Comparator<IncompleteScreen> SCREEN_ORDER = Comparator.comparing(IncompleteScreen::ruleId);

    private final RuleSet ruleSet;
    private final RedFlagParameters parameters;
    /** Reported with every assessment; built once, not per call. */
    private final Map<String, Integer> parameterValues;

    private MskRules(RuleSet ruleSet, RedFlagParameters parameters) {
        this.ruleSet = ruleSet;
        this.parameters = parameters;
        this.parameterValues = Collections.unmodifiableMap(parameters.asMap());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Assesses one referral as of {@code asOf}.
     *
     * @throws InvalidInputException if the referral has any problem; every problem is listed with
     *                               its field path and no rule runs
     */
    public Assessment assess(Referral referral, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<Violation> violations = ReferralValidator.validate(referral, asOf);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Evaluation evaluation = ruleSet.evaluate(List.of(referral, parameters), asOf,
                o -> o instanceof RedFlag || o instanceof IncompleteScreen, MskRules::outputOrder);
        List<RedFlag> flags = evaluation.outputs(RedFlag.class);
        List<IncompleteScreen> screens = evaluation.outputs(IncompleteScreen.class);
        EscalationLevel escalation = flags.stream().map(RedFlag::level)
                .max(Comparator.naturalOrder()).orElse(EscalationLevel.NONE);
        return new Assessment(referral.referralId(), escalation, flags, screens, parameterValues, evaluation.trace());
    }

    /** Every problem with {@code referral} as of {@code asOf}; empty if it can be assessed. */
    public List<Violation> validate(Referral referral, LocalDate asOf) {
        return ReferralValidator.validate(referral, Objects.requireNonNull(asOf, "asOf"));
    }

    /** The rule-set version this instance evaluates. */
    public String ruleSetVersion() {
        return ruleSet.version();
    }

    /** {@code sha256:...} over the version's rule files and parameter defaults. */
    public String contentHash() {
        return ruleSet.contentHash();
    }

    /** The parameter values in use (the version's defaults with any overrides). */
    public RedFlagParameters parameters() {
        return parameters;
    }

    /** Every rule of the version with its metadata, sorted by id. */
    public List<RuleInfo> rules() {
        return ruleSet.rules();
    }

    private static int outputOrder(Object a, Object b) {
        if (a instanceof RedFlag x && b instanceof RedFlag y) {
            return RedFlag.REPORTING_ORDER.compare(x, y);
        }
        if (a instanceof IncompleteScreen x && b instanceof IncompleteScreen y) {
            return SCREEN_ORDER.compare(x, y);
        }
        return a instanceof RedFlag ? -1 : 1;
    }

    /** Checks the MSK-specific metadata that {@code Facts} reads, so that no rule can fail mid-evaluation. */
    static void checkMskMetadata(RuleSet ruleSet) {
        List<String> problems = new ArrayList<>();
        for (RuleInfo rule : ruleSet.rules()) {
            String kind = rule.meta("kind");
            String where = "rule [" + rule.name() + "]";
            problems.addAll(enumProblem(where, "level", rule.meta("level"), EscalationLevel.class));
            if ("red-flag".equals(kind)) {
                problems.addAll(enumProblem(where, "condition", rule.meta("condition"), RedFlagCondition.class));
                problems.addAll(enumProblem(where, "destination", rule.meta("destination"), Destination.class));
                if (rule.meta("timeFrame") == null || rule.meta("timeFrame").isBlank()) {
                    problems.add(where + " has no @timeFrame");
                }
                if ("NONE".equals(rule.meta("level"))) {
                    problems.add(where + " is a red flag with @level NONE");
                }
            } else if ("screen".equals(kind)) {
                problems.addAll(enumProblem(where, "screen", rule.meta("screen"), Screen.class));
            } else {
                problems.add(where + " has @kind [" + kind + "]; expected red-flag or screen");
            }
            if (!rule.name().startsWith(rule.id() + " ")) {
                problems.add(where + " name does not start with its id [" + rule.id() + "]");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleMetadataException(ruleSet.manifest().coordinates(), problems);
        }
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

    static RedFlagParameters defaults(RuleSet ruleSet) {
        String path = ruleSet.manifest().parameterDefaults();
        if (path == null) {
            throw new InvalidConfigurationException(List.of(new Violation("/parameterDefaults", "REQUIRED",
                    "rule set [" + ruleSet.manifest().coordinates() + "] names no parameter defaults")));
        }
        try (InputStream in = MskRules.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new InvalidConfigurationException(List.of(new Violation("/parameterDefaults", "NOT_FOUND",
                        "parameter defaults [" + path + "] are not on the class path")));
            }
            return Json.mapper().readValue(in, RedFlagParameters.class);
        } catch (IOException e) {
            throw new InvalidConfigurationException(List.of(new Violation("/parameterDefaults", "INVALID",
                    "parameter defaults [" + path + "] cannot be read: " + e.getMessage())));
        }
    }

    /**
     * Configures an {@link MskRules}. Each setter checks its argument at once and names a bad value.
     * Not thread-safe; the {@link MskRules} it builds is.
     */
    public static final class Builder {
        private RuleSetRegistry registry;
        private String version;
        private final Map<String, Integer> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** The registry to load from; by default the rule sets on this library's class path. */
        public Builder registry(RuleSetRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** The rule-set version to evaluate, e.g. {@code 1.0.0}; by default the newest available. */
        public Builder ruleSetVersion(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Overrides one named local parameter (see {@link RedFlagParameters}).
         *
         * @throws InvalidConfigurationException if the name is unknown or the value out of range
         */
        public Builder parameter(String name, int value) {
            RedFlagParameters.checkValue(name, value);
            overrides.put(name, value);
            return this;
        }

        /** Loads and checks the rule set and parameters. */
        public MskRules build() {
            RuleSetRegistry reg = registry != null ? registry : RuleSetRegistry.fromClasspath(MskRules.class.getClassLoader());
            RuleSet ruleSet = version != null ? reg.ruleSet(RULE_SET_ID, version) : reg.latest(RULE_SET_ID);
            checkMskMetadata(ruleSet);
            RedFlagParameters parameters = defaults(ruleSet).with(overrides);
            return new MskRules(ruleSet, parameters);
        }
    }

    @Override
    public String toString() {
        return "MskRules[" + ruleSet + "]";
    }

}
