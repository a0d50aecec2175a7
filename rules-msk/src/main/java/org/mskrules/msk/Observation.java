package org.mskrules.msk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.Objects;

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

    @JsonCreator
    public Observation {
        status = status == null ? FindingStatus.NOT_RECORDED : status;
        trend = trend == null ? Trend.NOT_RECORDED : trend;
    }

    /** The JSON shorthand: a bare status. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Observation of(FindingStatus status) {
        return switch (Objects.requireNonNull(status, "status")) {
            case PRESENT -> PRESENT;
            case ABSENT -> ABSENT;
            case NOT_RECORDED -> NOT_RECORDED;
        };
    }

    /** A present finding with a known onset and trend. */
    public static Observation present(LocalDate onset, Trend trend) {
        return new Observation(FindingStatus.PRESENT, onset, trend);
    }

    public boolean isPresent() {
        return status == FindingStatus.PRESENT;
    }
}
