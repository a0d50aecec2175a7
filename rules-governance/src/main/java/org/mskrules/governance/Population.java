package org.mskrules.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.io.Json;
import org.mskrules.core.Violation;
import org.mskrules.msk.LocalParameters;
import org.mskrules.msk.PathwayStage;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ServiceProfile;

/**
 * The referrals a rule change is tried on: an ordered, immutable list of {@link PopulationCase}s
 * from one or more {@linkplain PopulationSource sources}, each case with a unique id.
 *
 * <ul>
 *   <li>{@link #synthetic(long, int, LocalDate)}: plausible synthetic referrals
 *       ({@link SyntheticReferrals}) with plausible service profiles. Case {@code i} depends only on
 *       the seed and {@code i}, so it can be regenerated alone ({@link #syntheticCase}); cases are
 *       generated when read, not held, so a population of millions costs no memory.</li>
 *   <li>{@link #goldenCases(Path)}: the referral golden cases under a directory, each with its own
 *       date, profile and parameters.</li>
 *   <li>{@link #jsonLines(Path, LocalDate, ServiceProfile)}: a service's own referrals.</li>
 * </ul>
 * Combine them with {@link #plus(Population)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Population {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final TypeReference<Map<String, Integer>> PARAMETERS = new TypeReference<>() {
    };

    private final List<Part> parts;
    private final int size;

    private Population(List<Part> parts) {
        this.parts = List.copyOf(parts);
        long total = parts.stream().mapToLong(Part::size).sum();
        if (total > Integer.MAX_VALUE) {
            throw new InvalidPopulationException(null, 0, "a population holds at most " + Integer.MAX_VALUE
                    + " cases, not [" + total + "]");
        }
        this.size = (int) total;
    }

    /**
     * {@code size} plausible synthetic referrals, each with a plausible service profile, assessed as
     * of {@code asOf}; ids {@code synthetic-0} to {@code synthetic-<size-1>}. The same seed always gives
     * the same population.
     */
    public static Population synthetic(long seed, int size, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative but was [" + size + "]");
        }
        return new Population(List.of(new Synthetic(seed, size, asOf)));
    }

    /**
     * Case {@code i} of {@link #synthetic(long, int, LocalDate) synthetic(seed, size, asOf)}, made
     * from the seed and {@code i} alone.
     */
    public static PopulationCase syntheticCase(long seed, int i, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (i < 0) {
            throw new IllegalArgumentException("i must not be negative but was [" + i + "]");
        }
        // Each case gets its own generator, seeded from (seed, i) through two rounds of mixing, so
        // that neighbouring cases and neighbouring seeds give unrelated streams.
        RandomDraws draws = RandomDraws.from(new SplittableRandom(mix64(mix64(seed) + i)));
        String id = "synthetic-" + i;
        Referral referral = SyntheticReferrals.referral(draws, asOf, 0, id);
        return new PopulationCase(id, asOf, referral, SyntheticReferrals.profile(draws), Map.of());
    }

    /**
     * Every referral golden case in a {@code .json} file under {@code dir}, at any depth, in order of
     * their paths. The case's {@code name} (if given, it must be the file name), {@code asOf},
     * {@code referral}, {@code profile} (national defaults if absent) and {@code parameters} are read;
     * {@code ruleSetVersion} is checked to be text but not used, since an analysis chooses the
     * versions; the expected outcome and the prose are not read. A JSON file whose top level has no
     * {@code referral} (a waiting-list case, for example) is not a referral case: it is skipped and
     * counted in {@link PopulationSource#skippedFiles()}. Ids are file names without {@code .json}.
     *
     * @throws InvalidPopulationException naming the file (and line, for malformed JSON) if a file
     *                                    cannot be read or a referral case is malformed, a field is
     *                                    of the wrong type, a parameter unknown or out of range, a
     *                                    profile invalid, or two files share a name
     */
    public static Population goldenCases(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new InvalidPopulationException(dir.toString(), 0, "not a directory of golden cases");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted((x, y) -> relative(dir, x).compareTo(relative(dir, y)))
                    .toList();
        } catch (IOException e) {
            throw new InvalidPopulationException(dir.toString(), 0, "cannot be listed: " + e.getMessage(), e);
        }
        List<PopulationCase> cases = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        int skipped = 0;
        for (Path file : files) {
            PopulationCase c = goldenCase(file);
            if (c == null) {
                skipped++;
                continue;
            }
            Path before = seen.putIfAbsent(c.id(), file);
            if (before != null) {
                throw new InvalidPopulationException(file.toString(), 0, "has the same name as [" + before
                        + "]; case ids are file names, so they must be unique");
            }
            cases.add(c);
        }
        PopulationSource source = new PopulationSource(PopulationSource.Kind.GOLDEN_CASES, dir.toString(), null,
                null, cases.size(), skipped);
        return new Population(List.of(new Listed(cases, source)));
    }

    /**
     * A service's own referrals: a UTF-8 file with one referral JSON object a line (the form in
     * {@code docs/referral-model.md}), every one assessed as of {@code asOf} in {@code profile}. Blank
     * lines are skipped; ids are {@code line-<n>} with {@code n} the 1-based line number. A referral
     * that parses but is not valid (an age of 200, say) is kept: an analysis reports it as an error.
     *
     * @throws InvalidPopulationException naming the file and line if the file cannot be read, a line
     *                                    is not UTF-8 or not a referral in JSON (unknown field, bad
     *                                    date, ...), or the file holds no referral at all
     */
    public static Population jsonLines(Path file, LocalDate asOf, ServiceProfile profile) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(profile, "profile");
        List<PopulationCase> cases = new ArrayList<>();
        int n = 0;
        // The default decoder of newBufferedReader rejects bytes that are not UTF-8.
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while (true) {
                try {
                    line = in.readLine();
                } catch (IOException e) {
                    throw new InvalidPopulationException(file.toString(), n + 1, "cannot be read: " + e, e);
                }
                if (line == null) {
                    break;
                }
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    cases.add(new PopulationCase("line-" + n, asOf, JSON.readValue(line, Referral.class), profile,
                            Map.of()));
                } catch (JsonProcessingException e) {
                    throw new InvalidPopulationException(file.toString(), n, "not a referral: " + e.getOriginalMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new InvalidPopulationException(file.toString(), 0, "cannot be read: " + e, e);
        }
        if (cases.isEmpty()) {
            // More often a failed export than a service without referrals.
            throw new InvalidPopulationException(file.toString(), 0, "holds no referral");
        }
        PopulationSource source = new PopulationSource(PopulationSource.Kind.JSON_LINES, file.toString(), null, asOf,
                cases.size(), 0);
        return new Population(List.of(new Listed(cases, source)));
    }

    /**
     * This population followed by {@code other}.
     *
     * @throws InvalidPopulationException if an id occurs in both (two synthetic populations always
     *                                    share theirs)
     */
    public Population plus(Population other) {
        Objects.requireNonNull(other, "other");
        Set<String> ids = new HashSet<>();
        for (Part part : parts) {
            for (int i = 0; i < part.size(); i++) {
                ids.add(part.id(i));
            }
        }
        for (Part part : other.parts) {
            for (int i = 0; i < part.size(); i++) {
                if (ids.contains(part.id(i))) {
                    throw new InvalidPopulationException(null, 0, "case id [" + part.id(i)
                            + "] is in both populations; ids must be unique");
                }
            }
        }
        List<Part> all = new ArrayList<>(parts);
        all.addAll(other.parts);
        return new Population(all);
    }

    /**
     * This population with every case's referral at {@code stage} (from {@code msk-referral 2.0.0}; a
     * version that does not read the stage decides each case as given, without it), for the impact
     * of a new version at one stage of the pathway. Ids, dates, profiles and parameters are kept.
     */
    public Population atStage(PathwayStage stage) {
        Objects.requireNonNull(stage, "stage");
        return new Population(parts.stream().<Part>map(p -> new Staged(p, stage)).toList());
    }

    /** The cases in order; an unmodifiable view (synthetic cases are generated as they are read). */
    public List<PopulationCase> cases() {
        return new AbstractList<>() {
            @Override
            public PopulationCase get(int index) {
                Objects.checkIndex(index, size);
                int i = index;
                for (Part part : parts) {
                    if (i < part.size()) {
                        return part.get(i);
                    }
                    i -= part.size();
                }
                throw new IllegalStateException("index [" + index + "] not found in " + parts);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** How many cases. */
    public int size() {
        return size;
    }

    /** Where the cases came from, in order. */
    public List<PopulationSource> sources() {
        return parts.stream().map(Part::source).toList();
    }

    @Override
    public String toString() {
        return "Population" + sources().stream().map(PopulationSource::describe).toList();
    }

    /** A stretch of the population: generated on demand, or read from files and held. */
    private sealed interface Part permits Synthetic, Listed, Staged {
        int size();

        PopulationCase get(int i);

        String id(int i);

        PopulationSource source();
    }

    private record Synthetic(long seed, int size, LocalDate asOf) implements Part {
        @Override
        public PopulationCase get(int i) {
            return syntheticCase(seed, i, asOf);
        }

        @Override
        public String id(int i) {
            return "synthetic-" + i;
        }

        @Override
        public PopulationSource source() {
            return new PopulationSource(PopulationSource.Kind.SYNTHETIC, null, seed, asOf, size, 0);
        }
    }

    private record Staged(Part part, PathwayStage stage) implements Part {
        @Override
        public int size() {
            return part.size();
        }

        @Override
        public PopulationCase get(int i) {
            PopulationCase c = part.get(i);
            return new PopulationCase(c.id(), c.asOf(), c.referral().withPathwayStage(stage), c.profile(), c.parameters());
        }

        @Override
        public String id(int i) {
            return part.id(i);
        }

        @Override
        public PopulationSource source() {
            return part.source().atStage(stage);
        }
    }

    private record Listed(List<PopulationCase> cases, PopulationSource source) implements Part {
        Listed {
            cases = List.copyOf(cases);
        }

        @Override
        public int size() {
            return cases.size();
        }

        @Override
        public PopulationCase get(int i) {
            return cases.get(i);
        }

        @Override
        public String id(int i) {
            return cases.get(i).id();
        }
    }

    /** A golden case, or {@code null} if the file is JSON but not a referral case. */
    private static PopulationCase goldenCase(Path file) {
        String where = file.toString();
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new InvalidPopulationException(where, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidPopulationException(where, 0, "cannot be read: " + e, e);
        }
        if (tree == null || !tree.isObject() || !tree.has("referral")) {
            return null;
        }
        String fileName = file.getFileName().toString();
        String id = fileName.substring(0, fileName.length() - ".json".length());
        JsonNode name = tree.get("name");
        if (name != null && !(name.isTextual() && name.asText().equals(id))) {
            throw new InvalidPopulationException(where, 0, "has name " + name + "; it must be the file name [" + id + "]");
        }
        JsonNode version = tree.get("ruleSetVersion");
        if (version != null && !version.isNull() && !version.isTextual()) {
            throw new InvalidPopulationException(where, 0, "ruleSetVersion must be text, not " + version);
        }
        LocalDate asOf = field(where, tree, "asOf", LocalDate.class);
        if (asOf == null) {
            throw new InvalidPopulationException(where, 0, "asOf is required");
        }
        Referral referral = field(where, tree, "referral", Referral.class);
        if (referral == null) {
            throw new InvalidPopulationException(where, 0, "referral is null");
        }
        ServiceProfile profile = ServiceProfile.NATIONAL;
        JsonNode profileNode = tree.get("profile");
        if (profileNode != null && !profileNode.isNull()) {
            try {
                profile = ServiceProfile.read(new ByteArrayInputStream(profileNode.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (InvalidConfigurationException e) {
                throw new InvalidPopulationException(where, 0, "profile rejected: " + e.violations(), e);
            }
        }
        Map<String, Integer> parameters = Map.of();
        JsonNode parametersNode = tree.get("parameters");
        if (parametersNode != null && !parametersNode.isNull()) {
            try {
                parameters = JSON.convertValue(parametersNode, PARAMETERS);
            } catch (IllegalArgumentException e) {
                throw new InvalidPopulationException(where, 0, "parameters must map names to whole numbers: "
                        + e.getMessage(), e);
            }
            List<String> problems = new ArrayList<>();
            parameters.forEach((k, v) -> problems.addAll(parameterProblems(k, v)));
            if (!problems.isEmpty()) {
                throw new InvalidPopulationException(where, 0, "parameters rejected: " + problems);
            }
        }
        return new PopulationCase(id, asOf, referral, profile, parameters);
    }

    private static List<String> parameterProblems(String name, Integer value) {
        try {
            int[] range = LocalParameters.range(name);
            if (value == null || value < range[0] || value > range[1]) {
                return List.of(name + " must be in [" + range[0] + ", " + range[1] + "] but was [" + value + "]");
            }
            return List.of();
        } catch (InvalidConfigurationException e) {
            return e.violations().stream().map(Violation::message).toList();
        }
    }

    private static <T> T field(String where, JsonNode tree, String name, Class<T> type) {
        JsonNode node = tree.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new InvalidPopulationException(where, 0, name + " rejected: " + message, e);
        }
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    /** The SplitMix64 finaliser (Steele, Lea and Flood 2014). */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
