package org.mskrules.msk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The patient's ethnic category as self-stated, coded as in the NHS Data Dictionary data element
 * ETHNIC CATEGORY (2001 census categories; JSON carries the one-character code, or {@code 99}).
 * Optional on a referral and a waiting-list entry, echoed in the decision so that indicators can be
 * broken down by it (national MSK principles 2020, seed 001 line 154; improvement framework, seed 004
 * line 26). <b>No rule reads it</b> and it never changes a decision; {@code DecisionGroupingTest}
 * checks both. Thread-safe (an enum).
 */
public enum EthnicCategory {
    WHITE_BRITISH("A", "White"),
    WHITE_IRISH("B", "White"),
    WHITE_OTHER("C", "White"),
    MIXED_WHITE_AND_BLACK_CARIBBEAN("D", "Mixed"),
    MIXED_WHITE_AND_BLACK_AFRICAN("E", "Mixed"),
    MIXED_WHITE_AND_ASIAN("F", "Mixed"),
    MIXED_OTHER("G", "Mixed"),
    ASIAN_INDIAN("H", "Asian or Asian British"),
    ASIAN_PAKISTANI("J", "Asian or Asian British"),
    ASIAN_BANGLADESHI("K", "Asian or Asian British"),
    ASIAN_OTHER("L", "Asian or Asian British"),
    BLACK_CARIBBEAN("M", "Black or Black British"),
    BLACK_AFRICAN("N", "Black or Black British"),
    BLACK_OTHER("P", "Black or Black British"),
    CHINESE("R", "Other ethnic group"),
    OTHER("S", "Other ethnic group"),
    /** The patient was asked and chose not to state a category. */
    NOT_STATED("Z", "Not stated"),
    /** The patient was not asked or the category is not known. */
    NOT_KNOWN("99", "Not known");

    private final String code;
    private final String group;

    EthnicCategory(String code, String group) {
        this.code = code;
        this.group = group;
    }

    /** The NHS Data Dictionary code, as written in JSON and CSV. */
    @JsonValue
    public String code() {
        return code;
    }

    /**
     * The high-level group the code belongs to (White, Mixed, Asian or Asian British, Black or Black
     * British, Other ethnic group, Not stated, Not known): the level indicators report at, so that
     * fewer cells are suppressed.
     */
    public String group() {
        return group;
    }

    /**
     * The category with NHS Data Dictionary code {@code code}.
     *
     * @throws IllegalArgumentException naming the code and the known codes if it is not one
     */
    @JsonCreator
    public static EthnicCategory fromCode(String code) {
        for (EthnicCategory c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown ethnic category code [" + code + "]; known: " + codes());
    }

    /** Every code, in Data Dictionary order. */
    public static java.util.List<String> codes() {
        return java.util.Arrays.stream(values()).map(EthnicCategory::code).toList();
    }
}
