package org.mskrules.core;

import org.mskrules.core.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * One loaded, checked version of a rule set: its knowledge base, its rules with their metadata, and
 * the hash of its content. Each {@link #evaluate} call is an independent stateless evaluation.
 * Loading, hashing and the checks on load are {@code RuleSetLoader}'s; this class evaluates.
 *
 * <p>A view made by {@link #withRulesDisabled} shares the knowledge base but never fires the rules
 * it disables, and every trace it makes names them; it exists for rule-mutation tests and what-if
 * analysis, never for clinical decisions.
 *
 * <p>Thread-safe: the knowledge base is immutable after loading and each evaluation has a session
 * and a trace listener of its own for as long as it runs, so one instance serves any number of
 * threads. Sessions come from a pool of the knowledge base (Drools' {@link KieSessionsPool}): an
 * evaluation borrows one, inserts its facts, fires, reads its outputs and gives it back, and the pool
 * resets it (facts, agenda, listeners, node memories) before anyone else borrows it. Building a new
 * session, with the memories of every rule, was a third of the cost of a small evaluation.
 */
public final class RuleSet {
    private final RuleSetManifest manifest;
    private final KieBase kieBase;
    private final String contentHash;
    private final List<RuleInfo> rules;
    /** Keyed by package and rule name, the pair that identifies a rule in a kbase. */
    private final Map<String, RuleInfo> byRule;
    private final ClassLoader classLoader;
    /** Ids of the rules this view never fires, sorted; empty for the rule set as loaded. */
    private final List<String> disabledRules;
    /** The package/name keys of {@link #disabledRules}, which is what a match carries. */
    private final Set<String> disabledKeys;
    /**
     * The kbase's own rule objects, which are what a match carries, to their metadata: a look-up by
     * identity per fired rule instead of building and hashing a package/name key. Read-only.
     */
    private final Map<Rule, RuleInfo> byRuleObject;
    /** Sessions of {@link #kieBase}, shared by every view of this version. */
    private final KieSessionsPool sessions;
    /** Stage to its rules' ids, in stage order; empty for a version ordered by salience. */
    private final Map<String, List<String>> stages;

    RuleSet(RuleSetManifest manifest, KieBase kieBase, String contentHash, Map<String, RuleInfo> byRule,
            ClassLoader classLoader, List<String> disabledRules, KieSessionsPool sessions) {
        this.manifest = manifest;
        this.classLoader = classLoader;
        this.kieBase = kieBase;
        this.contentHash = contentHash;
        this.byRule = byRule;
        this.sessions = sessions;
        Map<Rule, RuleInfo> byObject = new IdentityHashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleInfo info = byRule.get(key(pkg.getName(), rule.getName()));
                if (info != null) {
                    byObject.put(rule, info);
                }
            }
        }
        this.byRuleObject = Collections.unmodifiableMap(byObject);
        Map<String, List<String>> byStage = new java.util.LinkedHashMap<>();
        if (manifest.stages() != null) {
            manifest.stages().forEach(stage -> byStage.put(stage, new ArrayList<>()));
            byObject.forEach((rule, info) -> byStage.get(
                    ((org.drools.base.definitions.rule.impl.RuleImpl) rule).getAgendaGroup()).add(info.id()));
            byStage.replaceAll((stage, ids) -> ids.stream().sorted().toList());
        }
        this.stages = Collections.unmodifiableMap(byStage);
        this.rules = byRule.values().stream().sorted(Comparator.comparing(RuleInfo::id)).toList();
        this.disabledRules = List.copyOf(disabledRules);
        Set<String> disabled = Set.copyOf(this.disabledRules);
        Set<String> keys = new HashSet<>();
        byRule.forEach((key, rule) -> {
            if (disabled.contains(rule.id())) {
                keys.add(key);
            }
        });
        this.disabledKeys = Set.copyOf(keys);
    }

    public RuleSetManifest manifest() {
        return manifest;
    }

    public String id() {
        return manifest.ruleSetId();
    }

    public String version() {
        return manifest.version();
    }

    /**
     * {@code sha256:...} over the manifest (all but its status and recorded hash) and the files it
     * lists, computed when the version loaded.
     */
    public String contentHash() {
        return contentHash;
    }

    /**
     * The version's parameter defaults (the manifest's {@code parameterDefaults} file, part of its
     * hashed content) read strictly into {@code type}.
     *
     * @throws InvalidConfigurationException if the version names no defaults, or they are missing or
     *                                       do not fit {@code type}
     */
    public <T> T parameterDefaults(Class<T> type) {
        return read("/parameterDefaults", "parameter defaults", manifest.parameterDefaults(), type);
    }

    /**
     * The version's policy (the manifest's {@code policy} file, part of its hashed content: its
     * declarations that are not rules) read strictly into {@code type}.
     *
     * @throws InvalidConfigurationException if the version names no policy, or it is missing or does
     *                                       not fit {@code type}
     */
    public <T> T policy(Class<T> type) {
        return read("/policy", "policy", manifest.policy(), type);
    }

    private <T> T read(String field, String what, String path, Class<T> type) {
        if (path == null) {
            throw new InvalidConfigurationException(List.of(new Violation(field, "REQUIRED",
                    "rule set [" + manifest.coordinates() + "] names no " + what)));
        }
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                throw new InvalidConfigurationException(List.of(new Violation(field, "NOT_FOUND",
                        what + " [" + path + "] " + (what.endsWith("s") ? "are" : "is") + " not on the class path")));
            }
            return Json.readValue(in, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigurationException(List.of(new Violation(field, "INVALID",
                    what + " [" + path + "] cannot be read: " + e.getMessage())));
        }
    }

    /**
     * The text, as UTF-8, of one of the files this version's content hash covers ({@link
     * RuleSetManifest#files()}), for a reviewer's view such as the generated catalogue: the text the
     * safety officer signs is the text that runs.
     *
     * @throws IllegalArgumentException if {@code path} is not one of the version's hashed files
     * @throws RuleSetLoadException if the file cannot be read from the class path
     */
    public String fileText(String path) {
        if (!manifest.files().contains(path)) {
            throw new IllegalArgumentException("[" + path + "] is not one of the files of " + manifest.coordinates()
                    + "; its files are " + manifest.files());
        }
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                throw new RuleSetLoadException(manifest.coordinates(), List.of("file [" + path + "] is not on the class path"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleSetLoadException(manifest.coordinates(), List.of("cannot read [" + path + "]"), e);
        }
    }

    /**
     * The version's pipeline stages in the order they run (Drools agenda groups), each with the ids of
     * its rules, sorted; empty for a version ordered by salience.
     */
    public Map<String, List<String>> stages() {
        return stages;
    }

    /** Every rule in this version, sorted by id, disabled ones included. */
    public List<RuleInfo> rules() {
        return rules;
    }

    /** Ids of the rules this view never fires, sorted; empty unless made by {@link #withRulesDisabled}. */
    public List<String> disabledRules() {
        return disabledRules;
    }

    /**
     * A view of this version, sharing its knowledge base, whose evaluations never fire the rules with
     * the given ids (in addition to any this view already disables); every trace it makes lists them
     * in {@link Trace#disabledRules()}. For rule-mutation tests (does some test fail when a rule is
     * gone?) and what-if impact analysis only: a decision made without some of a version's rules is
     * not that version's decision and must never be acted on.
     *
     * <p>Rules that read a disabled rule's output see none, so a facade that needs that output may
     * fail with a {@link RulesException}; a mutation test counts that as detected.
     *
     * @param ruleIds ids of rules of this version; an empty set returns this rule set
     * @throws InvalidConfigurationException naming every id that is not a rule of this version
     */
    public RuleSet withRulesDisabled(Set<String> ruleIds) {
        Objects.requireNonNull(ruleIds, "ruleIds");
        if (ruleIds.isEmpty()) {
            return this;
        }
        Set<String> known = new HashSet<>();
        rules.forEach(r -> known.add(r.id()));
        List<Violation> unknown = new ArrayList<>();
        for (String id : new TreeSet<>(ruleIds)) {
            if (id.isBlank() || !known.contains(id)) {
                unknown.add(new Violation("/disabledRules", "UNKNOWN_RULE", "rule [" + id
                        + "] is not a rule of rule set [" + manifest.coordinates() + "]"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidConfigurationException(unknown);
        }
        TreeSet<String> all = new TreeSet<>(disabledRules);
        all.addAll(ruleIds);
        return new RuleSet(manifest, kieBase, contentHash, byRule, classLoader, List.copyOf(all), sessions);
    }

    /**
     * Runs one stateless evaluation. The facts are inserted together with an {@link EvaluationDate}
     * for {@code asOf}; all rules fire (except any this view disables); the facts in working memory
     * that {@code outputFilter} accepts are returned with the trace.
     *
     * @param facts        input facts (not modified)
     * @param asOf         the evaluation date; rules never read the clock
     * @param outputFilter selects the facts to return, typically by type
     * @param outputOrder  orders the returned facts so that results are deterministic
     */
    public Evaluation evaluate(Collection<?> facts, LocalDate asOf, Predicate<Object> outputFilter,
            Comparator<Object> outputOrder) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(outputFilter, "outputFilter");
        Objects.requireNonNull(outputOrder, "outputOrder");
        List<Object> inserted = new ArrayList<>(facts.size() + 1);
        inserted.add(new EvaluationDate(asOf));
        inserted.addAll(facts);

        TraceListener listener = new TraceListener();
        List<Object> sorted;
        KieSession session = sessions.newKieSession();
        try {
            session.addEventListener(listener);
            for (Object fact : inserted) {
                session.insert(fact);
            }
            focusStages(session);
            if (disabledKeys.isEmpty()) {
                session.fireAllRules();
            } else {
                session.fireAllRules(enabledOnly());
            }
            // Copied before the session goes back to the pool, which empties it.
            sorted = new ArrayList<>(session.getObjects(outputFilter::test));
            List<String> late = LATE_FIRINGS.get();
            if (late != null && manifest.stages() != null) {
                fireLate(session, listener, late);
            }
        } catch (RuntimeException e) {
            throw new RulesException("evaluation of rule set [" + manifest.coordinates() + "] failed", e);
        } finally {
            // Back to the pool, which resets it (facts, agenda, listeners, memories), failed or not.
            session.dispose();
        }
        sorted.sort(outputOrder);
        Trace trace = new Trace(manifest.ruleSetId(), manifest.version(), contentHash, asOf, listener.fired,
                disabledRules, manifest.status());
        return new Evaluation(sorted, trace);
    }

    /**
     * Test hook for the stage order (rules-tests' {@code StageOrderTest}, same package; never set
     * elsewhere). While a list is set on a thread, each evaluation of a staged version on that thread,
     * after its outputs are taken, focuses every stage again, fires once more and adds the name of
     * each rule that fires then. Such a rule matched only after its stage had finished, on a fact a
     * later stage inserted, so in a real evaluation it silently never fires: the stages are in the
     * wrong order for it. Outputs and trace are not affected.
     */
    static final ThreadLocal<List<String>> LATE_FIRINGS = new ThreadLocal<>();

    private void fireLate(KieSession session, TraceListener trace, List<String> late) {
        session.removeEventListener(trace);
        DefaultAgendaEventListener recorder = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                late.add(event.getMatch().getRule().getName());
            }
        };
        session.addEventListener(recorder);
        focusStages(session);
        if (disabledKeys.isEmpty()) {
            session.fireAllRules();
        } else {
            session.fireAllRules(enabledOnly());
        }
        session.removeEventListener(recorder);
    }

    /**
     * Puts the version's stages on the agenda's focus stack so that the first stage runs first: the
     * stack is last in, first out, so they are pushed in reverse. Each stage runs until it has nothing
     * left to fire, then the next.
     */
    private void focusStages(KieSession session) {
        List<String> order = manifest.stages();
        if (order == null) {
            return;
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            session.getAgenda().getAgendaGroup(order.get(i)).setFocus();
        }
    }

    /** Lets a match fire only if its rule is not disabled; the kbase itself is shared and unchanged. */
    private AgendaFilter enabledOnly() {
        return match -> !disabledKeys.contains(key(match.getRule().getPackageName(), match.getRule().getName()));
    }

    @Override
    public String toString() {
        return "RuleSet[" + manifest.coordinates() + ", " + rules.size() + " rules, " + contentHash
                + (disabledRules.isEmpty() ? "" : ", disabled " + disabledRules) + "]";
    }

    static String key(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }

    private final class TraceListener extends DefaultAgendaEventListener {
        private final List<FiredRule> fired = new ArrayList<>();

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            Rule rule = event.getMatch().getRule();
            RuleInfo info = byRuleObject.get(rule);
            if (info == null) {
                info = byRule.get(key(rule.getPackageName(), rule.getName()));
            }
            if (info == null) {
                // Cannot happen for a kbase checked on load; fail rather than leave a gap in the trace.
                throw new IllegalStateException("rule [" + rule.getName() + "] fired but was not checked on load");
            }
            fired.add(new FiredRule(fired.size() + 1, info));
        }
    }
}
