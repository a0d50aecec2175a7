package org.mskrules.core;

import org.mskrules.core.io.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;

/**
 * Every rule set version available on a class path, each loaded on first use into its own
 * knowledge base and then kept. A version is found through {@code META-INF/rule-sets.json}, which
 * names its manifest ({@link RuleSetManifest}); any number of jars may contribute.
 *
 * <p>Several versions of one rule set live side by side. A caller picks one in one of three ways:
 *
 * <pre>{@code
 * RuleSetRegistry registry = RuleSetRegistry.fromClasspath();
 * registry.ruleSet("order-checks", "1.0.0");                      // exactly this version, working or released
 * registry.inForce("order-checks", LocalDate.of(2026, 11, 23));   // the released version in force on a date
 * registry.latestReleased("order-checks");                        // the newest released version
 * }</pre>
 *
 * <p>A {@code WORKING} version is never in force and is never chosen for the caller: only asking
 * for it by number loads it.
 *
 * <p>Making a registry refuses a rule set whose released versions' effective dates go backwards as
 * the versions increase ({@link RuleSetLoadException}).
 *
 * <p>Thread-safe: a registry may be shared by all threads of an application; loading a version
 * happens at most once.
 */
public final class RuleSetRegistry {
    /** Classpath resource listing the manifests that a jar contributes. */
    public static final String INDEX = "META-INF/rule-sets.json";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuleSetRegistry.class);

    private final ClassLoader classLoader;
    /**
     * Made on the first version loaded, not before (issue 20): listing versions or hashing their
     * content needs no knowledge base.
     */
    private final java.util.function.Supplier<KieBaseSource> kieBasesFactory;
    private volatile KieBaseSource kieBases;
    /** ruleSetId -> version -> manifest; versions in semantic order. */
    private final Map<String, TreeMap<String, RuleSetManifest>> manifests;
    private final Map<String, RuleSet> loaded = new ConcurrentHashMap<>();

    private RuleSetRegistry(ClassLoader classLoader, java.util.function.Supplier<KieBaseSource> kieBasesFactory) {
        this.classLoader = classLoader;
        this.manifests = readManifests(classLoader);
        this.kieBasesFactory = kieBasesFactory;
        manifests.forEach(RuleSetRegistry::checkEffectiveDates);
    }

    /** For tests: manifests from {@code classLoader}, knowledge bases from {@code container}. */
    static RuleSetRegistry of(ClassLoader classLoader, KieContainer container) {
        KieBaseSource source = KieBaseSource.of(container);
        return new RuleSetRegistry(classLoader, () -> source);
    }

    private KieBaseSource kieBases() {
        KieBaseSource k = kieBases;
        if (k == null) {
            synchronized (this) {
                k = kieBases;
                if (k == null) {
                    k = kieBasesFactory.get();
                    kieBases = k;
                }
            }
        }
        return k;
    }

    /** The rule sets visible to this library's class loader. */
    public static RuleSetRegistry fromClasspath() {
        return fromClasspath(RuleSetRegistry.class.getClassLoader());
    }

    /** The rule sets visible to {@code classLoader}. */
    public static RuleSetRegistry fromClasspath(ClassLoader classLoader) {
        Objects.requireNonNull(classLoader, "classLoader");
        return new RuleSetRegistry(classLoader, () -> kieBases(classLoader));
    }

    /**
     * The knowledge bases of the executable model on the class path, each built from the generated
     * classes of its own packages only (issue 20: Drools' class-path container reads the whole jar
     * holding {@code kmodule.xml}, which in an executable jar is everything, and makes the model of
     * every kbase); that container only when the class path is not of a form read that way.
     *
     * <p>Drools finds its own services (and builds a knowledge base) through the thread's context
     * class loader; a host (an application server, a Spring Boot fat jar) may call us on a thread whose
     * loader cannot see Drools, so the loader that sees the rule sets stands in while the source is
     * made and each version loaded.
     */
    static KieBaseSource kieBases(ClassLoader classLoader) {
        return withContextLoader(classLoader, () -> {
            try {
                return ExecutableModelKieBases.read(classLoader);
            } catch (ExecutableModelKieBases.Unsupported e) {
                LOG.debug("Rule sets load through Drools' class-path container: {}", e.getMessage());
                return KieBaseSource.of(KieServices.get().newKieClasspathContainer(classLoader));
            }
        });
    }

    /** Runs {@code work} with {@code loader} as the thread's context class loader, then puts it back. */
    static <T> T withContextLoader(ClassLoader loader, java.util.function.Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous == loader) {
            return work.get();
        }
        thread.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Ids of every rule set found, sorted. */
    public List<String> ruleSetIds() {
        return manifests.keySet().stream().sorted().toList();
    }

    /** Versions of one rule set, oldest first; empty if the id is unknown. */
    public List<String> versions(String ruleSetId) {
        TreeMap<String, RuleSetManifest> versions = manifests.get(ruleSetId);
        return versions == null ? List.of() : List.copyOf(versions.keySet());
    }

    /** The manifest of one version, without loading its rules. */
    public RuleSetManifest manifest(String ruleSetId, String version) {
        TreeMap<String, RuleSetManifest> versions = manifests.get(ruleSetId);
        if (version == null || !VERSION_FORM.matcher(version).matches()) {
            // Not a version at all: the semantic order cannot even compare it with the known ones.
            throw new UnknownRuleSetVersionException(ruleSetId, String.valueOf(version), versions(ruleSetId),
                    "; a version has the form MAJOR.MINOR.PATCH");
        }
        RuleSetManifest manifest = versions == null ? null : versions.get(version);
        if (manifest == null) {
            throw new UnknownRuleSetVersionException(ruleSetId, version, versions(ruleSetId));
        }
        return manifest;
    }

    /**
     * The loaded rule set version, building its knowledge base and checking its content and rule
     * metadata on first use.
     *
     * @throws UnknownRuleSetVersionException if the id or version is not on the class path
     * @throws RuleSetLoadException           if it is there but cannot be used
     */
    public RuleSet ruleSet(String ruleSetId, String version) {
        RuleSetManifest manifest = manifest(ruleSetId, version);
        return loaded.computeIfAbsent(manifest.coordinates(),
                key -> withContextLoader(classLoader, () -> RuleSetLoader.load(manifest, kieBases(), classLoader)));
    }

    /**
     * The content hash of one version, computed from its files without building its knowledge base
     * (issue 20: listing versions and their hashes loads no rules); for a released version, checked
     * against the hash its manifest records.
     *
     * @throws UnknownRuleSetVersionException if the id or version is not on the class path
     * @throws RuleSetLoadException           if a released version's content no longer matches its record
     */
    public String contentHash(String ruleSetId, String version) {
        RuleSetManifest manifest = manifest(ruleSetId, version);
        RuleSet loaded = this.loaded.get(manifest.coordinates());
        return loaded != null ? loaded.contentHash() : RuleSetLoader.checkedContentHash(manifest, classLoader);
    }

    /**
     * The highest version of a rule set <strong>whatever its status</strong>: this may be a
     * {@code WORKING} version, which nobody has signed off and which is not for clinical use. To
     * choose a version for a decision use {@link #inForce} (the version in force on a date) or
     * {@link #latestReleased} (the newest released version); use this only to reach the version under
     * development; package-private so that no application reaches a working version by accident.
     *
     * @throws UnknownRuleSetVersionException if the id is unknown
     */
    RuleSet latest(String ruleSetId) {
        List<String> versions = versions(ruleSetId);
        if (versions.isEmpty()) {
            throw new UnknownRuleSetVersionException(ruleSetId, "latest", versions);
        }
        return ruleSet(ruleSetId, versions.get(versions.size() - 1));
    }

    /**
     * Manifests of the released versions of a rule set, oldest (lowest version) first, without
     * loading them; empty if the id is unknown or nothing is released.
     */
    public List<RuleSetManifest> released(String ruleSetId) {
        TreeMap<String, RuleSetManifest> versions = manifests.get(ruleSetId);
        return versions == null ? List.of() : versions.values().stream()
                .filter(m -> m.status() == RuleSetManifest.Status.RELEASED).toList();
    }

    /**
     * The newest (highest) released version of a rule set, whatever its effective date.
     *
     * @throws UnknownRuleSetVersionException if the id is unknown or no version of it is released
     */
    public RuleSet latestReleased(String ruleSetId) {
        List<RuleSetManifest> released = released(ruleSetId);
        if (released.isEmpty()) {
            throw new UnknownRuleSetVersionException(ruleSetId, "newest released", versions(ruleSetId),
                    " (none is released; name a working version explicitly)");
        }
        return ruleSet(ruleSetId, released.get(released.size() - 1).version());
    }

    /**
     * The version of a rule set in force on {@code date}: of the released versions whose
     * {@code effectiveFrom} is on or before {@code date}, the one with the latest effective date; of
     * two with the same effective date, the higher version. A working version is never in force,
     * whatever its effective date.
     *
     * @throws UnknownRuleSetVersionException if the id is unknown
     * @throws NoVersionInForceException      if no released version is in force on {@code date}
     *                                        (the message lists each released version's effective date)
     */
    public RuleSet inForce(String ruleSetId, LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (versions(ruleSetId).isEmpty()) {
            throw new UnknownRuleSetVersionException(ruleSetId, "in force on " + date, List.of());
        }
        List<RuleSetManifest> released = released(ruleSetId);
        RuleSetManifest inForce = null;
        for (RuleSetManifest m : released) {
            // Oldest first, so on a tie of dates the later (higher) version wins.
            if (!m.effectiveFrom().isAfter(date)
                    && (inForce == null || !m.effectiveFrom().isBefore(inForce.effectiveFrom()))) {
                inForce = m;
            }
        }
        if (inForce == null) {
            throw new NoVersionInForceException(ruleSetId, date, released);
        }
        return ruleSet(ruleSetId, inForce.version());
    }

    /** Loads every version of every rule set, so that a broken one fails at start-up, not mid-shift. */
    public List<RuleSet> loadAll() {
        List<RuleSet> all = new ArrayList<>();
        for (String id : ruleSetIds()) {
            for (String version : versions(id)) {
                all.add(ruleSet(id, version));
            }
        }
        return Collections.unmodifiableList(all);
    }

    private static Map<String, TreeMap<String, RuleSetManifest>> readManifests(ClassLoader classLoader) {
        Map<String, TreeMap<String, RuleSetManifest>> byId = new TreeMap<>();
        Enumeration<URL> indexes;
        try {
            indexes = classLoader.getResources(INDEX);
        } catch (IOException e) {
            throw new RulesException("cannot read [" + INDEX + "] from the class path", e);
        }
        for (URL index : Collections.list(indexes)) {
            for (String manifestPath : manifestPaths(index)) {
                RuleSetManifest manifest = readManifest(classLoader, manifestPath);
                RuleSetManifest previous = byId
                        .computeIfAbsent(manifest.ruleSetId(), id -> new TreeMap<>(SemanticVersions.ORDER))
                        .putIfAbsent(manifest.version(), manifest);
                if (previous != null) {
                    throw new RuleSetLoadException(manifest.coordinates(),
                            List.of("declared twice on the class path (second: [" + manifestPath + "])"));
                }
            }
        }
        return Collections.unmodifiableMap(byId);
    }

    /**
     * Refuses released versions whose effective dates go backwards as the versions increase: a
     * higher released version effective before a lower one would never be in force after the lower
     * one's date ({@link #inForce} takes the latest effective date), which is almost certainly a
     * mistaken date. Equal dates are allowed (the higher version wins); working versions are never in
     * force and are not checked.
     */
    private static void checkEffectiveDates(String ruleSetId, TreeMap<String, RuleSetManifest> versions) {
        List<String> problems = new ArrayList<>();
        RuleSetManifest previous = null;
        for (RuleSetManifest m : versions.values()) {
            if (m.status() != RuleSetManifest.Status.RELEASED) {
                continue;
            }
            if (previous != null && m.effectiveFrom().isBefore(previous.effectiveFrom())) {
                problems.add("released version [" + m.version() + "] is effective from [" + m.effectiveFrom()
                        + "], before the lower released version [" + previous.version() + "] (from ["
                        + previous.effectiveFrom() + "]), so it would never be in force after ["
                        + previous.effectiveFrom() + "]; effective dates of released versions must not go"
                        + " backwards as versions increase");
            }
            if (previous == null || !m.effectiveFrom().isBefore(previous.effectiveFrom())) {
                previous = m;
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetLoadException(ruleSetId, problems);
        }
    }

    private static List<String> manifestPaths(URL index) {
        try (InputStream in = index.openStream()) {
            JsonNode root = Json.readTree(in);
            JsonNode list = root.path("manifests");
            if (!list.isArray()) {
                throw new RulesException("[" + index + "] must hold {\"manifests\": [\"path\", ...]}");
            }
            List<String> paths = new ArrayList<>();
            list.forEach(node -> paths.add(node.asText()));
            return paths;
        } catch (IOException e) {
            throw new RulesException("cannot read rule-set index [" + index + "]", e);
        }
    }

    private static RuleSetManifest readManifest(ClassLoader classLoader, String path) {
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                throw new RuleSetLoadException(path, List.of("manifest not found on the class path"));
            }
            return Json.readValue(in, RuleSetManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new RuleSetLoadException(path, List.of("manifest is not valid: " + e.getMessage()), e);
        }
    }

    /** What a version number looks like, so that anything else is refused before it is compared. */
    private static final java.util.regex.Pattern VERSION_FORM = java.util.regex.Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9}){2}");

    /**
     * The order of {@link #versions}: semantic version order, 1.2.0 before 1.10.0, for versions of the
     * form {@code MAJOR.MINOR.PATCH}.
     */
    public static Comparator<String> versionOrder() {
        return SemanticVersions.ORDER;
    }

    /** Semantic version order: 1.2.0 before 1.10.0. */
    static final class SemanticVersions {
        static final Comparator<String> ORDER = (a, b) -> {
            String[] x = a.split("\\.");
            String[] y = b.split("\\.");
            for (int i = 0; i < Math.min(x.length, y.length); i++) {
                int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.length, y.length);
        };

        private SemanticVersions() {
        }
    }
}
