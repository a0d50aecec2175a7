package org.mskrules.msk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.Violation;

/**
 * The local choices (values marked L in the clinical reference) that the red-flag rules read, as
 * named numbers. Each rule-set version ships its defaults in {@code parameters.json}, part of the
 * version's hashed content; a service may override any of them through
 * {@link MskRules.Builder#parameter(String, int)}, and every assessment reports the values it used.
 * Immutable; every value is checked against its documented range.
 *
 * @param malignancyAgeYears            age from which age counts as a malignancy feature (sources
 *                                      use 50, 55 or 60)
 * @param malignancyMinimumFeatures     how many of age, unexplained weight loss, no improvement after
 *                                      one month and night pain together raise the malignancy flag
 * @param fragilityFractureAgeFemale    age from which a woman has osteoporosis risk by age alone
 * @param fragilityFractureAgeMale      age from which a man has osteoporosis risk by age alone; where
 *                                      sex is not recorded the lower of the two applies
 * @param childOrYoungPersonMaxAgeYears oldest age counted as a child or young person for the NG12
 *                                      bone sarcoma recommendation
 * @param septicArthritisMaxHistoryDays a hot swollen joint with a recorded history longer than this is
 *                                      not flagged as septic arthritis (an unrecorded history is)
 * @param myelopathyMinimumSigns        how many of hand clumsiness, unsteady gait and upper motor
 *                                      neuron signs make established myelopathy
 */
public record RedFlagParameters(
        int malignancyAgeYears,
        int malignancyMinimumFeatures,
        int fragilityFractureAgeFemale,
        int fragilityFractureAgeMale,
        int childOrYoungPersonMaxAgeYears,
        int septicArthritisMaxHistoryDays,
        int myelopathyMinimumSigns) {

    /** Inclusive ranges; a value outside its range is a configuration error, not a clamp. */
    private static final Map<String, int[]> RANGES = ranges();

    public RedFlagParameters {
        List<Violation> problems = new ArrayList<>();
        check(problems, "malignancyAgeYears", malignancyAgeYears);
        check(problems, "malignancyMinimumFeatures", malignancyMinimumFeatures);
        check(problems, "fragilityFractureAgeFemale", fragilityFractureAgeFemale);
        check(problems, "fragilityFractureAgeMale", fragilityFractureAgeMale);
        check(problems, "childOrYoungPersonMaxAgeYears", childOrYoungPersonMaxAgeYears);
        check(problems, "septicArthritisMaxHistoryDays", septicArthritisMaxHistoryDays);
        check(problems, "myelopathyMinimumSigns", myelopathyMinimumSigns);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    /**
     * The age from which osteoporosis risk applies by age alone for a person of {@code sex}; where
     * sex is not recorded or indeterminate, the lower (more cautious) of the two.
     */
    public int fragilityFractureAgeFor(Sex sex) {
        return switch (sex) {
            case FEMALE -> fragilityFractureAgeFemale;
            case MALE -> fragilityFractureAgeMale;
            case INDETERMINATE, NOT_RECORDED -> Math.min(fragilityFractureAgeFemale, fragilityFractureAgeMale);
        };
    }

    /** Every parameter name with its value, in declaration order. */
    public Map<String, Integer> asMap() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("malignancyAgeYears", malignancyAgeYears);
        m.put("malignancyMinimumFeatures", malignancyMinimumFeatures);
        m.put("fragilityFractureAgeFemale", fragilityFractureAgeFemale);
        m.put("fragilityFractureAgeMale", fragilityFractureAgeMale);
        m.put("childOrYoungPersonMaxAgeYears", childOrYoungPersonMaxAgeYears);
        m.put("septicArthritisMaxHistoryDays", septicArthritisMaxHistoryDays);
        m.put("myelopathyMinimumSigns", myelopathyMinimumSigns);
        return m;
    }

    /** Names of every parameter, in declaration order. */
    public static List<String> names() {
        return List.copyOf(RANGES.keySet());
    }

    /** The inclusive {@code [min, max]} range of a parameter. */
    public static int[] range(String name) {
        int[] r = RANGES.get(name);
        if (r == null) {
            throw new InvalidConfigurationException(List.of(new Violation("/parameters/" + name, "UNKNOWN_PARAMETER",
                    "unknown red-flag parameter [" + name + "]; known: " + names())));
        }
        return r.clone();
    }

    /** These parameters with the named ones replaced; fails on an unknown name or an out-of-range value. */
    public RedFlagParameters with(Map<String, Integer> overrides) {
        List<Violation> unknown = new ArrayList<>();
        overrides.keySet().stream().filter(k -> !RANGES.containsKey(k)).forEach(k -> unknown.add(
                new Violation("/parameters/" + k, "UNKNOWN_PARAMETER",
                        "unknown red-flag parameter [" + k + "]; known: " + names())));
        if (!unknown.isEmpty()) {
            throw new InvalidConfigurationException(unknown);
        }
        Map<String, Integer> m = asMap();
        m.putAll(overrides);
        return new RedFlagParameters(m.get("malignancyAgeYears"), m.get("malignancyMinimumFeatures"),
                m.get("fragilityFractureAgeFemale"), m.get("fragilityFractureAgeMale"),
                m.get("childOrYoungPersonMaxAgeYears"), m.get("septicArthritisMaxHistoryDays"),
                m.get("myelopathyMinimumSigns"));
    }

    /**
     * Checks one named value at once, as a builder setter should.
     *
     * @throws InvalidConfigurationException if the name is unknown or the value out of its range
     */
    static void checkValue(String name, int value) {
        range(name);
        List<Violation> problems = new ArrayList<>();
        check(problems, name, value);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    private static void check(List<Violation> problems, String name, int value) {
        int[] r = RANGES.get(name);
        if (value < r[0] || value > r[1]) {
            problems.add(new Violation("/parameters/" + name, "OUT_OF_RANGE",
                    name + " must be in [" + r[0] + ", " + r[1] + "] but was [" + value + "]"));
        }
    }

    private static Map<String, int[]> ranges() {
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("malignancyAgeYears", new int[] {40, 70});
        m.put("malignancyMinimumFeatures", new int[] {1, 4});
        m.put("fragilityFractureAgeFemale", new int[] {40, 90});
        m.put("fragilityFractureAgeMale", new int[] {40, 90});
        m.put("childOrYoungPersonMaxAgeYears", new int[] {15, 30});
        m.put("septicArthritisMaxHistoryDays", new int[] {7, 90});
        m.put("myelopathyMinimumSigns", new int[] {1, 3});
        return m;
    }
}
