package org.mskrules.msk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An MSK referral as the rules see it: who the patient is (age, sex), where the problem is, when it
 * began, and what was found. Every {@link Finding} is present, absent or not recorded; a finding left
 * out of {@link #findings()} is not recorded, never absent. Durations are measured from onset to the
 * {@link #referralDate()}, the date the patient sought advice, so a decision describes the
 * presentation and does not drift with the evaluation date.
 *
 * <p>Immutable; collections are copied. The compact constructor only normalises (null collections
 * to empty, null sex to {@link Sex#NOT_RECORDED}); {@link MskRules#validate} reports every problem
 * with its field path.
 *
 * @param referralId    the sender's own reference for the referral, echoed in the decision; must
 *                      not be a patient identifier such as an NHS number. Optional.
 * @param ageYears      age in whole years on the referral date. Required, 0 to 130.
 * @param sex           sex as recorded; {@link Sex#NOT_RECORDED} if not given
 * @param referralDate  date the referral was made (the patient sought advice). Required; not after
 *                      the evaluation date.
 * @param symptomOnset  date the current episode began, or {@code null} if not recorded; not after the
 *                      referral date
 * @param regions       body regions with pain or symptoms; may be empty
 * @param findings      recorded findings; anything missing is not recorded
 * @param painScore     current pain on the 0-10 numeric rating scale, or {@code null} if not
 *                      recorded
 * @param riskStratification stratified risk (for example STarT Back) recorded at first contact, or
 *                      {@code null} if not stratified
 * @param clinicianPriority a clinician's explicit priority decision, which wins over the derived
 *                      category; {@code null} if none
 * @param pathwayStage  where on the MSK pathway the decision is made, or {@code null}: then, as
 *                      before {@code msk-referral 2.0.0}, at the FCP or GP assessment
 *                      ({@link #stage()}). Versions before 2.0.0 reject a referral that gives one.
 * @param referralSource who sent the referral, or {@code null} if not recorded; echoed in the decision
 * @param ethnicCategory the patient's ethnic category (NHS Data Dictionary code), or {@code null} if not
 *                      given. Optional for every version; echoed in the decision's {@link Grouping} for
 *                      indicators and <b>never read by a rule</b>.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Referral(
        String referralId,
        Integer ageYears,
        Sex sex,
        LocalDate referralDate,
        LocalDate symptomOnset,
        Set<BodyRegion> regions,
        Map<Finding, Observation> findings,
        Integer painScore,
        RiskStratification riskStratification,
        PriorityCategory clinicianPriority,
        PathwayStage pathwayStage,
        ReferralSource referralSource,
        EthnicCategory ethnicCategory) {

    public Referral {
        sex = sex == null ? Sex.NOT_RECORDED : sex;
        regions = regions == null || regions.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(regions));
        findings = findings == null || findings.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(findings));
    }

    /** A referral without an ethnic category. */
    public Referral(String referralId, Integer ageYears, Sex sex, LocalDate referralDate, LocalDate symptomOnset,
            Set<BodyRegion> regions, Map<Finding, Observation> findings, Integer painScore,
            RiskStratification riskStratification, PriorityCategory clinicianPriority, PathwayStage pathwayStage,
            ReferralSource referralSource) {
        this(referralId, ageYears, sex, referralDate, symptomOnset, regions, findings, painScore, riskStratification,
                clinicianPriority, pathwayStage, referralSource, null);
    }

    /** A referral without a pathway stage or source: the form of every version before 2.0.0. */
    public Referral(String referralId, Integer ageYears, Sex sex, LocalDate referralDate, LocalDate symptomOnset,
            Set<BodyRegion> regions, Map<Finding, Observation> findings, Integer painScore,
            RiskStratification riskStratification, PriorityCategory clinicianPriority) {
        this(referralId, ageYears, sex, referralDate, symptomOnset, regions, findings, painScore, riskStratification,
                clinicianPriority, null, null, null);
    }

    /** A builder for tests and for callers that assemble a referral field by field. */
    public static Builder builder() {
        return new Builder();
    }

    /** What the referral records about {@code finding}; {@link Observation#NOT_RECORDED} if nothing. */
    public Observation observation(Finding finding) {
        Observation o = findings.get(finding);
        return o == null ? Observation.NOT_RECORDED : o;
    }

    public FindingStatus status(Finding finding) {
        return observation(finding).status();
    }

    public boolean isPresent(Finding finding) {
        return status(finding) == FindingStatus.PRESENT;
    }

    public boolean isAbsent(Finding finding) {
        return status(finding) == FindingStatus.ABSENT;
    }

    public boolean isNotRecorded(Finding finding) {
        return status(finding) == FindingStatus.NOT_RECORDED;
    }

    /** True if any of {@code group} is present. */
    public boolean anyPresent(Collection<Finding> group) {
        for (Finding f : group) {
            if (isPresent(f)) {
                return true;
            }
        }
        return false;
    }

    /** How many of {@code group} are present. */
    public int countPresent(Collection<Finding> group) {
        int n = 0;
        for (Finding f : group) {
            if (isPresent(f)) {
                n++;
            }
        }
        return n;
    }

    /** True if any of {@code group} is not recorded. */
    public boolean anyNotRecorded(Collection<Finding> group) {
        for (Finding f : group) {
            if (isNotRecorded(f)) {
                return true;
            }
        }
        return false;
    }

    /** The findings of {@code group} that are not recorded, in the order given. */
    public List<Finding> notRecorded(Collection<Finding> group) {
        return group.stream().filter(this::isNotRecorded).toList();
    }

    /**
     * This referral with every finding of {@code group} that it does not record set to present
     * (onset and trend unknown); everything else kept. A red-flag criterion that is not met by this
     * referral but is met by this completion is met except for items not recorded: a partly met
     * criterion, whose screen is incomplete (from {@code msk-referral 1.1.0}).
     */
    public Referral withNotRecordedPresent(Collection<Finding> group) {
        Map<Finding, Observation> completed = new EnumMap<>(Finding.class);
        completed.putAll(findings);
        for (Finding f : group) {
            if (isNotRecorded(f)) {
                completed.put(f, Observation.PRESENT);
            }
        }
        return new Referral(referralId, ageYears, sex, referralDate, symptomOnset, regions, completed, painScore,
                riskStratification, clinicianPriority, pathwayStage, referralSource, ethnicCategory);
    }

    /** This referral at {@code stage} ({@code null}: no stage given); everything else kept. */
    public Referral withPathwayStage(PathwayStage stage) {
        return new Referral(referralId, ageYears, sex, referralDate, symptomOnset, regions, findings, painScore,
                riskStratification, clinicianPriority, stage, referralSource, ethnicCategory);
    }

    /**
     * The stage the decision is made at: the one given, or {@link PathwayStage#FCP_OR_GP_ASSESSMENT}
     * if none is (the meaning of every referral before {@code msk-referral 2.0.0}).
     */
    public PathwayStage stage() {
        return pathwayStage == null ? PathwayStage.FCP_OR_GP_ASSESSMENT : pathwayStage;
    }

    /** True if the decision is made at {@code stage} ({@link #stage()}). */
    public boolean atStage(PathwayStage stage) {
        return stage() == stage;
    }

    /** True at the FCP or GP assessment (or with no stage given): the full routing decision applies. */
    public boolean atAssessment() {
        return stage() == PathwayStage.FCP_OR_GP_ASSESSMENT;
    }

    /**
     * True at the FCP or GP assessment or at community MSK triage: the stages at which a clinician who
     * has assessed the patient chooses secondary care, therapy or self-management.
     */
    public boolean atAssessmentOrTriage() {
        return stage() == PathwayStage.FCP_OR_GP_ASSESSMENT || stage() == PathwayStage.COMMUNITY_MSK_TRIAGE;
    }

    /** True if the patient referred themselves. */
    public boolean selfReferred() {
        return referralSource == ReferralSource.SELF_REFERRAL;
    }

    /** How many body regions the referral names. */
    public int regionCount() {
        return regions.size();
    }

    /** True if the pain score is recorded and at least {@code score}. */
    public boolean painAtLeast(int score) {
        return painScore != null && painScore >= score;
    }

    /** True if the pain score is recorded and below {@code score}. */
    public boolean painBelow(int score) {
        return painScore != null && painScore < score;
    }

    public boolean painNotRecorded() {
        return painScore == null;
    }

    /** True if {@code finding} is present with its own onset recorded. */
    public boolean ownOnsetKnown(Finding finding) {
        return isPresent(finding) && observation(finding).onset() != null;
    }

    /**
     * True if {@code finding}'s own onset is recorded and it was at most {@code days} days before the
     * referral date (same day = 0 days).
     */
    public boolean ownOnsetWithinDays(Finding finding, int days) {
        LocalDate own = observation(finding).onset();
        return own != null && daysBeforeReferral(own) <= days;
    }

    /** True if {@code finding}'s own onset is recorded and at least {@code days} days before the referral. */
    public boolean ownOnsetAtLeastDaysBefore(Finding finding, int days) {
        LocalDate own = observation(finding).onset();
        return own != null && daysBeforeReferral(own) >= days;
    }

    public boolean hasRegion(BodyRegion region) {
        return regions.contains(region);
    }

    /** Pain or symptoms in the cervical, thoracic or lumbar spine. */
    @JsonIgnore
    public boolean isSpinalPain() {
        return regions.stream().anyMatch(BodyRegion::isSpinal);
    }

    /** Pain or symptoms in any region outside the cervical, thoracic and lumbar spine. */
    @JsonIgnore
    public boolean hasNonSpinalRegion() {
        return regions.stream().anyMatch(r -> !r.isSpinal());
    }

    /** Pain or symptoms in the thoracic or lumbar spine. */
    @JsonIgnore
    public boolean isBackPain() {
        return regions.stream().anyMatch(BodyRegion::isBack);
    }

    /**
     * True if any finding of {@code group} is present and is new or possibly worsening: its own
     * onset is not recorded, or began fewer than {@code newWithinDays} days before the referral, or
     * its trend is anything but stable. Only a recorded long-standing onset with a recorded stable
     * trend counts as not new (the GIRFT pathway's "long-standing and stable").
     */
    public boolean anyPresentNewOrWorsening(Collection<Finding> group, int newWithinDays) {
        for (Finding f : group) {
            Observation o = observation(f);
            if (!o.isPresent()) {
                continue;
            }
            boolean settled = o.trend() == Trend.STABLE;
            if (o.onset() == null || daysBeforeReferral(o.onset()) < newWithinDays || !settled) {
                return true;
            }
        }
        return false;
    }

    /**
     * True if {@code finding}'s own onset is recorded and it began more than {@code days} days before
     * the referral. The episode onset is deliberately not used: a new finding (a hot joint) within a
     * long episode (months of back pain) must not look long-standing.
     */
    public boolean ownHistoryLongerThanDays(Finding finding, int days) {
        LocalDate own = observation(finding).onset();
        return own != null && daysBeforeReferral(own) > days;
    }

    /**
     * True if an onset is known for {@code finding} (its own, else the episode's) and at least
     * {@code months} whole calendar months passed between it and the referral.
     */
    public boolean historyAtLeastMonths(Finding finding, int months) {
        LocalDate onset = onsetOf(finding);
        return onset != null && referralDate != null && ChronoUnit.MONTHS.between(onset, referralDate) >= months;
    }

    /** True if the finding's own onset or the episode's onset is recorded. */
    public boolean onsetKnown(Finding finding) {
        return onsetOf(finding) != null;
    }

    /**
     * True if the episode onset is recorded and the referral date is more than {@code months}
     * calendar months after it (onset plus {@code months} months is before the referral date).
     */
    public boolean episodeLongerThanMonths(int months) {
        return symptomOnset != null && referralDate != null
                && symptomOnset.plusMonths(months).isBefore(referralDate);
    }

    /**
     * Age in whole years when the episode began, estimated as the age at referral less the whole
     * years since onset; {@code -1} if the episode onset or age is not recorded.
     */
    public int ageAtEpisodeOnset() {
        if (symptomOnset == null || referralDate == null || ageYears == null) {
            return -1;
        }
        return ageYears - (int) ChronoUnit.YEARS.between(symptomOnset, referralDate);
    }

    /** Age, or {@code -1} if not recorded (validation rejects that before any rule runs). */
    public int age() {
        return ageYears == null ? -1 : ageYears;
    }

    private LocalDate onsetOf(Finding finding) {
        LocalDate own = observation(finding).onset();
        return own != null ? own : symptomOnset;
    }

    private long daysBeforeReferral(LocalDate date) {
        return referralDate == null ? 0 : ChronoUnit.DAYS.between(date, referralDate);
    }

    /** Assembles a {@link Referral}; not thread-safe. */
    public static final class Builder {
        private String referralId;
        private Integer ageYears;
        private Sex sex = Sex.NOT_RECORDED;
        private LocalDate referralDate;
        private LocalDate symptomOnset;
        private final Set<BodyRegion> regions = EnumSet.noneOf(BodyRegion.class);
        private final Map<Finding, Observation> findings = new EnumMap<>(Finding.class);
        private Integer painScore;
        private RiskStratification riskStratification;
        private PriorityCategory clinicianPriority;
        private PathwayStage pathwayStage;
        private ReferralSource referralSource;
        private EthnicCategory ethnicCategory;

        private Builder() {
        }

        public Builder painScore(Integer painScore) {
            this.painScore = painScore;
            return this;
        }

        public Builder riskStratification(RiskStratification riskStratification) {
            this.riskStratification = riskStratification;
            return this;
        }

        public Builder clinicianPriority(PriorityCategory clinicianPriority) {
            this.clinicianPriority = clinicianPriority;
            return this;
        }

        /** The pathway stage ({@code msk-referral 2.0.0} and later); {@code null} for none. */
        public Builder pathwayStage(PathwayStage pathwayStage) {
            this.pathwayStage = pathwayStage;
            return this;
        }

        public Builder referralSource(ReferralSource referralSource) {
            this.referralSource = referralSource;
            return this;
        }

        /** The ethnic category, echoed for indicators and never read by a rule; {@code null} for none. */
        public Builder ethnicCategory(EthnicCategory ethnicCategory) {
            this.ethnicCategory = ethnicCategory;
            return this;
        }

        public Builder referralId(String referralId) {
            this.referralId = referralId;
            return this;
        }

        public Builder ageYears(int ageYears) {
            this.ageYears = ageYears;
            return this;
        }

        public Builder sex(Sex sex) {
            this.sex = sex;
            return this;
        }

        public Builder referralDate(LocalDate referralDate) {
            this.referralDate = referralDate;
            return this;
        }

        public Builder symptomOnset(LocalDate symptomOnset) {
            this.symptomOnset = symptomOnset;
            return this;
        }

        public Builder region(BodyRegion... regions) {
            this.regions.addAll(List.of(regions));
            return this;
        }

        public Builder present(Finding... findings) {
            for (Finding f : findings) {
                this.findings.put(f, Observation.PRESENT);
            }
            return this;
        }

        public Builder absent(Finding... findings) {
            for (Finding f : findings) {
                this.findings.put(f, Observation.ABSENT);
            }
            return this;
        }

        public Builder finding(Finding finding, Observation observation) {
            this.findings.put(finding, observation);
            return this;
        }

        public Referral build() {
            return new Referral(referralId, ageYears, sex, referralDate, symptomOnset, regions, findings, painScore,
                    riskStratification, clinicianPriority, pathwayStage, referralSource, ethnicCategory);
        }
    }
}
