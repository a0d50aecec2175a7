package org.mskrules.msk.waitinglist;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mskrules.core.Evaluation;
import org.mskrules.core.EvaluationDate;
import org.mskrules.core.FiredRule;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.LineSource;
import org.mskrules.core.RuleInfo;
import org.mskrules.core.RuleSet;
import org.mskrules.core.MetadataRules;
import org.mskrules.core.RuleSetBinding;
import org.mskrules.core.RuleSetBuilder;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.core.RulesException;
import org.mskrules.core.Trace;
import org.mskrules.core.Violation;
import org.mskrules.msk.PriorityCategory;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.waitinglist.internal.ListTally;
import org.mskrules.msk.waitinglist.internal.MilestoneSelection;
import org.mskrules.msk.waitinglist.internal.MilestoneTally;
import org.mskrules.msk.waitinglist.internal.MilestoneVerdict;
import org.mskrules.msk.waitinglist.internal.PolicyRequest;
import org.mskrules.msk.waitinglist.internal.RecoveryPlanActions;
import org.mskrules.msk.waitinglist.internal.WaitingListFacts;

/**
 * The community MSK waiting-list facade: reviews a whole waiting list on one evaluation date with one
 * rule-set version. For each entry it finds the days waited, the SitRep reporting band, whether the
 * patient is over their category's threshold, which milestones they breach and whether they are due
 * for validation, and decides validation outcomes; for the list, it counts by band and category,
 * finds the longest waits, decides whether a recovery plan is required, and checks the milestones in
 * force (NHS England PR2022). Bands, thresholds, milestones and the validation schedule are rules of
 * the version, each with its source; they are decided once per review and each entry is classified
 * against them, so a list of a million entries is reviewed in one pass holding only the entries of
 * concern.
 *
 * <pre>{@code
 * WaitingListRules rules = WaitingListRules.builder().build();     // newest released version, national standards
 * WaitingListReview review = rules.review(Path.of("waiting-list.csv"), LocalDate.of(2023, 11, 20));
 * review.summary();            // entries in = reviewed + rejected; waiting, seen
 * review.recoveryPlan();       // REQUIRED: WL-RP-001 3 priority patients wait longer than 14 days, ...
 * review.milestones();         // WL-MS-001 (52 weeks) in force: NOT_MET, with the breaching entries
 * review.validationCohort();   // who to contact to validate the list
 * review.rejected();           // line 14: /received INVALID_DATE ...
 * }</pre>
 *
 * <p>Which version decides: the one named with {@link Builder#ruleSetVersion} (working or released),
 * else the released version in force on the date given to {@link Builder#inForceOn}, else the newest
 * released version. A working version is never chosen unless named. A review's trace names the
 * version and its content hash; its evaluation date is separate, so a past list can be reviewed with
 * the version in force at the time.
 *
 * <p>Entries are never dropped: each is reviewed or rejected with every problem and its line, and
 * the summary accounts for all of them. Every line of a duplicated id is rejected.
 *
 * <p>Thread-safe: build one instance per configuration and share it; each review is independent.
 */
public final class WaitingListRules {
    /** The id of the waiting-list rule set. */
    public static final String RULE_SET_ID = "msk-waiting-list";
    /** How many of the longest waits a review lists unless the builder says otherwise. */
    public static final int DEFAULT_LONGEST_WAITS = 10;

    private final RuleSetBinding binding;
    private final RuleSet ruleSet;
    private final WaitingListParameters parameters;
    private final Map<String, Integer> parameterValues;
    private final ServiceProfile serviceProfile;
    private final int longestWaits;
    private final ValidationOutcomes outcomes;

