package org.mskrules.msk;

import static org.mskrules.core.MetadataRules.absent;
import static org.mskrules.core.MetadataRules.has;
import static org.mskrules.core.MetadataRules.listOf;
import static org.mskrules.core.MetadataRules.not;
import static org.mskrules.core.MetadataRules.oneOf;
import static org.mskrules.core.MetadataRules.optionalOneOf;
import static org.mskrules.core.MetadataRules.optionalValues;
import static org.mskrules.core.MetadataRules.positiveInt;
import static org.mskrules.core.MetadataRules.present;
import static org.mskrules.core.MetadataRules.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mskrules.core.Evaluation;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.InvalidRuleMetadataException;
import org.mskrules.core.RuleInfo;
import org.mskrules.core.RuleSet;
import org.mskrules.core.MetadataRules;
import org.mskrules.core.RuleSetBinding;
import org.mskrules.core.RuleSetBuilder;
import org.mskrules.core.RuleSetManifest;
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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MskRules.class);

    /** The id of the MSK referral rule set. */
    public static final String RULE_SET_ID = "msk-referral";

    private final RuleSetBinding binding;
    private final RuleSet ruleSet;
    private final LocalParameters parameters;
    /** Reported with every assessment; built once, not per call. */
    private final Map<String, Integer> parameterValues;
    private final ServiceProfile serviceProfile;
    private final RoutingPolicy policy;
    /** The input facts every evaluation adds to the referral: the policy when the version's rules read it. */
    private final List<Object> context;
    private final Comparator<Object> outputOrder;

    /** Told of every decision (issue 20); empty by default. */
    private final List<DecisionListener> listeners;

    private MskRules(RuleSetBinding binding, RoutingPolicy policy, LocalParameters parameters, ServiceProfile serviceProfile,
            List<DecisionListener> listeners) {
        this.binding = binding;
        this.ruleSet = binding.ruleSet();
        this.policy = policy;
        this.context = ruleSet.manifest().policy() == null ? List.of(parameters) : List.of(parameters, policy);
        this.outputOrder = Outputs.order(policy);
        this.parameters = parameters;
        this.parameterValues = Collections.unmodifiableMap(parameters.asMap());
        this.serviceProfile = serviceProfile;
        this.listeners = List.copyOf(listeners);
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
        if (listeners.isEmpty()) {
            return decide(referral, asOf, profile);
        }
        long start = System.nanoTime();
        Assessment a = decide(referral, asOf, profile);
        DecisionEvent event = new DecisionEvent(RULE_SET_ID, ruleSet.version(), ruleSet.manifest().status(),
                ruleSet.contentHash(), a.escalation(), a.route().route(), System.nanoTime() - start);
        for (DecisionListener listener : listeners) {
            try {
                listener.decided(event);
            } catch (RuntimeException e) {
                // A listener (metrics, audit) must never change or lose a clinical decision; its
                // message is not logged, since a listener's own text is not known to be free of data.
                LOG.warn("Decision listener {} failed with {}; the decision stands", listener.getClass().getName(),
                        e.getClass().getName());
            }
        }
        return a;
    }

    /** How many inputs {@link #assessAll} has in flight at most. */
    public static final int BATCH_WINDOW = 512;

    /**
     * Assesses many referrals as of {@code asOf} on the caller's {@code executor} (a host's pool, a
     * virtual-thread executor, or {@code Runnable::run} for the calling thread) and gives {@code sink}
     * one {@link BatchResult} per referral, in input order, on the calling thread: a decision, or every
     * problem with the referral. At most {@link #BATCH_WINDOW} referrals are in flight, so memory does
     * not grow with the input. The library starts no thread of its own.
     *
     * @return how many referrals were read (each gave exactly one result)
     * @throws RulesException if a referral cannot be assessed for a reason other than its own problems
     *         (a broken rule set or a defect): every earlier result has been given to {@code sink}, no
     *         later one is; tasks already handed to the executor finish and are discarded
     */
    public long assessAll(Iterator<Referral> referrals, LocalDate asOf, Executor executor,
            Consumer<? super BatchResult<Referral>> sink) {
        return assessAll(referrals, Function.identity(), asOf, executor, sink);
    }

    /**
     * As {@link #assessAll(Iterator, LocalDate, Executor, Consumer)}, for inputs that still have to be
     * read into a referral (for example lines of JSON): {@code reader} runs on the executor too, and
     * an {@link InvalidInputException} it throws makes that input's result a rejection with its
     * problems, in its place in the order.
     */
    public <T> long assessAll(Iterator<? extends T> inputs, Function<? super T, Referral> reader, LocalDate asOf,
            Executor executor, Consumer<? super BatchResult<T>> sink) {
        return OrderedBatch.run(this, inputs, reader, asOf, executor, BATCH_WINDOW, sink);
    }

    private Assessment decide(Referral referral, LocalDate asOf, ServiceProfile profile) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(profile, "profile");
        List<Violation> violations = new ArrayList<>(ReferralValidator.validate(referral, asOf));
        violations.addAll(unsupported(referral));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        List<Object> facts = new ArrayList<>(context.size() + 2);
        facts.add(referral);
        facts.addAll(context);
        facts.add(profile);
        Evaluation evaluation = ruleSet.evaluate(facts, asOf, Outputs::isOutput, outputOrder);
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
        // The flags are in the policy's order, highest level first.
        EscalationLevel escalation = flags.isEmpty() ? EscalationLevel.NONE : flags.get(0).level();
        List<IncompleteScreen> screens = evaluation.outputs(IncompleteScreen.class);
        List<SeriousFinding> serious = evaluation.outputs(SeriousFinding.class);
        RouteDecision route = Outputs.route(policy, evaluation.outputs(RouteReason.class), flags, screens, serious,
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

    /** The rule-set version this instance evaluates, e.g. {@code 2.0.0}. */
    public String version() {
        return binding.version();
    }

    /** {@code RELEASED}, or {@code WORKING}: not signed off, not for clinical use (every trace says so too). */
    public RuleSetManifest.Status status() {
        return binding.status();
    }

    /** {@code sha256:...} over the version's manifest, rule files, parameter defaults and routing policy. */
    public String contentHash() {
        return binding.contentHash();
    }

    /**
     * Ids of the version's rules switched off with {@link Builder#withRulesDisabled}, sorted; empty
     * for every instance meant for clinical use.
     */
    public List<String> disabledRules() {
        return binding.disabledRules();
    }

    /**
     * A builder with this instance's settings (registry, version choice, rules switched off,
     * parameter overrides, service profile, decision listeners), to build a variant of it: the same
     * rules from the same registry, for example with other parameters.
     */
    public Builder toBuilder() {
        Builder b = new Builder(binding).serviceProfile(serviceProfile);
        b.listeners.addAll(listeners);
        return b;
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

    /**
     * How this version turns routing reasons into one route: precedence, tie-breaks, time-frame texts
     * and national thresholds; declared by the version from 2.0.0, frozen in Java for 1.0.0 and 1.1.0.
     */
    public RoutingPolicy routingPolicy() {
        return policy;
    }

    /**
     * The version's declared policy, or for 1.0.0 and 1.1.0 the one they were released with.
     *
     * @throws InvalidRuleMetadataException if a later version declares none, or its national
     *                                      thresholds disagree with its priority-category rules or
     *                                      with the bounds service profiles are checked against
     */
    static RoutingPolicy routingPolicy(RuleSet ruleSet) {
        RoutingPolicy policy;
        if (ruleSet.manifest().policy() != null) {
            policy = ruleSet.policy(RoutingPolicy.class);
        } else if (LegacyPrecedence_1_x.VERSIONS.contains(ruleSet.version())) {
            policy = LegacyPrecedence_1_x.POLICY;
        } else {
            throw new InvalidRuleMetadataException(ruleSet.manifest().coordinates(), List.of("the version declares no"
                    + " routing policy (the manifest's policy): only 1.0.0 and 1.1.0 may use the one frozen in Java"));
        }
        List<String> problems = new ArrayList<>();
        for (RuleInfo rule : ruleSet.rules()) {
            if ("priority-category".equals(rule.meta("kind"))) {
                Integer days = policy.nationalThresholdDays().get(PriorityCategory.valueOf(rule.meta("category")));
                if (!String.valueOf(days).equals(rule.meta("waitingThresholdDays"))) {
                    problems.add("rule [" + rule.name() + "] has @waitingThresholdDays " + rule.meta("waitingThresholdDays")
                            + " but the routing policy's national threshold is " + days);
                }
            }
        }
        if (policy.nationalThresholdDays().get(PriorityCategory.PRIORITY) != ServiceProfile.NATIONAL_PRIORITY_DAYS
                || policy.nationalThresholdDays().get(PriorityCategory.NON_PRIORITY) != ServiceProfile.NATIONAL_NON_PRIORITY_DAYS) {
            problems.add("the routing policy's national thresholds " + policy.nationalThresholdDays()
                    + " are not the bounds service profiles are checked against");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleMetadataException(ruleSet.manifest().coordinates(), problems);
        }
        return policy;
    }

    /**
     * What each kind of MSK rule must carry, because {@code internal.Facts} builds each
     * {@link RedFlag}, {@link IncompleteScreen}, {@link SeriousFinding}, {@link PriorityReason},
     * {@link PriorityDecision}, {@link StratifiedRisk} and {@link RouteReason} from the firing rule's
     * own metadata; checked when an instance is built, so that no rule can fail mid-evaluation.
     */
    static final MetadataRules REQUIREMENTS = MetadataRules.builder()
            .everyRule(oneOf("level", EscalationLevel.class),
                    when(rule -> !"red-flag".equals(rule.meta("kind")), optionalValues("level", "NONE")))
            .kind("red-flag", oneOf("condition", RedFlagCondition.class), oneOf("destination", Destination.class),
                    present("timeFrame"), not("level", "NONE", "a red flag must escalate"),
                    // From 1.1.0 a red-flag rule may list the findings its criterion needs present (@items,
                    // and @evidence: those of which one must be present), from which its partly-met
                    // screen is generated.
                    listOf("items", Finding.class), listOf("evidence", Finding.class))
            .kind("screen", oneOf("screen", Screen.class))
            .kind("serious-finding", present("findings"), listOf("findings", Finding.class), present("criteria"))
            .kind("priority-criterion", oneOf("criterion", PriorityCriterion.class),
                    optionalValues("provisional", "true", "false"))
            .kind("priority-category", oneOf("category", PriorityCategory.class), positiveInt("waitingThresholdDays"))
            .kind("risk-stratification", optionalOneOf("riskCategory", RiskCategory.class))
            .kind("route", oneOf("route", Route.class),
                    when(has("route", Route.SECONDARY_CARE.name()), oneOf("specialty", Specialty.class)),
                    when(has("route", Route.SECONDARY_CARE.name()).negate(),
                            absent("specialty", "does not route to secondary care")))
            .build();

    static LocalParameters defaults(RuleSet ruleSet) {
        return ruleSet.parameterDefaults(LocalParameters.class);
    }

    /**
     * Configures an {@link MskRules}: the options every facade shares ({@link RuleSetBuilder}) and the
     * service profile. Each setter checks its argument at once and names a bad value. Not
     * thread-safe; the {@link MskRules} it builds is.
     */
    public static final class Builder extends RuleSetBuilder<Builder, MskRules> {
        private ServiceProfile serviceProfile = ServiceProfile.NATIONAL;
        private final List<DecisionListener> listeners = new ArrayList<>();

        private Builder() {
            super(RULE_SET_ID, MskRules.class.getClassLoader(), LocalParameters::checkValue);
        }

        private Builder(RuleSetBinding from) {
            super(from, LocalParameters::checkValue);
        }

        /**
         * Adds a listener told of every decision (metrics, audit counters); none by default. The
         * events carry no patient data ({@link DecisionEvent}).
         */
        public Builder decisionListener(DecisionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The service context for routing; {@link ServiceProfile#NATIONAL} by default. */
        public Builder serviceProfile(ServiceProfile profile) {
            this.serviceProfile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        @Override
        public MskRules build() {
            RuleSetBinding binding = bind(REQUIREMENTS);
            RoutingPolicy policy = routingPolicy(binding.ruleSet());
            LocalParameters parameters = defaults(binding.ruleSet()).with(binding.overrides());
            return new MskRules(binding, policy, parameters, serviceProfile, listeners);
        }
    }

    @Override
    public String toString() {
        return "MskRules[" + ruleSet + "]";
    }

}
