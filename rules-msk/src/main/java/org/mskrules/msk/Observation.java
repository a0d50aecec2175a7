package org.mskrules.msk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mskrules.core.io.Json;

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
     * Reads either JSON form: a bare status string, or an object read by the library's strict mapper
     * (unknown fields, unknown codes and malformed dates are errors there).
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Observation fromJson(JsonNode node) throws JsonProcessingException {
        if (node.isTextual()) {
            return of(Json.treeToValue(node, FindingStatus.class));
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("a finding must be a status string (PRESENT, ABSENT, NOT_RECORDED)"
                    + " or an object {status, onset, trend}, not " + node.getNodeType());
        }
        JsonForm form = Json.treeToValue(node, JsonForm.class);
        if (form.status() == null) {
            throw new IllegalArgumentException("status is required: PRESENT, ABSENT or NOT_RECORDED");
        }
        return new Observation(form.status(), form.onset(), form.trend());
    }

    /**
     * Writes the form it is read from: the bare status when nothing else is recorded, else the
     * object with what is, so that a referral written by the library reads back as the same referral.
     */
    @JsonValue
    Object toJson() {
        if (onset == null && trend == Trend.NOT_RECORDED) {
            return status;
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("status", status);
        if (onset != null) {
            form.put("onset", onset.toString());
        }
        if (trend != Trend.NOT_RECORDED) {
            form.put("trend", trend);
        }
        return form;
    }

    /** The object form, bound by Jackson; a separate type because this record's own creator delegates. */
    private record JsonForm(FindingStatus status, LocalDate onset, Trend trend) {
    }

    /** A present finding with a known onset and trend. */
    public static Observation present(LocalDate onset, Trend trend) {
        return new Observation(FindingStatus.PRESENT, onset, trend);
    }

    @JsonIgnore
    public boolean isPresent() {
        return status == FindingStatus.PRESENT;
    }
}
