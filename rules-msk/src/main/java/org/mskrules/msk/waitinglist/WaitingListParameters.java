package org.mskrules.msk.waitinglist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.Violation;

/**
 * The local choices (values marked L in the clinical reference) of the waiting-list rules: when
 * waiting patients are due to be contacted to validate the list. The defaults, 12, 26 and 52 weeks
 * unless validated in the previous 12 weeks, follow NHS England's 2022 guidance for hospital waiting
 * lists, which services apply to community MSK by local choice. Each rule-set version ships its
 * defaults in {@code parameters.json}, part of its hashed content; a service may override any of them
 * through {@link WaitingListRules.Builder#parameter(String, int)}. Immutable; every value is checked
 * against its range and the three points must increase.
 *
 * @param validationFirstWeeks    the first validation point, in weeks waited
 * @param validationSecondWeeks   the second validation point
 * @param validationThirdWeeks    the third validation point
 * @param validationLookbackWeeks a validation this many weeks before a point, or later, counts for it
 */
public record WaitingListParameters(
        int validationFirstWeeks,
        int validationSecondWeeks,
        int validationThirdWeeks,
        int validationLookbackWeeks) {

    private static final Map<String, int[]> RANGES = new LinkedHashMap<>();

    static {
        RANGES.put("validationFirstWeeks", new int[] {1, 104});
        RANGES.put("validationSecondWeeks", new int[] {1, 104});
        RANGES.put("validationThirdWeeks", new int[] {1, 104});
        RANGES.put("validationLookbackWeeks", new int[] {1, 52});
    }

    public WaitingListParameters {
        List<Violation> problems = new ArrayList<>();
        asMap(validationFirstWeeks, validationSecondWeeks, validationThirdWeeks, validationLookbackWeeks)
                .forEach((name, value) -> check(problems, name, value));
        if (problems.isEmpty() && !(validationFirstWeeks < validationSecondWeeks
                && validationSecondWeeks < validationThirdWeeks)) {
            problems.add(new Violation("/parameters/validationSecondWeeks", "NOT_INCREASING",
                    "validation points must increase but were [" + validationFirstWeeks + ", "
                            + validationSecondWeeks + ", " + validationThirdWeeks + "] weeks"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    /** Every parameter name with its value, in declaration order. */
    public Map<String, Integer> asMap() {
        return asMap(validationFirstWeeks, validationSecondWeeks, validationThirdWeeks, validationLookbackWeeks);
    }

    /** Names of every parameter, in declaration order. */
    public static List<String> names() {
        return List.copyOf(RANGES.keySet());
    }

    /** These parameters with the named ones replaced; every unknown name and bad value is reported. */
    public WaitingListParameters with(Map<String, Integer> overrides) {
        List<Violation> problems = new ArrayList<>();
        overrides.forEach((name, value) -> check(problems, name, value));
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        Map<String, Integer> m = asMap();
        m.putAll(overrides);
        return new WaitingListParameters(m.get("validationFirstWeeks"), m.get("validationSecondWeeks"),
                m.get("validationThirdWeeks"), m.get("validationLookbackWeeks"));
    }

    /**
     * Checks one named value at once, as a builder setter should; the order of the validation points
     * is checked when they are combined ({@link #with}).
     *
     * @throws InvalidConfigurationException if the name is unknown or the value out of its range
     */
    static void checkValue(String name, int value) {
        List<Violation> problems = new ArrayList<>();
        check(problems, name, (Integer) value);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    private static Map<String, Integer> asMap(int first, int second, int third, int lookback) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("validationFirstWeeks", first);
        m.put("validationSecondWeeks", second);
        m.put("validationThirdWeeks", third);
        m.put("validationLookbackWeeks", lookback);
        return m;
    }

    private static void check(List<Violation> problems, String name, Integer value) {
        int[] r = RANGES.get(name);
        if (r == null) {
            problems.add(new Violation("/parameters/" + name, "UNKNOWN_PARAMETER",
                    "unknown waiting-list parameter [" + name + "]; known: " + names()));
        } else if (value == null || value < r[0] || value > r[1]) {
            problems.add(new Violation("/parameters/" + name, "OUT_OF_RANGE",
                    name + " must be in [" + r[0] + ", " + r[1] + "] but was [" + value + "]"));
        }
    }
}
