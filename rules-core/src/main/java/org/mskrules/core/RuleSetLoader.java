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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a version of a rule set from its manifest: computes and checks its content hash, builds its
 * kbase, checks that the kbase holds exactly the listed DRL files, its rules' generic metadata and,
 * for a version with stages, that every rule is in one and has no salience. Stateless.
 */
final class RuleSetLoader {
    /** Named after RuleSet, as before the split, so that hosts' logging configuration still finds it. */
    private static final Logger LOG = LoggerFactory.getLogger(RuleSet.class);

    private RuleSetLoader() {
    }

    /**
     * The version {@code manifest} describes, its kbase built by {@code kieBases}, checked.
     *
     * @throws RuleSetLoadException          if a file is missing, the hash differs from the recorded one,
     *                                       the kbase is undeclared or does not build, its DRL files are
     *                                       not exactly the listed ones, or a rule is outside the stages
     * @throws InvalidRuleMetadataException  if a rule's required metadata is missing, an id is used twice,
     *                                       a name does not start with its id, or there is no rule
     */
    static RuleSet load(RuleSetManifest manifest, KieBaseSource kieBases, ClassLoader classLoader) {
        String where = manifest.coordinates();
        String hash = checkedContentHash(manifest, classLoader);
        if (!kieBases.kieBaseNames().contains(manifest.kbase())) {
            throw new RuleSetLoadException(where, List.of("kbase [" + manifest.kbase()
                    + "] is not declared in kmodule.xml; declared: " + new TreeSet<>(kieBases.kieBaseNames())));
        }
        KieBase kieBase;
        try {
            kieBase = kieBases.kieBase(manifest.kbase());
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
        // Each jar is listed once for all the packages (in an executable jar, tens of thousands of entries).
        Map<String, Set<String>> drlByJar = new HashMap<>();
        packageByFolder.forEach((folder, pkg) -> {
            Set<String> found;
            try {
                found = drlFilesIn(folder, listed, classLoader, drlByJar);
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
     * cannot be listed and is an error rather than a gap in the check. {@code drlByJar} keeps the
     * {@code .drl} entries of each jar already listed, by the jar's URL.
     */
    private static Set<String> drlFilesIn(String folder, Set<String> listed, ClassLoader classLoader,
            Map<String, Set<String>> drlByJar) throws IOException {
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
                    String jarUrl = connection.getJarFileURL().toString();
                    if (!jars.add(jarUrl)) {
                        continue;
                    }
                    Set<String> drl = drlByJar.get(jarUrl);
                    if (drl == null) {
                        drl = new HashSet<>();
                        // A private copy, so that closing it cannot close a jar that someone else shares.
                        connection.setUseCaches(false);
                        try (JarFile jar = connection.getJarFile()) {
                            for (JarEntry entry : Collections.list(jar.entries())) {
                                if (!entry.isDirectory() && entry.getName().endsWith(".drl")) {
                                    drl.add(entry.getName());
                                }
                            }
                        }
                        drlByJar.put(jarUrl, drl);
                    }
                    for (String name : drl) {
                        if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                            found.add(name);
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
                byRule.put(RuleSet.key(pkg.getName(), rule.getName()), new RuleInfo(id, rule.getName(), pkg.getName(), metadata));
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

}
