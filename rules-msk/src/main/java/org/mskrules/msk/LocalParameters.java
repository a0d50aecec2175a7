package org.mskrules.msk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.Violation;

/**
 * The local choices (values marked L in the clinical reference) that the red-flag, priority and
 * routing rules read, as named numbers. Each rule-set version ships its defaults in {@code parameters.json}, part of the
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
 * @param recentRehabilitationDays      surgery, a procedure or an injury is "recent" for the priority
 *                                      criteria when it happened at most this many days before the
 *                                      referral (the national text gives no number)
 * @param highPainScore                 pain on the 0-10 numeric rating scale from which pain is "high"
 *                                      for the third priority criterion
 * @param failedFirstLineMinimumDays    how long first-line management must have been tried, from the
 *                                      date it began to the referral, before a wanted surgical opinion
 *                                      goes straight to secondary care
 * @param multiSiteMinimumRegions       how many body regions make a presentation multi-site, which
 *                                      goes to community triage
 */
public record LocalParameters(
        int malignancyAgeYears,
        int malignancyMinimumFeatures,
        int fragilityFractureAgeFemale,
        int fragilityFractureAgeMale,
        int childOrYoungPersonMaxAgeYears,
        int septicArthritisMaxHistoryDays,
        int myelopathyMinimumSigns,
        int recentRehabilitationDays,
        int highPainScore,
        int failedFirstLineMinimumDays,
        int multiSiteMinimumRegions) {

    /** Inclusive ranges; a value outside its range is a configuration error, not a clamp. */
    private static final Map<String, int[]> RANGES = ranges();

    public LocalParameters {
        List<Violation> problems = new ArrayList<>();
        check(problems, "malignancyAgeYears", malignancyAgeYears);
        check(problems, "malignancyMinimumFeatures", malignancyMinimumFeatures);
        check(problems, "fragilityFractureAgeFemale", fragilityFractureAgeFemale);
        check(problems, "fragilityFractureAgeMale", fragilityFractureAgeMale);
        check(problems, "childOrYoungPersonMaxAgeYears", childOrYoungPersonMaxAgeYears);
        check(problems, "septicArthritisMaxHistoryDays", septicArthritisMaxHistoryDays);
        check(problems, "myelopathyMinimumSigns", myelopathyMinimumSigns);
        check(problems, "recentRehabilitationDays", recentRehabilitationDays);
        check(problems, "highPainScore", highPainScore);
        check(problems, "failedFirstLineMinimumDays", failedFirstLineMinimumDays);
        check(problems, "multiSiteMinimumRegions", multiSiteMinimumRegions);
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
        m.put("recentRehabilitationDays", recentRehabilitationDays);
        m.put("highPainScore", highPainScore);
        m.put("failedFirstLineMinimumDays", failedFirstLineMinimumDays);
        m.put("multiSiteMinimumRegions", multiSiteMinimumRegions);
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
                    "unknown local parameter [" + name + "]; known: " + names())));
        }
        return r.clone();
    }

    /** These parameters with the named ones replaced; fails on an unknown name or an out-of-range value. */
    public LocalParameters with(Map<String, Integer> overrides) {
        List<Violation> unknown = new ArrayList<>();
        overrides.keySet().stream().filter(k -> !RANGES.containsKey(k)).forEach(k -> unknown.add(
                new Violation("/parameters/" + k, "UNKNOWN_PARAMETER",
                        "unknown local parameter [" + k + "]; known: " + names())));
        if (!unknown.isEmpty()) {
            throw new InvalidConfigurationException(unknown);
        }
        Map<String, Integer> m = asMap();
        m.putAll(overrides);
        return new LocalParameters(m.get("malignancyAgeYears"), m.get("malignancyMinimumFeatures"),
                m.get("fragilityFractureAgeFemale"), m.get("fragilityFractureAgeMale"),
                m.get("childOrYoungPersonMaxAgeYears"), m.get("septicArthritisMaxHistoryDays"),
                m.get("myelopathyMinimumSigns"), m.get("recentRehabilitationDays"), m.get("highPainScore"),
                m.get("failedFirstLineMinimumDays"), m.get("multiSiteMinimumRegions"));
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
        m.put("recentRehabilitationDays", new int[] {7, 365});
        m.put("highPainScore", new int[] {1, 10});
        m.put("failedFirstLineMinimumDays", new int[] {0, 182});
        m.put("multiSiteMinimumRegions", new int[] {2, BodyRegion.values().length});
        return m;
    }
}
