package org.mskrules.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Describes one version of a rule set: which knowledge base holds it, which files make up its
 * content (hashed into every decision), which metadata every rule must carry, and whether the
 * version is released. Read from a JSON file named in {@code META-INF/rule-sets.json}. Immutable, so
 * thread-safe.
 *
 * <p>A {@code RELEASED} version is fixed: its recorded {@code contentHash} covers every field below
 * except {@code status} and {@code contentHash} and every file it lists, and loading fails if they no
 * longer match, so a change needs a new version. A released version is in force from its
 * {@code effectiveFrom} until a later released version takes effect
 * ({@link RuleSetRegistry#inForce}); a {@code WORKING} version is never in force.
 *
 * @param ruleSetId        stable id of the rule family, e.g. {@code order-checks}
 * @param version          semantic version, e.g. {@code 1.0.0}
 * @param kbase            name of the kbase in {@code kmodule.xml} that holds this version's rules
 * @param status           {@code WORKING} (may still change) or {@code RELEASED} (immutable)
 * @param effectiveFrom    first date on which this version is in force once released; required
 *                         when released, ignored for choosing a working version (never in force)
 * @param description      one sentence for the rule catalogue
 * @param files            classpath paths of every file whose content defines the version's
 *                         behaviour (DRL and parameter defaults), hashed in this order after sorting
 * @param requiredMetadata metadata keys every rule must carry with a non-blank value
 * @param parameterDefaults classpath path of the JSON file holding the defaults of the version's
 *                         named parameters, or {@code null}; must be one of {@code files}, so that
 *                         a changed default changes the content hash
 * @param contentHash      for a released version, the recorded {@code sha256:...} of this manifest
 *                         and its files; loading fails if either no longer matches. {@code null}
 *                         while working.
 * @param stages           the version's pipeline stages in the order they run: Drools agenda groups,
 *                         every rule in exactly one ({@code agenda-group} in its DRL), none with a
 *                         salience; or {@code null} for a version ordered by salience. Hashed when
 *                         present.
 * @param policy           classpath path of a JSON document of the version's declarations that are
 *                         not rules (for example route precedence and time-frame texts), read by the
 *                         rule family's facade, or {@code null}; must be one of {@code files}, so that
 *                         it is hashed
 */
public record RuleSetManifest(
        String ruleSetId,
        String version,
        String kbase,
        Status status,
        LocalDate effectiveFrom,
        String description,
        List<String> files,
        List<String> requiredMetadata,
        String parameterDefaults,
        String contentHash,
        List<String> stages,
        String policy) {

    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    /** Lifecycle of a rule-set version. */
    public enum Status {
        /** Under development: content may change between builds; never in force, used only when named. */
        WORKING,
        /**
         * Signed off: manifest and files are fixed and checked against {@link #contentHash()} on load;
         * in force from {@link #effectiveFrom()}.
         */
        RELEASED
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public RuleSetManifest {
        Objects.requireNonNull(ruleSetId, "ruleSetId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kbase, "kbase");
        Objects.requireNonNull(status, "status");
        if (!SEMVER.matcher(version).matches()) {
            throw new IllegalArgumentException("version must be MAJOR.MINOR.PATCH but was [" + version + "]");
        }
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("rule set [" + ruleSetId + ":" + version + "] lists no files");
        }
        files = List.copyOf(files);
        requiredMetadata = requiredMetadata == null ? List.of("id", "source") : List.copyOf(requiredMetadata);
        if (parameterDefaults != null && !files.contains(parameterDefaults)) {
            throw new IllegalArgumentException("parameterDefaults [" + parameterDefaults
                    + "] must be listed in files so that it is hashed");
        }
        if (policy != null && !files.contains(policy)) {
            throw new IllegalArgumentException("policy [" + policy + "] must be listed in files so that it is hashed");
        }
        if (stages != null) {
            if (stages.isEmpty() || stages.stream().anyMatch(s -> s == null || s.isBlank())
                    || stages.stream().distinct().count() != stages.size()) {
                throw new IllegalArgumentException("rule set [" + ruleSetId + ":" + version
                        + "] stages must be distinct non-blank names, at least one, but were " + stages);
            }
            stages = List.copyOf(stages);
        }
        if (status == Status.RELEASED && (contentHash == null || effectiveFrom == null)) {
            throw new IllegalArgumentException("released rule set [" + ruleSetId + ":" + version
                    + "] must record its contentHash and effectiveFrom");
        }
    }

    /** A manifest without stages or policy: a version ordered by salience. */
    public RuleSetManifest(String ruleSetId, String version, String kbase, Status status, LocalDate effectiveFrom,
            String description, List<String> files, List<String> requiredMetadata, String parameterDefaults,
            String contentHash) {
        this(ruleSetId, version, kbase, status, effectiveFrom, description, files, requiredMetadata, parameterDefaults,
                contentHash, null, null);
    }

    /** {@code id:version}, the form used in messages and logs. */
    public String coordinates() {
        return ruleSetId + ":" + version;
    }
}
