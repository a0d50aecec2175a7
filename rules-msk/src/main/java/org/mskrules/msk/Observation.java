package org.mskrules.msk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the referral records about one {@link Finding}: its status and, when present, optionally when
 * it began and how it is changing. In JSON either the bare status ({@code "PRESENT"}) or an object
 * ({@code {"status": "PRESENT", "onset": "2026-11-20", "trend": "WORSENING"}}). Immutable.
 *
 * @param status whether the finding was recorded, and how
 * @param onset  the date the finding began, or {@code null} if not recorded
 * @param trend  how it is changing; {@link Trend#NOT_RECORDED} if not given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Observation(FindingStatus status, LocalDate onset, Trend trend) {
    public static final Observation NOT_RECORDED = new Observation(FindingStatus.NOT_RECORDED, null, null);
    public static final Observation PRESENT = new Observation(FindingStatus.PRESENT, null, null);
    public static final Observation ABSENT = new Observation(FindingStatus.ABSENT, null, null);

    private static final Set<String> FIELDS = Set.of("status", "onset", "trend");

    public Observation {
        status = status == null ? FindingStatus.NOT_RECORDED : status;
        trend = trend == null ? Trend.NOT_RECORDED : trend;
    }

    /** The shared instance for a bare status. */
    public static Observation of(FindingStatus status) {
        return switch (Objects.requireNonNull(status, "status")) {
            case PRESENT -> PRESENT;
            case ABSENT -> ABSENT;
            case NOT_RECORDED -> NOT_RECORDED;
        };
    }

    /**
     * Reads either JSON form, strictly: a bare status string, or an object with {@code status}
     * (required), {@code onset} and {@code trend} and nothing else.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Observation fromJson(JsonNode node) {
        if (node.isTextual()) {
            return of(parseEnum(FindingStatus.class, node.asText(), "status"));
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("a finding must be a status string (PRESENT, ABSENT, NOT_RECORDED)"
                    + " or an object {status, onset, trend}, not " + node.getNodeType());
        }
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                unknown.add(f);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown field(s) " + unknown + "; a finding has only " + FIELDS);
        }
        JsonNode status = node.get("status");
        if (status == null || !status.isTextual()) {
            throw new IllegalArgumentException("status is required: PRESENT, ABSENT or NOT_RECORDED");
        }
        LocalDate onset = null;
        JsonNode onsetNode = node.get("onset");
        if (onsetNode != null && !onsetNode.isNull()) {
            try {
                onset = LocalDate.parse(onsetNode.asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("onset [" + onsetNode.asText() + "] is not a date (YYYY-MM-DD)");
            }
        }
        JsonNode trend = node.get("trend");
        return new Observation(parseEnum(FindingStatus.class, status.asText(), "status"), onset,
                trend == null || trend.isNull() ? null : parseEnum(Trend.class, trend.asText(), "trend"));
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " [" + value + "] is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A present finding with a known onset and trend. */
    public static Observation present(LocalDate onset, Trend trend) {
        return new Observation(FindingStatus.PRESENT, onset, trend);
    }

    public boolean isPresent() {
        return status == FindingStatus.PRESENT;
    }
}