    private WaitingListRules(RuleSetBinding binding, WaitingListParameters parameters, ServiceProfile serviceProfile,
            int longestWaits) {
        this.binding = binding;
        this.ruleSet = binding.ruleSet();
        this.parameters = parameters;
        this.parameterValues = Collections.unmodifiableMap(new LinkedHashMap<>(parameters.asMap()));
        this.serviceProfile = serviceProfile;
        this.longestWaits = longestWaits;
        this.outcomes = new ValidationOutcomes(ruleSet);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bands, thresholds, milestones and validation schedule that apply on {@code asOf}. */
    public WaitingListPolicy policy(LocalDate asOf) {
        return policyEvaluation(EvaluationDate.check(Objects.requireNonNull(asOf, "asOf"))).policy;
    }

    /**
     * Reviews an in-memory list as of {@code asOf}. Each entry's line is its position from 1.
     * Entries with problems are rejected in the result, not thrown.
     */
    public WaitingListReview review(List<WaitingListEntry> entries, LocalDate asOf) {
        Objects.requireNonNull(entries, "entries");
        PolicyRun policy = policyEvaluation(EvaluationDate.check(Objects.requireNonNull(asOf, "asOf")));
        try (ReviewRun run = new ReviewRun(policy.policy, asOf, longestWaits, outcomes)) {
            long line = 0;
            for (WaitingListEntry entry : entries) {
                line++;
                run.offer(ParsedEntry.of(line, entry == null ? new WaitingListEntry(null, null, null, null, null) : entry));
            }
            return conclude(policy, run.finish(0), asOf);
        }
    }

    /**
     * Reviews a list file as of {@code asOf}, its format told by its extension ({@link EntryFormat#of}).
     * The file is read once, line by line.
     *
     * @throws InvalidInputException if the format is unknown, a CSV header is wrong (no entry can be
     *                               read), or the file cannot be opened or read ({@code UNREADABLE}:
     *                               missing, a directory, no permission, a read error); problems with
     *                               entries are rejections in the result
     */
    public WaitingListReview review(Path file, LocalDate asOf) {
        EntryFormat format = EntryFormat.of(file);
        try (LineSource lines = LineSource.utf8(Files.newInputStream(file))) {
            return review(lines, format, asOf);
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            throw new InvalidInputException(List.of(new Violation("", "UNREADABLE", "[" + file + "] cannot be read: "
                    + (cause instanceof java.nio.file.NoSuchFileException ? "no such file" : cause.getMessage()))));
        }
    }

    /**
     * Reviews a list read from {@code reader} in {@code format} as of {@code asOf}; the caller closes
     * the reader. The characters are taken as decoded: to have lines that are not valid UTF-8
     * rejected, pass the bytes to {@link #review(InputStream, EntryFormat, LocalDate)} instead.
     *
     * @throws InvalidInputException if a CSV header is missing or wrong (no entry can be read)
     */
    public WaitingListReview review(Reader reader, EntryFormat format, LocalDate asOf) {
        return review(LineSource.of(Objects.requireNonNull(reader, "reader")), format, asOf);
    }

    /**
     * Reviews a list read as UTF-8 bytes from {@code in} in {@code format} as of {@code asOf}, for
     * standard input or a network stream; a line that is not valid UTF-8 is rejected on its own. The
     * caller closes the stream.
     *
     * @throws InvalidInputException if a CSV header is missing, wrong or not UTF-8
     */
    public WaitingListReview review(InputStream in, EntryFormat format, LocalDate asOf) {
        return review(LineSource.utf8(Objects.requireNonNull(in, "in")), format, asOf);
    }

    /**
     * Reviews a list read as UTF-8 bytes from {@code in} in {@code format} as of {@code asOf}, as
     * {@link #review(InputStream, EntryFormat, LocalDate)} does, and also gives {@code eachLine} what
     * became of every entry: one {@link EntryOutcome} per entry line (not for blank lines or a CSV
     * header), in line order, so that the outcomes account for every entry read
     * ({@link ReviewSummary#entriesIn()}) and the rejected ones are exactly {@link WaitingListReview#rejected()}.
     *
     * <p>Every line of a duplicated id is rejected, whichever comes first, so no line's outcome is
     * final until the whole input has been read: the outcomes are delivered after reading, once the
     * review is complete, before this method returns. <strong>Memory:</strong> like the other review
     * methods, only the entries of concern are held; every entry's review is written to a temporary
     * file (a few hundred bytes an entry on disk) and read back in line order. The caller closes the
     * stream.
     *
     * @throws InvalidInputException if a CSV header is missing, wrong or not UTF-8 (no entry can be
     *                               read; {@code eachLine} is not called)
     */
    public WaitingListReview review(InputStream in, EntryFormat format, LocalDate asOf,
            Consumer<EntryOutcome> eachLine) {
        Objects.requireNonNull(eachLine, "eachLine");
        return review(LineSource.utf8(Objects.requireNonNull(in, "in")), format, asOf, eachLine);
    }

    private WaitingListReview review(LineSource lines, EntryFormat format, LocalDate asOf) {
        return review(lines, format, asOf, null);
    }

    /** Reviews the lines; gives {@code eachLine}, if it is not null, every outcome in line order. */
    private WaitingListReview review(LineSource lines, EntryFormat format, LocalDate asOf, Consumer<EntryOutcome> eachLine) {
        Objects.requireNonNull(format, "format");
        PolicyRun policy = policyEvaluation(EvaluationDate.check(Objects.requireNonNull(asOf, "asOf")));
        try (ReviewRun run = new ReviewRun(policy.policy, asOf, longestWaits, this.outcomes)) {
            if (eachLine != null) {
                run.keepEveryReview();
            }
            return review(run, lines, format, policy, asOf, eachLine);
        }
    }

    private WaitingListReview review(ReviewRun run, LineSource lines, EntryFormat format, PolicyRun policy,
            LocalDate asOf, Consumer<EntryOutcome> eachLine) {
        EntryReader entries = EntryReader.of(lines, format);
        ParsedEntry parsed;
        boolean any = false;
        while ((parsed = entries.next()) != null) {
            any = true;
            run.offer(parsed);
        }
        if (format == EntryFormat.CSV && !any && !((CsvEntryReader) entries).sawHeader()) {
            throw new InvalidInputException(List.of(new Violation("/header", "REQUIRED",
                    "the CSV input is empty: it needs a header line naming its columns")));
        }
        WaitingListReview review = conclude(policy, run.finish(entries.blankLines()), asOf);
        if (eachLine != null) {
            run.outcomes(eachLine);
        }
        return review;
    }

    /**
     * Reviews one entry on its own as of {@code asOf}, with its validation outcome.
     *
     * @throws InvalidInputException listing every problem with the entry
     */
    public EntryReview reviewEntry(WaitingListEntry entry, LocalDate asOf) {
        Objects.requireNonNull(entry, "entry");
        EvaluationDate.check(Objects.requireNonNull(asOf, "asOf"));
        List<Violation> problems = EntryChecks.check(entry, asOf, Set.of());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ReviewRun run = new ReviewRun(policyEvaluation(asOf).policy, asOf, 0, outcomes);
        EntryReview r = run.classify(1, entry);
        if (r.waiting() && entry.validation() != null) {
            r = r.withValidationOutcome(outcomes.decide(List.of(entry),
                    r.validationDue() ? Set.of(entry.entryId()) : Set.of(), asOf).get(entry.entryId()));
        }
        return r;
    }

    /** The rule-set version this instance evaluates, e.g. {@code 1.0.0}. */
    public String version() {
        return binding.version();
    }

    /** {@code RELEASED}, or {@code WORKING}: not signed off, not for clinical use (every trace says so too). */
    public RuleSetManifest.Status status() {
        return binding.status();
    }

    /** {@code sha256:...} over the version's manifest, rule files and parameter defaults. */
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
     * parameter overrides, service profile, longest waits), to build a variant of it.
     */
    public Builder toBuilder() {
        return new Builder(binding).serviceProfile(serviceProfile).longestWaits(longestWaits);
    }

