package org.mskrules.msk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An age band for reporting, from the age in whole years on the referral date: 0-17 (children and
 * young people, who have their own red-flag thresholds), then ten-year bands from 18 to 84, and 85 or
 * over. Echoed in the decision instead of the age or date of birth so that indicators can be broken
 * down by age without identifying anyone. Never read by a rule (rules read the age itself). Thread-safe
 * (an enum).
 */
public enum AgeBand {
    AGE_0_17("0-17", 0, 17),
    AGE_18_24("18-24", 18, 24),
    AGE_25_34("25-34", 25, 34),
    AGE_35_44("35-44", 35, 44),
    AGE_45_54("45-54", 45, 54),
    AGE_55_64("55-64", 55, 64),
    AGE_65_74("65-74", 65, 74),
    AGE_75_84("75-84", 75, 84),
    AGE_85_AND_OVER("85+", 85, Integer.MAX_VALUE);

    private final String label;
    private final int from;
    private final int to;

    AgeBand(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    /** The band's label, as written in JSON and CSV: {@code 45-54}, {@code 85+}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The band holding an age of {@code years}, or {@code null} if the age is {@code null} or negative. */
    public static AgeBand of(Integer years) {
        if (years == null || years < 0) {
            return null;
        }
        for (AgeBand b : values()) {
            if (years >= b.from && years <= b.to) {
                return b;
            }
        }
        throw new IllegalStateException("no age band holds [" + years + "]");
    }

    /**
     * The band labelled {@code label}.
     *
     * @throws IllegalArgumentException naming the label and the known ones if it is not one
     */
    @JsonCreator
    public static AgeBand fromLabel(String label) {
        for (AgeBand b : values()) {
            if (b.label.equals(label)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown age band [" + label + "]; known: "
                + java.util.Arrays.stream(values()).map(AgeBand::label).toList());
    }
}
