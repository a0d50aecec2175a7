package org.mskrules.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded, checked version of a rule set: its knowledge base, its rules with their metadata, and
 * the hash of its content. Each {@link #evaluate} call is an independent stateless evaluation.
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
    private static final Logger LOG = LoggerFactory.getLogger(RuleSet.class);

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

    private RuleSet(RuleSetManifest manifest, KieBase kieBase, String contentHash, Map<String, RuleInfo> byRule,
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

    static RuleSet load(RuleSetManifest manifest, KieContainer container, ClassLoader classLoader) {
        String where = manifest.coordinates();
        String hash = checkedContentHash(manifest, classLoader);
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
        checkPackageFolders(manifest, kieBase, classLoader);
        Map<String, RuleInfo> byRule = checkedRules(manifest, kieBase);
        checkStages(manifest, kieBase);
        // The pool starts empty and grows to the most evaluations ever run at once.
        RuleSet loaded = new RuleSet(manifest, kieBase, hash, byRule, classLoader, List.of(), kieBase.newKieSessionsPool(0));
        logLoaded(manifest, hash, byRule.size());
        return loaded;
    }

    /**
     * The content hash of a version, computed from its files; for a released version, refused unless
     * it is the one the manifest records. No knowledge base is built.
     *
     * @throws RuleSetLoadException if a released version's content no longer matches its record
     */
    static String checkedContentHash(RuleSetManifest manifest, ClassLoader classLoader) {
        String hash = contentHash(manifest, classLoader);
        if (manifest.contentHash() != null && !manifest.contentHash().equals(hash)) {
            throw new RuleSetLoadException(manifest.coordinates(), List.of("content hash is [" + hash
                    + "] but the manifest records [" + manifest.contentHash() + "]: a released version's files or"
                    + " manifest have changed; a released version is immutable: make a new version instead"));
        }
        return hash;
    }

    /**
     * One line per version loaded (issue 20), so that an operator can see from the log which rule
     * sets, by version and content hash, an application decides with. Names no input: it runs before
     * any. A WORKING version is logged at WARN, since it is not for clinical use (HAZ-004).
     */
    static void logLoaded(RuleSetManifest manifest, String hash, int rules) {
        if (manifest.status() == RuleSetManifest.Status.WORKING) {
            LOG.warn("Loaded rule set {} {} WORKING (not released, not for clinical use) {} {} rules",
                    manifest.ruleSetId(), manifest.version(), hash, rules);
        } else {
            LOG.info("Loaded rule set {} {} {} effective {} {} {} rules", manifest.ruleSetId(), manifest.version(),
                    manifest.status(), manifest.effectiveFrom(), hash, rules);
        }
    }

    /**
     * Checks that the kbase holds exactly the DRL files the manifest lists, since only those are
     * hashed. A kbase takes every DRL file in its packages' folders ({@code kmodule.xml} names
     * packages, not files), so a DRL file added to such a folder would change the rules without
     * changing the content hash. Refused, each problem named:
     *
     * <ul>
     * <li>a {@code .drl} file directly in the folder of one of the kbase's packages (on any class-path
     * entry: directory or jar) that the manifest does not list;
     * <li>a listed {@code .drl} file whose folder is not the folder of one of the kbase's packages;
     * <li>a package of the kbase with rules whose folder holds no listed {@code .drl} file (a package
     * added to the kbase outside the manifest, or rules declared in a package other than their
     * file's folder).
     * </ul>
     */
    static void checkPackageFolders(RuleSetManifest manifest, KieBase kieBase, ClassLoader classLoader) {
        String where = manifest.coordinates();
        Set<String> listed = new TreeSet<>();
        for (String path : manifest.files()) {
            if (path.endsWith(".drl")) {
                listed.add(path);
            }
        }
        Set<String> listedFolders = new TreeSet<>();
        listed.forEach(path -> listedFolders.add(folderOf(path)));
        Map<String, String> packageByFolder = new TreeMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            packageByFolder.put(pkg.getName().replace('.', '/'), pkg.getName());
        }
        List<String> problems = new ArrayList<>();
        packageByFolder.forEach((folder, pkg) -> {
            Set<String> found;
            try {
                found = drlFilesIn(folder, listed, classLoader);
            } catch (IOException | RuntimeException e) {
                throw new RuleSetLoadException(where, List.of("cannot list the DRL files of package [" + pkg
                        + "] of kbase [" + manifest.kbase() + "] to check them against the manifest: "
                        + e.getMessage()), e);
            }
            for (String path : found) {
                if (!listed.contains(path)) {
                    problems.add("DRL file [" + path + "] is in package [" + pkg + "] of kbase [" + manifest.kbase()
                            + "] but not listed in the manifest, so not covered by the content hash");
                }
            }
        });
        for (String path : listed) {
            if (!packageByFolder.containsKey(folderOf(path))) {
                problems.add("DRL file [" + path + "] is listed but not in the kbase's packages "
                        + packageByFolder.values());
            }
        }
        List<KiePackage> packages = kieBase.getKiePackages().stream()
                .sorted(Comparator.comparing(KiePackage::getName)).toList();
        for (KiePackage pkg : packages) {
            String folder = pkg.getName().replace('.', '/');
            if (!pkg.getRules().isEmpty() && !listedFolders.contains(folder)) {
                problems.add("package [" + pkg.getName() + "] of kbase [" + manifest.kbase() + "] holds "
                        + pkg.getRules().size() + " rule(s) but its folder [" + folder
                        + "] holds no DRL file listed in the manifest, so they are not covered by the content hash");
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetLoadException(where, problems);
        }
    }

    /** The folder part of a class-path resource path: {@code a/b/c.drl} is {@code a/b}. */
    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * Class-path paths of the {@code .drl} files directly in {@code folder} (not in sub-folders), on
     * every class-path entry that has the folder: directories ({@code file:}) and jars
     * ({@code jar:}). A jar built without directory entries does not report the folder itself, so
     * the entries holding the folder's {@code listed} files are searched too. Any other kind of entry
     * cannot be listed and is an error rather than a gap in the check.
     */
    private static Set<String> drlFilesIn(String folder, Set<String> listed, ClassLoader classLoader)
            throws IOException {
        List<URL> urls = new ArrayList<>(Collections.list(classLoader.getResources(folder)));
        for (String path : listed) {
            if (folderOf(path).equals(folder)) {
                urls.addAll(Collections.list(classLoader.getResources(path)));
            }
        }
        String prefix = folder.isEmpty() ? "" : folder + "/";
        Set<String> found = new TreeSet<>();
        Set<Path> dirs = new HashSet<>();
        Set<String> jars = new HashSet<>();
        for (URL url : urls) {
            switch (url.getProtocol()) {
                case "file" -> {
                    Path path;
                    try {
                        path = Path.of(url.toURI());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        throw new IOException("cannot read [" + url + "]", e);
                    }
                    // A listed file's own URL stands for the folder that holds it.
                    Path dir = Files.isRegularFile(path) ? path.getParent() : path;
                    if (!Files.isDirectory(dir) || !dirs.add(dir.toAbsolutePath().normalize())) {
                        continue;
                    }
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.drl")) {
                        for (Path file : files) {
                            if (Files.isRegularFile(file)) {
                                found.add(prefix + file.getFileName());
                            }
                        }
                    }
                }
                case "jar" -> {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    if (!jars.add(connection.getJarFileURL().toString())) {
                        continue;
                    }
                    // A private copy, so that closing it cannot close a jar that someone else shares.
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (JarEntry entry : Collections.list(jar.entries())) {
                            String name = entry.getName();
                            if (!entry.isDirectory() && name.startsWith(prefix) && name.endsWith(".drl")
                                    && name.indexOf('/', prefix.length()) < 0) {
                                found.add(name);
                            }
                        }
                    }
                }
                default -> throw new IOException("class-path entry [" + url + "] is neither a directory nor a jar,"
                        + " so the DRL files in it cannot be listed");
            }
        }
        return found;
    }

    /**
     * For a version that declares its stages: every rule is in one of them (its {@code agenda-group})
     * and none has a salience, so that the order of the pipeline is the manifest's list and nothing
     * else. In a version without stages (ordered by salience) every rule is in the main agenda group.
     */
    static void checkStages(RuleSetManifest manifest, KieBase kieBase) {
        List<String> problems = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                org.drools.base.definitions.rule.impl.RuleImpl impl = (org.drools.base.definitions.rule.impl.RuleImpl) rule;
                if (manifest.stages() == null) {
                    // Without declared stages nothing would give another agenda group the focus: it would never fire.
                    if (!impl.isMainAgendaGroup()) {
                        problems.add("rule [" + rule.getName() + "] is in agenda group [" + impl.getAgendaGroup()
                                + "] but the version declares no stages, so it would never fire");
                    }
                    continue;
                }
                if (!manifest.stages().contains(impl.getAgendaGroup())) {
                    problems.add("rule [" + rule.getName() + "] is in agenda group [" + impl.getAgendaGroup()
                            + "], not one of the version's stages " + manifest.stages());
                }
                if (impl.isSalienceDynamic() || impl.getSalienceValue() != 0) {
                    problems.add("rule [" + rule.getName() + "] has a salience; in a version with stages the"
                            + " order is the stages' alone");
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.naturalOrder());
            throw new RuleSetLoadException(manifest.coordinates(), problems);
        }
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
     * SHA-256 over the manifest and then its files, so that neither a rule file nor a manifest
     * field that shapes behaviour (effective date, kbase, file list, required metadata, parameter
     * defaults, description, stages, policy) can change without changing the hash.
     *
     * <ol>
     * <li>A canonical header: for each of {@code ruleSetId}, {@code version}, {@code kbase},
     * {@code effectiveFrom}, {@code description}, {@code files} (sorted), {@code requiredMetadata}
     * and {@code parameterDefaults}, then, only if the manifest has them, {@code stages} (in their
     * order) and {@code policy}, in that order, the field name and a newline, then its value. A
     * text value (a date as {@code YYYY-MM-DD}) is its UTF-8 byte length, a newline, the bytes and a
     * newline; an absent value is {@code -} and a newline; a list is {@code #}, its size, a newline,
     * then each element as a text value. {@code status} and {@code contentHash} are left out: a
     * version is hashed before it is released and the hash is then recorded in it.
     * <li>For each file in path order: its path, a newline, its byte length, a newline and its bytes,
     * with line endings normalised to LF first so that a checkout on Windows hashes the same as one on
     * Linux.
     * </ol>
     */
    static String contentHash(RuleSetManifest manifest, ClassLoader classLoader) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        List<String> files = manifest.files().stream().sorted().toList();
        digest.update(canonicalHeader(manifest, files));
        List<String> missing = new ArrayList<>();
        for (String path : files) {
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

    /** The manifest's fields in a fixed order, each value length-prefixed so that no two manifests share a header. */
    private static byte[] canonicalHeader(RuleSetManifest m, List<String> sortedFiles) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        headerText(out, "ruleSetId", m.ruleSetId());
        headerText(out, "version", m.version());
        headerText(out, "kbase", m.kbase());
        headerText(out, "effectiveFrom", m.effectiveFrom() == null ? null : m.effectiveFrom().toString());
        headerText(out, "description", m.description());
        headerList(out, "files", sortedFiles);
        headerList(out, "requiredMetadata", m.requiredMetadata());
        headerText(out, "parameterDefaults", m.parameterDefaults());
        // Only when present, so that the hashes of the versions before them are unchanged.
        if (m.stages() != null) {
            headerList(out, "stages", m.stages());
        }
        if (m.policy() != null) {
            headerText(out, "policy", m.policy());
        }
        return out.toByteArray();
    }

    private static void headerText(ByteArrayOutputStream out, String name, String value) {
        if (name != null) {
            out.writeBytes((name + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (value == null) {
            out.writeBytes("-\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
    }

    private static void headerList(ByteArrayOutputStream out, String name, List<String> values) {
        out.writeBytes((name + "\n#" + values.size() + "\n").getBytes(StandardCharsets.UTF_8));
        values.forEach(v -> headerText(out, null, v));
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
            return Json.mapper().readValue(in, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigurationException(List.of(new Violation(field, "INVALID",
                    what + " [" + path + "] cannot be read: " + e.getMessage())));
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
     * not that version's decision and must never reach a patient.
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

    private static String key(String packageName, String ruleName) {
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