    /** The parameter values in use (the version's defaults with any overrides). */
    public WaitingListParameters parameters() {
        return parameters;
    }

    /** The service profile whose local standards apply. */
    public ServiceProfile serviceProfile() {
        return serviceProfile;
    }

    /** Every rule of the version with its metadata, sorted by id. */
    public List<RuleInfo> rules() {
        return ruleSet.rules();
    }

    private record PolicyRun(WaitingListPolicy policy, Trace trace) {
    }

    private PolicyRun policyEvaluation(LocalDate asOf) {
        Evaluation e = ruleSet.evaluate(List.of(new PolicyRequest(asOf, parameters, serviceProfile)), asOf,
                o -> o instanceof WaitBand || o instanceof WaitThreshold || o instanceof MilestoneSelection
                        || o instanceof ValidationSchedule || o instanceof ReviewNote,
                (a, b) -> 0);
        List<WaitBand> bands = new ArrayList<>(e.outputs(WaitBand.class));
        bands.sort(Comparator.comparingInt(WaitBand::fromDay));
        List<WaitThreshold> thresholds = new ArrayList<>(e.outputs(WaitThreshold.class));
        thresholds.sort(Comparator.comparing(WaitThreshold::category));
        List<MilestoneSelection> selections = e.outputs(MilestoneSelection.class);
        Comparator<Milestone> byScope = Comparator.comparing(Milestone::scope).thenComparing(Milestone::due);
        List<Milestone> inForce = selections.stream().filter(MilestoneSelection::inForce)
                .map(MilestoneSelection::milestone).sorted(byScope).toList();
        List<Milestone> upcoming = selections.stream().filter(s -> !s.inForce())
                .map(MilestoneSelection::milestone).sorted(byScope).toList();
        List<ValidationSchedule> schedules = e.outputs(ValidationSchedule.class);
        List<ReviewNote> notes = new ArrayList<>(e.outputs(ReviewNote.class));
        notes.sort(Comparator.comparing(ReviewNote::ruleId));
        List<String> problems = policyProblems(bands, thresholds, inForce, upcoming, schedules);
        if (!problems.isEmpty()) {
            throw new RulesException("rule set [" + ruleSet + "] gives no usable waiting-list policy on " + asOf
                    + ": " + problems);
        }
        return new PolicyRun(new WaitingListPolicy(asOf, serviceProfile.name(), bands, thresholds, inForce, upcoming,
                schedules.get(0), notes), e.trace());
    }

