package org.mskrules.msk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.Json;
import org.mskrules.core.Violation;

/**
 * What the service around a referral offers: whether the patient's practice has First Contact
 * Practitioner (FCP) access, whether the community MSK service accepts self-referral, and the local
 * service standards. It is an input to routing, not a rule edit, and it never changes red flags or
 * the priority category. Start from {@link #NATIONAL} and override what differs locally, in code
 * with {@link #builder()} or from JSON with {@link #read(Path)}; anything left out keeps its national
 * default. Immutable and thread-safe; every value is checked and every problem is reported together.
 *
 * <p>National defaults: FCP access (NHS Long Term Plan: all adults to have direct access), self-referral
 * accepted (NHS England PR2022 asks services to expand it), no triage turnaround standard, priority
 * patients seen within 14 days and others within 84 (the PR2022 waiting-time thresholds). A local
 * standard may be stricter than the national threshold, never looser.
 *
 * @param name                  the service, e.g. {@code East Lancashire IMPRS}, reported with every
 *                              decision; required, and required to change when anything else does
 * @param fcpAccess             the practice has FCP access; if not, referrals that would go to an FCP
 *                              go to community triage (PR2022, actions for primary care 4)
 * @param acceptsSelfReferral   the community MSK service accepts self-referral; chooses the
 *                              self-management safety-net advice (re-refer yourself, or go back to
 *                              your practice)
 * @param triageWithinHours     the triage turnaround standard, or {@code null} for none; 1-168
 * @param urgentSeenWithinDays  the standard for seeing priority (urgent) patients; 1-14
 * @param routineSeenWithinDays the standard for seeing everyone else; 1-84, not below the urgent one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceProfile(
        String name,
        boolean fcpAccess,
        boolean acceptsSelfReferral,
        Integer triageWithinHours,
        int urgentSeenWithinDays,
        int routineSeenWithinDays) {

    /** The national priority-patient threshold (PR2022): a local standard may not exceed it. */
    public static final int NATIONAL_PRIORITY_DAYS = 14;
    /** The national non-priority threshold (PR2022): a local standard may not exceed it. */
    public static final int NATIONAL_NON_PRIORITY_DAYS = 84;
    static final int MAX_TRIAGE_HOURS = 168;
    static final int MAX_NAME_LENGTH = 100;

    private static final String NATIONAL_NAME = "National defaults (NHS England PR2022)";

    /** The national defaults. */
    public static final ServiceProfile NATIONAL =
            new ServiceProfile(NATIONAL_NAME, true, true, null, NATIONAL_PRIORITY_DAYS, NATIONAL_NON_PRIORITY_DAYS);

    public ServiceProfile {
        List<Violation> problems = problems(name, fcpAccess, acceptsSelfReferral, triageWithinHours,
                urgentSeenWithinDays, routineSeenWithinDays);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    public static Builder builder() {
        return new Builder(NATIONAL);
    }

    /** A builder starting from this profile. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads a profile from JSON: an object with any of the component names; omitted ones keep their
     * national default. Unknown fields and wrong types are errors.
     *
     * @throws InvalidConfigurationException naming every problem with its JSON Pointer
     */
    public static ServiceProfile read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new InvalidConfigurationException(List.of(new Violation("", "UNREADABLE",
                    "service profile [" + file + "] cannot be read: " + e.getMessage())));
        }
    }

    /** As {@link #read(Path)}, from a stream; the stream is not closed. */
    public static ServiceProfile read(InputStream in) {
        JsonForm form;
        try {
            JsonNode tree = Json.mapper().readTree(in);
            if (tree != null && tree.isObject()) {
                // An explicit null would otherwise silently mean "national default".
                List<Violation> nulls = new ArrayList<>();
                tree.fields().forEachRemaining(e -> {
                    if (e.getValue().isNull()) {
                        nulls.add(new Violation("/" + e.getKey(), "NULL", e.getKey()
                                + " is null; leave it out to keep the national default"));
                    }
                });
                if (!nulls.isEmpty()) {
                    throw new InvalidConfigurationException(nulls);
                }
            }
            form = tree == null || tree.isMissingNode() ? null : Json.mapper().treeToValue(tree, JsonForm.class);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigurationException(List.of(new Violation(pointer(e), "INVALID",
                    "service profile is not valid JSON for this contract: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidConfigurationException(List.of(new Violation("", "UNREADABLE",
                    "service profile cannot be read: " + e.getMessage())));
        }
        if (form == null) {
            throw new InvalidConfigurationException(List.of(new Violation("", "REQUIRED", "service profile is empty")));
        }
        Builder b = builder();
        if (form.name() != null) {
            b.name(form.name());
        }
        if (form.fcpAccess() != null) {
            b.fcpAccess(form.fcpAccess());
        }
        if (form.acceptsSelfReferral() != null) {
            b.acceptsSelfReferral(form.acceptsSelfReferral());
        }
        b.triageWithinHours(form.triageWithinHours());
        if (form.urgentSeenWithinDays() != null) {
            b.urgentSeenWithinDays(form.urgentSeenWithinDays());
        }
        if (form.routineSeenWithinDays() != null) {
            b.routineSeenWithinDays(form.routineSeenWithinDays());
        }
        return b.build();
    }

    private static String pointer(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            StringBuilder p = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : m.getPath()) {
                p.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
            }
            return p.toString();
        }
        return "";
    }

    /** The JSON object form: every field optional, so an omitted one keeps its national default. */
    private record JsonForm(
            String name,
            Boolean fcpAccess,
            Boolean acceptsSelfReferral,
            Integer triageWithinHours,
            Integer urgentSeenWithinDays,
            Integer routineSeenWithinDays) {
    }

    /** The service standard for seeing a patient of {@code category}, in days. */
    public int seenWithinDays(PriorityCategory category) {
        return category == PriorityCategory.PRIORITY ? urgentSeenWithinDays : routineSeenWithinDays;
    }

    private static List<Violation> problems(String name, boolean fcp, boolean selfReferral, Integer triage,
            int urgent, int routine) {
        List<Violation> v = new ArrayList<>();
        boolean national = fcp && selfReferral && triage == null && urgent == NATIONAL_PRIORITY_DAYS
                && routine == NATIONAL_NON_PRIORITY_DAYS;
        if (name == null) {
            v.add(new Violation("/name", "REQUIRED", "a service profile needs a name, reported with every decision"));
        } else if (NATIONAL_NAME.equals(name) && !national) {
            // Otherwise every decision would report a local profile as the national one.
            v.add(new Violation("/name", "REQUIRED", "a profile that differs from the national defaults must name its service"));
        } else if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            v.add(new Violation("/name", "INVALID", "name must be 1 to " + MAX_NAME_LENGTH + " non-blank characters"));
        }
        if (triage != null && (triage < 1 || triage > MAX_TRIAGE_HOURS)) {
            v.add(new Violation("/triageWithinHours", "OUT_OF_RANGE",
                    "triageWithinHours must be in [1, " + MAX_TRIAGE_HOURS + "] but was [" + triage + "]"));
        }
        if (urgent < 1 || urgent > NATIONAL_PRIORITY_DAYS) {
            v.add(new Violation("/urgentSeenWithinDays", "OUT_OF_RANGE", "urgentSeenWithinDays must be in [1, "
                    + NATIONAL_PRIORITY_DAYS + "] (not looser than the national 2-week priority threshold) but was ["
                    + urgent + "]"));
        }
        if (routine < 1 || routine > NATIONAL_NON_PRIORITY_DAYS) {
            v.add(new Violation("/routineSeenWithinDays", "OUT_OF_RANGE", "routineSeenWithinDays must be in [1, "
                    + NATIONAL_NON_PRIORITY_DAYS + "] (not looser than the national 12-week threshold) but was ["
                    + routine + "]"));
        } else if (routine < urgent) {
            v.add(new Violation("/routineSeenWithinDays", "INCONSISTENT", "routineSeenWithinDays [" + routine
                    + "] is shorter than urgentSeenWithinDays [" + urgent + "]"));
        }
        return v;
    }

    /**
     * Builds a {@link ServiceProfile} from another; checked as a whole in {@link #build()}, which names
     * every problem. Not thread-safe.
     */
    public static final class Builder {
        private String name;
        private boolean fcpAccess;
        private boolean acceptsSelfReferral;
        private Integer triageWithinHours;
        private int urgentSeenWithinDays;
        private int routineSeenWithinDays;

        private Builder(ServiceProfile from) {
            name = from.name;
            fcpAccess = from.fcpAccess;
            acceptsSelfReferral = from.acceptsSelfReferral;
            triageWithinHours = from.triageWithinHours;
            urgentSeenWithinDays = from.urgentSeenWithinDays;
            routineSeenWithinDays = from.routineSeenWithinDays;
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder fcpAccess(boolean fcpAccess) {
            this.fcpAccess = fcpAccess;
            return this;
        }

        public Builder acceptsSelfReferral(boolean acceptsSelfReferral) {
            this.acceptsSelfReferral = acceptsSelfReferral;
            return this;
        }

        /** The triage turnaround standard in hours, or {@code null} for none. */
        public Builder triageWithinHours(Integer hours) {
            this.triageWithinHours = hours;
            return this;
        }

        public Builder urgentSeenWithinDays(int days) {
            this.urgentSeenWithinDays = days;
            return this;
        }

        public Builder routineSeenWithinDays(int days) {
            this.routineSeenWithinDays = days;
            return this;
        }

        /**
         * @throws InvalidConfigurationException naming every problem, including a profile that
         *                                       differs from the national defaults but keeps their
         *                                       name (the audit trail would then be wrong)
         */
        public ServiceProfile build() {
            return new ServiceProfile(name, fcpAccess, acceptsSelfReferral, triageWithinHours,
                    urgentSeenWithinDays, routineSeenWithinDays);
        }
    }
}
