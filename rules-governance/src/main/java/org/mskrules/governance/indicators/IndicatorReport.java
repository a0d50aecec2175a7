package org.mskrules.governance.indicators;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The measurable indicators of an MSK service from a decision log and waiting-list snapshots
 * (national MSK principles 2020, seed 001 lines 140-154), each broken down by age band, sex and
 * ethnic group (I10), with small numbers suppressed and other counts rounded ({@link Disclosure}).
 * Every indicator names its definition, its source line and its limits; the indicators the inputs
 * cannot support are listed with the input each would need. Immutable; see {@code docs/indicators.md}.
 *
 * @param asOf           the date the waiting-list snapshots were read as of
 * @param disclosure     the disclosure control applied to every count below
 * @param inputs         what was read, every count under the disclosure control
 * @param indicators     the indicators computed
 * @param unsupported    the indicators the inputs cannot support
 */
public record IndicatorReport(LocalDate asOf, Disclosure disclosure, Inputs inputs, List<Indicator> indicators,
        List<Unsupported> unsupported) {

    public IndicatorReport {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(disclosure, "disclosure");
        Objects.requireNonNull(inputs, "inputs");
        indicators = List.copyOf(indicators);
        unsupported = List.copyOf(unsupported);
    }

    /** The indicator with {@code id}. */
    public Indicator indicator(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator [" + id + "]"));
    }

    /**
     * What was read. Every count here is published under the report's {@link Disclosure}, as every cell
     * is ({@code null} if suppressed), so that no suppressed cell can be recovered by subtracting the
     * other cells of a group from its total.
     *
     * @param decisions          decisions in the log
     * @param errorLines         error lines in the log (referrals not decided), not counted anywhere else
     * @param waitingListEntries waiting-list entries read (after removing the same entry id in an earlier snapshot)
     * @param rejectedEntries    waiting-list entries rejected, with their problems, not counted anywhere else
     * @param linkedEntries      waiting-list entries whose id is the referral id of a decision in the log
     * @param madeBy             the rule-set versions (id, version, content hash from each decision's trace)
     *                           that made the decisions, with how many each made, most first
     * @param referralsDecidedMoreThanOnce referral ids with more than one decision in the log (for example one
     *                           at each pathway stage); each decision is counted
     * @param warnings           what a reader must know before trusting the figures (versions mixed,
     *                           referrals decided more than once, referrals not decided, waiting-list
     *                           entries rejected); empty if nothing
     * @param rejected           every rejected waiting-list entry, with its snapshot, line, id and problems
     *                           (a description of the input files for the service to correct; the
     *                           command line prints no report when there is one)
     */
    public record Inputs(Long decisions, Long errorLines, Long waitingListEntries, Long rejectedEntries,
            Long linkedEntries, List<RuleSetUsed> madeBy, Long referralsDecidedMoreThanOnce, List<String> warnings,
            List<RejectedLine> rejected) {
        public Inputs {
            madeBy = List.copyOf(madeBy);
            warnings = List.copyOf(warnings);
            rejected = List.copyOf(rejected);
        }
    }

    /**
     * A rule-set version that made decisions in the log.
     *
     * @param ruleSetId   for example {@code msk-referral}
     * @param version     the version, MAJOR.MINOR.PATCH
     * @param contentHash the hash of its content, as the trace gives it
     * @param decisions   how many decisions of the log it made, published ({@code null} if suppressed)
     */
    public record RuleSetUsed(String ruleSetId, String version, String contentHash, Long decisions) {
        /** As people read it: {@code msk-referral 1.0.0 (sha256:...)}. */
        public String label() {
            return ruleSetId + " " + version + " (" + contentHash + ")";
        }
    }

    /**
     * A waiting-list entry that was rejected and is not counted.
     *
     * @param snapshot   the snapshot file it is in
     * @param line       its line in that file
     * @param entryId    its id, if one could be read
     * @param violations every problem, each with its field path and a stable code
     */
    public record RejectedLine(String snapshot, long line, String entryId, List<org.mskrules.core.Violation> violations) {
        public RejectedLine {
            violations = List.copyOf(violations);
        }
    }

    /**
     * One indicator.
     *
     * @param id         stable id: {@code I3}, {@code I4}, {@code I5}, {@code RF}, {@code ROUTE}, {@code I10}
     * @param title      for people
     * @param definition numerator, denominator and clock, exactly
     * @param source     the seed line it comes from
     * @param limits     what it does not measure
     * @param shares     its counts and percentages (empty for a waiting-time indicator)
     * @param waits      its waiting-time statistics (empty for a share)
     */
    public record Indicator(String id, String title, String definition, String source, String limits,
            List<Share> shares, List<Wait> waits) {
        public Indicator {
            shares = List.copyOf(shares);
            waits = List.copyOf(waits);
        }
    }

    /**
     * A count of decisions with a measure in a group, out of the decisions in that group, as published.
     *
     * @param breakdown   {@code all}, {@code age band}, {@code sex} or {@code ethnic group}
     * @param group       the group (for example {@code 45-54}, {@code FEMALE}, {@code Asian or Asian British},
     *                    {@code not given}); {@code all decisions} for the overall figure
     * @param measure     what is counted (for example {@code SECONDARY_CARE routine})
     * @param count       the published count, or {@code null} if suppressed
     * @param denominator the published denominator, or {@code null} if suppressed
     * @param percent     whole per cent of the published counts, or {@code null} if either is suppressed
     */
    public record Share(String breakdown, String group, String measure, Long count, Long denominator, Long percent) {
        /** Whether any figure of this share is withheld by disclosure control. */
        public boolean suppressed() {
            return count == null || denominator == null;
        }
    }

    /**
     * Completed waits in a group, as published.
     *
     * @param breakdown  as in {@link Share}
     * @param group      as in {@link Share}
     * @param category   the priority category ({@code PRIORITY}, {@code NON_PRIORITY}) or the decision's
     *                   urgency ({@code EMERGENCY}, {@code URGENT}, {@code SOON}, {@code PRIORITY},
     *                   {@code ROUTINE})
     * @param completed  the published number of completed waits, or {@code null} if suppressed
     * @param medianDays median days waited (nearest rank), or {@code null} for fewer than the threshold
     * @param p90Days    90th percentile days waited (nearest rank), or {@code null} likewise
     */
    public record Wait(String breakdown, String group, String category, Long completed, Long medianDays, Long p90Days) {
        /** Whether the statistics are withheld by disclosure control. */
        public boolean suppressed() {
            return completed == null || (completed > 0 && medianDays == null);
        }
    }

    /**
     * An indicator the inputs cannot support.
     *
     * @param id     stable id ({@code I1} ...)
     * @param title  the indicator as the source names it
     * @param source the seed line
     * @param needs  the input it would need
     */
    public record Unsupported(String id, String title, String source, String needs) {
    }
}