    /** A version whose bands leave a gap, or that has no threshold for a category, cannot review a list. */
    private static List<String> policyProblems(List<WaitBand> bands, List<WaitThreshold> thresholds,
            List<Milestone> inForce, List<Milestone> upcoming, List<ValidationSchedule> schedules) {
        List<String> problems = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < bands.size(); i++) {
            WaitBand b = bands.get(i);
            if (b.fromDay() != next) {
                problems.add("band [" + b.code() + "] starts on day " + b.fromDay() + "; expected day " + next);
            }
            if (b.toDay() == null) {
                if (i != bands.size() - 1) {
                    problems.add("band [" + b.code() + "] is open-ended but not the last");
                }
                next = Integer.MAX_VALUE;
            } else {
                next = b.toDay() + 1;
            }
        }
        if (bands.isEmpty() || next != Integer.MAX_VALUE) {
            problems.add("the bands do not cover every wait: the last must be open-ended");
        }
        for (PriorityCategory c : PriorityCategory.values()) {
            long n = thresholds.stream().filter(t -> t.category() == c).count();
            if (n != 1) {
                problems.add(n + " thresholds for " + c + "; exactly one is required");
            }
        }
        for (List<Milestone> selected : List.of(inForce, upcoming)) {
            if (selected.stream().map(Milestone::scope).distinct().count() != selected.size()) {
                problems.add("more than one milestone of a scope selected: " + selected);
            }
        }
        if (schedules.size() != 1) {
            problems.add(schedules.size() + " validation schedules; exactly one is required");
        }
        return problems;
    }

    private WaitingListReview conclude(PolicyRun policy, ReviewRun.Result result, LocalDate asOf) {
        WaitingListPolicy p = policy.policy;
        List<Object> facts = new ArrayList<>();
        WaitThreshold priority = p.threshold(PriorityCategory.PRIORITY);
        WaitThreshold nonPriority = p.threshold(PriorityCategory.NON_PRIORITY);
        facts.add(new ListTally(result.summary().reviewed(), result.summary().rejected(), result.priorityOverThreshold(),
                result.nonPriorityOverThreshold(), priority.appliedDays(), nonPriority.appliedDays(), priority,
                nonPriority, result.priorityOverLocalStandard(), result.nonPriorityOverLocalStandard(),
                serviceProfile.name()));
        for (Milestone m : result.milestoneBreachingCounts().keySet()) {
            facts.add(new MilestoneTally(m, p.milestonesInForce().contains(m), result.milestoneBreachingCounts().get(m),
                    result.summary().reviewed(), result.summary().rejected()));
        }
        Evaluation e = ruleSet.evaluate(facts, asOf, o -> o instanceof RecoveryPlanReason
                || o instanceof RecoveryPlanActions || o instanceof MilestoneVerdict || o instanceof LocalStandardBreach,
                (a, b) -> 0);

        List<RecoveryPlanReason> reasons = new ArrayList<>(e.outputs(RecoveryPlanReason.class));
        reasons.sort(Comparator.comparing(RecoveryPlanReason::ruleId));
        RecoveryPlanStatus status = reasons.stream().map(RecoveryPlanReason::status).distinct().reduce((a, b) -> {
            throw new RulesException("rule set [" + ruleSet + "] gave conflicting recovery-plan decisions: " + reasons);
        }).orElseThrow(() -> new RulesException("rule set [" + ruleSet + "] made no recovery-plan decision"));
        List<RecoveryPlanActions> actions = e.outputs(RecoveryPlanActions.class);
        if (status == RecoveryPlanStatus.REQUIRED && actions.size() != 1) {
            throw new RulesException("rule set [" + ruleSet + "] requires a recovery plan but lists "
                    + actions.size() + " sets of actions");
        }
        List<LocalStandardBreach> localStandard = new ArrayList<>(e.outputs(LocalStandardBreach.class));
        localStandard.sort(Comparator.comparing(LocalStandardBreach::ruleId));
        RecoveryPlan plan = new RecoveryPlan(status, reasons,
                status == RecoveryPlanStatus.REQUIRED ? actions.get(0).actions() : List.of(), localStandard);

        Map<String, MilestoneVerdict> verdicts = new LinkedHashMap<>();
        for (MilestoneVerdict v : e.outputs(MilestoneVerdict.class)) {
            if (verdicts.put(v.milestoneId(), v) != null) {
                throw new RulesException("rule set [" + ruleSet + "] gave two verdicts on milestone " + v.milestoneId());
            }
        }
        List<MilestoneCheck> checks = new ArrayList<>();
        for (Map.Entry<Milestone, List<EntryReview>> m : result.milestoneBreaching().entrySet()) {
            MilestoneVerdict v = verdicts.get(m.getKey().ruleId());
            if (v == null) {
                throw new RulesException("rule set [" + ruleSet + "] gave no verdict on milestone " + m.getKey().ruleId());
            }
            checks.add(new MilestoneCheck(m.getKey(), p.milestonesInForce().contains(m.getKey()), v.status(),
                    v.ruleId(), result.milestoneBreachingCounts().get(m.getKey()), m.getValue()));
        }
        return new WaitingListReview(asOf, result.summary(), result.bandCounts(), result.longestWaits(), plan, checks,
                result.overThreshold(), result.validationCohort(), result.validationOutcomes(), result.rejected(), p,
                parameterValues, merge(policy.trace, e.trace()));
    }

    /** One trace for a review: the policy rules, then the list-level rules, numbered in that order. */
    private static Trace merge(Trace policy, Trace conclusion) {
        List<FiredRule> fired = new ArrayList<>();
        for (FiredRule r : policy.firedRules()) {
            fired.add(new FiredRule(fired.size() + 1, r.rule()));
        }
        for (FiredRule r : conclusion.firedRules()) {
            fired.add(new FiredRule(fired.size() + 1, r.rule()));
        }
        return new Trace(policy.ruleSetId(), policy.version(), policy.contentHash(), policy.asOf(), fired,
                policy.disabledRules(), policy.status());
    }

    /**
     * What each kind of waiting-list rule must carry, checked when an instance is built so that no
     * rule can fail mid-review: no rule escalates, every rule's confidence is national or local, and
     * the bands, milestones and thresholds whose facts are built from metadata can be built.
     */
    static final MetadataRules REQUIREMENTS = MetadataRules.builder()
            .everyRule(MetadataRules.values("level", "NONE"), MetadataRules.values("confidence", "N", "L"))
            .kind("reporting-band", rule -> parses(rule, () -> WaitingListFacts.band(rule.metadata())))
            .kind("waiting-threshold", WaitingListRules::thresholdProblems)
            .kind("milestone", rule -> parses(rule, () -> WaitingListFacts.milestone(rule.metadata())))
            .kind("milestone-selection")
            .kind("review-note")
            .kind("validation-schedule")
            .kind("recovery-plan")
            .kind("recovery-plan-content")
            .kind("milestone-check")
            .kind("validation-outcome")
            .kind("local-standard")
            .build();

    /** A problem if the fact that {@code rule}'s metadata defines cannot be built from it. */
    private static List<String> parses(RuleInfo rule, Supplier<?> build) {
        try {
            build.get();
            return List.of();
        } catch (RuntimeException e) {
            return List.of("has metadata that does not define a " + rule.meta("kind") + ": " + e.getMessage());
        }
    }

    /**
     * The national thresholds are rule content and also bound the service profile's local standards;
     * the two must agree, or a profile could be checked against a threshold the rules do not apply.
     */
    private static List<String> thresholdProblems(RuleInfo rule) {
        try {
            PriorityCategory category = PriorityCategory.valueOf(rule.meta("category"));
            int days = Integer.parseInt(rule.meta("nationalDays"));
            int bound = category == PriorityCategory.PRIORITY ? ServiceProfile.NATIONAL_PRIORITY_DAYS
                    : ServiceProfile.NATIONAL_NON_PRIORITY_DAYS;
            return days == bound ? List.of() : List.of("has @nationalDays " + days
                    + " but service profiles are checked against " + bound);
        } catch (RuntimeException e) {
            return List.of("needs @category (PRIORITY or NON_PRIORITY) and @nationalDays (a number)");
        }
    }

    static WaitingListParameters defaults(RuleSet ruleSet) {
        return ruleSet.parameterDefaults(WaitingListParameters.class);
    }

    /**
     * Configures a {@link WaitingListRules}: the options every facade shares ({@link RuleSetBuilder}),
     * the service profile and how many of the longest waits to list. Each setter checks its argument
     * at once; the order of the validation points is checked when the instance is built. Not
     * thread-safe; the {@link WaitingListRules} it builds is.
     */
    public static final class Builder extends RuleSetBuilder<Builder, WaitingListRules> {
        private ServiceProfile serviceProfile = ServiceProfile.NATIONAL;
        private int longestWaits = DEFAULT_LONGEST_WAITS;

        private Builder() {
            super(RULE_SET_ID, WaitingListRules.class.getClassLoader(), WaitingListParameters::checkValue);
        }

        private Builder(RuleSetBinding from) {
            super(from, WaitingListParameters::checkValue);
        }

        /** The service whose local standards (stricter thresholds) apply; {@link ServiceProfile#NATIONAL} by default. */
        public Builder serviceProfile(ServiceProfile profile) {
            this.serviceProfile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /** How many of the longest waits a review lists; 10 by default, 0 for none. */
        public Builder longestWaits(int count) {
            if (count < 0 || count > 10_000) {
                throw new InvalidConfigurationException(List.of(new Violation("/longestWaits", "OUT_OF_RANGE",
                        "longestWaits must be in [0, 10000] but was [" + count + "]")));
            }
            this.longestWaits = count;
            return this;
        }

        @Override
        public WaitingListRules build() {
            RuleSetBinding binding = bind(REQUIREMENTS);
            WaitingListParameters parameters = defaults(binding.ruleSet()).with(binding.overrides());
            return new WaitingListRules(binding, parameters, serviceProfile, longestWaits);
        }
    }

    @Override
    public String toString() {
        return "WaitingListRules[" + ruleSet + "]";
    }
}
