package org.mskrules.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.kie.api.KieBase;
import org.kie.api.command.Command;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.command.CommandFactory;

/**
 * One loaded, checked version of a rule set: its knowledge base, its rules with their metadata, and
 * the hash of its content. Each {@link #evaluate} call is an independent stateless evaluation.
 *
 * <p>Thread-safe: the knowledge base is immutable after loading and each evaluation uses its own
 * session and trace listener, so one instance serves any number of threads.
 */
public final class RuleSet {
    private final RuleSetManifest manifest;
    private final KieBase kieBase;
    private final String contentHash;
    private final List<RuleInfo> rules;
    /** Keyed by package and rule name, the pair that identifies a rule in a kbase. */
    private final Map<String, RuleInfo> byRule;
    private final ClassLoader classLoader;

    private RuleSet(RuleSetManifest manifest, KieBase kieBase, String contentHash, Map<String, RuleInfo> byRule,
            ClassLoader classLoader) {
        this.manifest = manifest;
        this.classLoader = classLoader;
        this.kieBase = kieBase;
        this.contentHash = contentHash;
        this.byRule = byRule;
        this.rules = byRule.values().stream().sorted(Comparator.comparing(RuleInfo::id)).toList();
    }

    static RuleSet load(RuleSetManifest manifest, KieContainer container, ClassLoader classLoader) {
        String where = manifest.coordinates();
        String hash = contentHash(manifest, classLoader);
        if (manifest.contentHash() != null && !manifest.contentHash().equals(hash)) {
            throw new RuleSetLoadException(where, List.of("content hash is [" + hash + "] but the manifest records ["
                    + manifest.contentHash() + "]: a released version's files have changed"));
        }
        if (!container.getKieBaseNames().contains(manifest.kbase())) {
            throw new RuleSetLoadException(where, List.of("kbase [" + manifest.kbase()
                    + "] is not declared in kmodule.xml; declared: " + container.getKieBaseNames()));
        }
        KieBase kieBase;
        try {
            kieBase = container.getKieBase(manifest.kbase());
        } catch (RuntimeException e) {
            throw new RuleSetLoadException(where, List.of("kbase [" + manifest.kbase() + "] does not build: "
                    + e.getMessage()), e);
        }
        Map<String, RuleInfo> byRule = checkedRules(manifest, kieBase);
        return new RuleSet(manifest, kieBase, hash, byRule, classLoader);
    }

    private static Map<String, RuleInfo> checkedRules(RuleSetManifest manifest, KieBase kieBase) {
        List<String> problems = new ArrayList<>();
        Map<String, RuleInfo> byRule = new HashMap<>();
        Map<String, String> nameById = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, String> metadata = new TreeMap<>();
                rule.getMetaData().forEach((k, v) -> metadata.put(k, v == null ? "" : RuleInfo.metadataText(v)));
                for (String key : manifest.requiredMetadata()) {
                    String value = metadata.get(key);
                    if (value == null || value.isBlank()) {
                        problems.add("rule [" + rule.getName() + "] in package [" + pkg.getName()
                                + "] has no @" + key);
                    }
                }
                String id = metadata.getOrDefault("id", "");
                if (!id.isBlank() && !rule.getName().startsWith(id + " ")) {
                    problems.add("rule [" + rule.getName() + "] in package [" + pkg.getName()
                            + "] name does not start with its id [" + id + "] and a space");
                }
                if (!id.isBlank()) {
                    String other = nameById.putIfAbsent(id, rule.getName());
                    if (other != null) {
                        problems.add("rule id [" + id + "] is used by both [" + other + "] and [" + rule.getName() + "]");
                    }
                }
                byRule.put(key(pkg.getName(), rule.getName()), new RuleInfo(id, rule.getName(), pkg.getName(), metadata));
            }
        }
        if (byRule.isEmpty()) {
            problems.add("kbase [" + manifest.kbase() + "] holds no rules");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleMetadataException(manifest.coordinates(), problems);
        }
        return Map.copyOf(byRule);
    }

    /**
     * SHA-256 over the manifest's files in path order: for each, its path, a newline, its byte
     * length, a newline and its bytes. Line endings are normalised to LF first so that a checkout on
     * Windows hashes the same as one on Linux.
     */
    static String contentHash(RuleSetManifest manifest, ClassLoader classLoader) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        List<String> missing = new ArrayList<>();
        for (String path : manifest.files().stream().sorted().toList()) {
            try (InputStream in = classLoader.getResourceAsStream(path)) {
                if (in == null) {
                    missing.add("file [" + path + "] named in the manifest is not on the class path");
                    continue;
                }
                byte[] bytes = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
                digest.update((path + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            } catch (IOException e) {
                throw new RuleSetLoadException(manifest.coordinates(), List.of("cannot read [" + path + "]"), e);
            }
        }
        if (!missing.isEmpty()) {
            throw new RuleSetLoadException(manifest.coordinates(), missing);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
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

    /** {@code sha256:...} over the files listed in the manifest, computed when the version loaded. */
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
        String path = manifest.parameterDefaults();
        if (path == null) {
            throw new InvalidConfigurationException(List.of(new Violation("/parameterDefaults", "REQUIRED",
                    "rule set [" + manifest.coordinates() + "] names no parameter defaults")));
        }
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                throw new InvalidConfigurationException(List.of(new Violation("/parameterDefaults", "NOT_FOUND",
                        "parameter defaults [" + path + "] are not on the class path")));
            }
            return Json.mapper().readValue(in, type);
        } catch (IOException e) {
            throw new InvalidConfigurationException(List.of(new Violation("/parameterDefaults", "INVALID",
                    "parameter defaults [" + path + "] cannot be read: " + e.getMessage())));
        }
    }

    /** Every rule in this version, sorted by id. */
    public List<RuleInfo> rules() {
        return rules;
    }

    /**
     * Runs one stateless evaluation. The facts are inserted together with an {@link EvaluationDate}
     * for {@code asOf}; all rules fire; the facts in working memory that {@code outputFilter}
     * accepts are returned with the trace.
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
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.addEventListener(listener);
        List<Command<?>> commands = List.of(
                CommandFactory.newInsertElements(inserted),
                CommandFactory.newFireAllRules(),
                CommandFactory.newGetObjects(outputFilter::test, "outputs"));
        ExecutionResults results;
        try {
            results = session.execute(CommandFactory.newBatchExecution(commands));
        } catch (RuntimeException e) {
            throw new RulesException("evaluation of rule set [" + manifest.coordinates() + "] failed", e);
        }
        @SuppressWarnings("unchecked")
        Collection<Object> outputs = (Collection<Object>) results.getValue("outputs");
        List<Object> sorted = new ArrayList<>(outputs);
        sorted.sort(outputOrder);
        Trace trace = new Trace(manifest.ruleSetId(), manifest.version(), contentHash, asOf, listener.fired);
        return new Evaluation(sorted, trace);
    }

    @Override
    public String toString() {
        return "RuleSet[" + manifest.coordinates() + ", " + rules.size() + " rules, " + contentHash + "]";
    }

    private static String key(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }

    private final class TraceListener extends DefaultAgendaEventListener {
        private final List<FiredRule> fired = new ArrayList<>();

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            Rule rule = event.getMatch().getRule();
            RuleInfo info = byRule.get(key(rule.getPackageName(), rule.getName()));
            if (info == null) {
                // Cannot happen for a kbase checked on load; fail rather than leave a gap in the trace.
                throw new IllegalStateException("rule [" + rule.getName() + "] fired but was not checked on load");
            }
            fired.add(new FiredRule(fired.size() + 1, info));
        }
    }
}
