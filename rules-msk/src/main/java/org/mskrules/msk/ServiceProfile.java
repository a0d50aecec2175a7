package org.mskrules.msk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.Json;
import org.mskrules.core.io.JsonContract;
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
 * standard may be stricter than the national threshold, never looser. From {@code msk-referral 2.0.0}
 * the profile also says whether the service runs a single point of access and for which
 * specialties secondary care offers advice and guidance; both default to off (no single point of
 * access, no advice and guidance), so a profile written before them reads as before and its JSON form
 * omits them.
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
 * @param singlePointOfAccess   every routine referral for secondary care goes through the service's
 *                              triage (East Lancashire IMPRS, seed 003 lines 8, 19, 29); red flags
 *                              still bypass it. Read from {@code msk-referral 2.0.0}
 * @param adviceAndGuidanceSpecialties the secondary-care specialties that offer advice and guidance
 *                              (or a virtual MDT) as an alternative to a routine referral (2020
 *                              principles; PR2022, actions for planned secondary care 1); empty for
 *                              none. Read from {@code msk-referral 2.0.0}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceProfile(
        String name,
        boolean fcpAccess,
        boolean acceptsSelfReferral,
        Integer triageWithinHours,
        int urgentSeenWithinDays,
        int routineSeenWithinDays,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean singlePointOfAccess,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Set<Specialty> adviceAndGuidanceSpecialties) {

    /** The national priority-patient threshold (PR2022): a local standard may not exceed it. */
    public static final int NATIONAL_PRIORITY_DAYS = 14;
    /** The national non-priority threshold (PR2022): a local standard may not exceed it. */
    public static final int NATIONAL_NON_PRIORITY_DAYS = 84;
    static final int MAX_TRIAGE_HOURS = 168;
    static final int MAX_NAME_LENGTH = 100;

    /** The schema of the profile document, as packaged from {@code docs/schema}. */
    static final String SCHEMA = "org/mskrules/msk/schema/service-profile.schema.json";

    private static final String NATIONAL_NAME = "National defaults (NHS England PR2022)";

    /** The national defaults. */
    public static final ServiceProfile NATIONAL =
            new ServiceProfile(NATIONAL_NAME, true, true, null, NATIONAL_PRIORITY_DAYS, NATIONAL_NON_PRIORITY_DAYS);

    public ServiceProfile {
        adviceAndGuidanceSpecialties = specialties(adviceAndGuidanceSpecialties);
        List<Violation> problems = problems(name, fcpAccess, acceptsSelfReferral, triageWithinHours,
                urgentSeenWithinDays, routineSeenWithinDays, singlePointOfAccess, adviceAndGuidanceSpecialties);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    /** A profile without the pathway switches of 2.0.0: no single point of access, no advice and guidance. */
    public ServiceProfile(String name, boolean fcpAccess, boolean acceptsSelfReferral, Integer triageWithinHours,
            int urgentSeenWithinDays, int routineSeenWithinDays) {
        this(name, fcpAccess, acceptsSelfReferral, triageWithinHours, urgentSeenWithinDays, routineSeenWithinDays,
                false, Set.of());
    }

    /**
     * Reads a profile as a decision writes it, where the 2.0.0 switches are left out when off (so
     * a decision written before them reads too).
     */
    @JsonCreator
    static ServiceProfile fromJson(@JsonProperty("name") String name, @JsonProperty("fcpAccess") boolean fcpAccess,
            @JsonProperty("acceptsSelfReferral") boolean acceptsSelfReferral,
            @JsonProperty("triageWithinHours") Integer triageWithinHours,
            @JsonProperty("urgentSeenWithinDays") int urgentSeenWithinDays,
            @JsonProperty("routineSeenWithinDays") int routineSeenWithinDays,
            @JsonProperty("singlePointOfAccess") Boolean singlePointOfAccess,
            @JsonProperty("adviceAndGuidanceSpecialties") Set<Specialty> adviceAndGuidanceSpecialties) {
        return new ServiceProfile(name, fcpAccess, acceptsSelfReferral, triageWithinHours, urgentSeenWithinDays,
                routineSeenWithinDays, Boolean.TRUE.equals(singlePointOfAccess), adviceAndGuidanceSpecialties);
    }

    /** True if secondary care offers advice and guidance for {@code specialty}. */
    public boolean offersAdviceAndGuidance(Specialty specialty) {
        return specialty != null && adviceAndGuidanceSpecialties.contains(specialty);
    }

    /**
     * True if every routing reason in {@code reasons} names a specialty for which advice and guidance
     * is offered (and there is at least one): advice and guidance can then replace the referral.
     */
    public boolean offersAdviceAndGuidanceForAll(Collection<?> reasons) {
        return !reasons.isEmpty() && reasons.stream().map(RouteReason.class::cast)
                .allMatch(r -> offersAdviceAndGuidance(r.specialty()));
    }

    private static Set<Specialty> specialties(Collection<Specialty> given) {
        return given == null || given.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(given));
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
        String text;
        try {
            text = JsonContract.readDocument(in);
        } catch (InvalidInputException e) {
            throw new InvalidConfigurationException(e.violations());
        } catch (UncheckedIOException e) {
            throw new InvalidConfigurationException(List.of(new Violation("", "UNREADABLE",
                    "service profile cannot be read: " + e.getCause().getMessage())));
        }
        JsonContract.Checked checked = Contract.INSTANCE.check(text);
        List<Violation> all = new ArrayList<>(checked.violations());
        if (checked.valid() != null && checked.valid().isObject()) {
            JsonForm form;
            try {
                form = Json.treeToValue(checked.valid(), JsonForm.class);
            } catch (JsonProcessingException e) {
                // What is left meets the schema, so this would be the schema and the form disagreeing:
                // still the caller's problem to see, never an exception of the wrong kind.
                all.add(JsonContract.unmappable(e, "a service profile"));
                throw new InvalidConfigurationException(all);
            }
            ServiceProfile base = NATIONAL;
            String name = form.name() != null ? form.name() : base.name;
            boolean fcp = form.fcpAccess() != null ? form.fcpAccess() : base.fcpAccess;
            boolean self = form.acceptsSelfReferral() != null ? form.acceptsSelfReferral() : base.acceptsSelfReferral;
            int urgent = form.urgentSeenWithinDays() != null ? form.urgentSeenWithinDays() : base.urgentSeenWithinDays;
            int routine = form.routineSeenWithinDays() != null ? form.routineSeenWithinDays() : base.routineSeenWithinDays;
            boolean spa = form.singlePointOfAccess() != null ? form.singlePointOfAccess() : base.singlePointOfAccess;
            Set<Specialty> ag = specialties(form.adviceAndGuidanceSpecialties() != null
                    ? form.adviceAndGuidanceSpecialties() : base.adviceAndGuidanceSpecialties);
            for (Violation v : problems(name, fcp, self, form.triageWithinHours(), urgent, routine, spa, ag)) {
                if (!checked.covers(v.path())) {
                    all.add(v);
                }
            }
            // A value removed as invalid still shows the profile was meant to differ, so it needs a name.
            boolean meantToDiffer = checked.document().size() > (checked.document().has("name") ? 1 : 0);
            if (form.name() == null && meantToDiffer && all.stream().noneMatch(v -> v.path().equals("/name"))) {
                all.add(new Violation("/name", "REQUIRED", "a profile that differs from the national defaults must name its service"));
            }
            if (all.isEmpty()) {
                return new ServiceProfile(name, fcp, self, form.triageWithinHours(), urgent, routine, spa, ag);
            }
        }
        all.sort(java.util.Comparator.comparing(Violation::path).thenComparing(Violation::code));
        throw new InvalidConfigurationException(all);
    }

    /** Loaded on first read, so that code that never reads a profile file never parses the schema. */
    private static final class Contract {
        static final JsonContract INSTANCE = JsonContract.fromResource(ServiceProfile.class.getClassLoader(), SCHEMA);
    }

    /** The JSON object form: every field optional, so an omitted one keeps its national default. */
    private record JsonForm(
            String name,
            Boolean fcpAccess,
            Boolean acceptsSelfReferral,
            Integer triageWithinHours,
            Integer urgentSeenWithinDays,
            Integer routineSeenWithinDays,
            Boolean singlePointOfAccess,
            List<Specialty> adviceAndGuidanceSpecialties) {
    }

    /** The service standard for seeing a patient of {@code category}, in days. */
    public int seenWithinDays(PriorityCategory category) {
        return category == PriorityCategory.PRIORITY ? urgentSeenWithinDays : routineSeenWithinDays;
    }

    private static List<Violation> problems(String name, boolean fcp, boolean selfReferral, Integer triage,
            int urgent, int routine, boolean spa, Set<Specialty> adviceAndGuidance) {
        List<Violation> v = new ArrayList<>();
        boolean national = fcp && selfReferral && triage == null && urgent == NATIONAL_PRIORITY_DAYS
                && routine == NATIONAL_NON_PRIORITY_DAYS && !spa && adviceAndGuidance.isEmpty();
        if (name == null) {
            v.add(new Violation("/name", "REQUIRED", "a service profile needs a name, reported with every decision"));
        } else if (NATIONAL_NAME.equals(name) && !national) {
            // Otherwise every decision would report a local profile as the national one.
            v.add(new Violation("/name", "REQUIRED", "a profile that differs from the national defaults must name its service"));
        } else if (ReferralValidator.blank(name) || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
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
        private boolean singlePointOfAccess;
        private Set<Specialty> adviceAndGuidanceSpecialties;

        private Builder(ServiceProfile from) {
            name = from.name;
            fcpAccess = from.fcpAccess;
            acceptsSelfReferral = from.acceptsSelfReferral;
            triageWithinHours = from.triageWithinHours;
            urgentSeenWithinDays = from.urgentSeenWithinDays;
            routineSeenWithinDays = from.routineSeenWithinDays;
            singlePointOfAccess = from.singlePointOfAccess;
            adviceAndGuidanceSpecialties = from.adviceAndGuidanceSpecialties;
        }

        /** Every routine secondary-care referral goes through the service's triage. */
        public Builder singlePointOfAccess(boolean singlePointOfAccess) {
            this.singlePointOfAccess = singlePointOfAccess;
            return this;
        }

        /** The specialties that offer advice and guidance; none to switch it off. */
        public Builder adviceAndGuidanceSpecialties(Specialty... specialties) {
            this.adviceAndGuidanceSpecialties = specialties(List.of(specialties));
            return this;
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
                    urgentSeenWithinDays, routineSeenWithinDays, singlePointOfAccess, adviceAndGuidanceSpecialties);
        }
    }
}
