package org.mskrules.msk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mskrules.core.EvaluationDate;
import org.mskrules.core.Violation;

/** Finds every problem in a referral before any rule runs; each with its JSON Pointer and a stable code. */
final class ReferralValidator {
    static final int MAX_AGE_YEARS = 130;
    static final int MAX_REFERRAL_ID_LENGTH = 64;
    static final int MAX_PAIN_SCORE = 10;
    static final int STARTBACK_MAX_TOTAL = 9;
    static final int STARTBACK_MAX_DISTRESS = 5;

    private ReferralValidator() {
    }

    static List<Violation> validate(Referral r, LocalDate asOf) {
        return validate(r, asOf, path -> false);
    }

    /**
     * As {@link #validate(Referral, LocalDate)}, for a referral read from a document: a check that reads
     * a value the document had but that could not be read ({@code unreadable}) is not made, because
     * the value's own problem is already reported and the check would report its absence instead.
     */
    static List<Violation> validate(Referral r, LocalDate asOf, java.util.function.Predicate<String> unreadable) {
        List<Violation> v = new ArrayList<>();
        if (r == null) {
            v.add(new Violation("", "REQUIRED", "a referral is required"));
            return v;
        }
        if (!EvaluationDate.inRange(asOf)) {
            // Nothing can be compared with an evaluation date outside the range; the caller's mistake.
            v.add(EvaluationDate.outOfRange("/asOf", asOf));
            return v;
        }
        if (r.referralId() != null && (blank(r.referralId())
                || r.referralId().codePointCount(0, r.referralId().length()) > MAX_REFERRAL_ID_LENGTH)) {
            v.add(new Violation("/referralId", "INVALID",
                    "referralId must be 1 to " + MAX_REFERRAL_ID_LENGTH + " non-blank characters"));
        }
        if (r.ageYears() == null) {
            v.add(new Violation("/ageYears", "REQUIRED", "age in years on the referral date is required"));
        } else if (r.ageYears() < 0 || r.ageYears() > MAX_AGE_YEARS) {
            v.add(new Violation("/ageYears", "OUT_OF_RANGE",
                    "ageYears must be in [0, " + MAX_AGE_YEARS + "] but was [" + r.ageYears() + "]"));
        }
        if (r.referralDate() == null) {
            v.add(new Violation("/referralDate", "REQUIRED", "the referral date is required"));
        } else if (!EvaluationDate.inRange(r.referralDate())) {
            v.add(EvaluationDate.outOfRange("/referralDate", r.referralDate()));
        } else if (r.referralDate().isAfter(asOf)) {
            v.add(new Violation("/referralDate", "AFTER_AS_OF",
                    "referralDate [" + r.referralDate() + "] is after the evaluation date [" + asOf + "]"));
        }
        if (r.symptomOnset() != null && !EvaluationDate.inRange(r.symptomOnset())) {
            v.add(EvaluationDate.outOfRange("/symptomOnset", r.symptomOnset()));
        } else if (r.symptomOnset() != null && r.referralDate() != null && r.symptomOnset().isAfter(r.referralDate())) {
            v.add(new Violation("/symptomOnset", "AFTER_REFERRAL_DATE",
                    "symptomOnset [" + r.symptomOnset() + "] is after the referral date [" + r.referralDate() + "]"));
        } else if (r.symptomOnset() != null && r.referralDate() == null && r.symptomOnset().isAfter(asOf)) {
            // Without a usable referral date, a date in the future is still wrong.
            v.add(new Violation("/symptomOnset", "AFTER_AS_OF",
                    "symptomOnset [" + r.symptomOnset() + "] is after the evaluation date [" + asOf + "]"));
        }
        for (Map.Entry<Finding, Observation> e : r.findings().entrySet()) {
            // The path is built only for a problem: most referrals have none, and many findings.
            Observation o = e.getValue();
            if (o == null) {
                v.add(new Violation(path(e.getKey()), "REQUIRED", "a finding needs a status: PRESENT, ABSENT or NOT_RECORDED"));
                continue;
            }
            if (!o.isPresent() && (o.onset() != null || o.trend() != Trend.NOT_RECORDED)) {
                v.add(new Violation(path(e.getKey()), "INCONSISTENT",
                        "onset and trend may be given only for a PRESENT finding, but status is [" + o.status() + "]"));
            }
            if (o.onset() != null && !EvaluationDate.inRange(o.onset())) {
                v.add(EvaluationDate.outOfRange(path(e.getKey()) + "/onset", o.onset()));
            } else if (o.onset() != null && r.referralDate() != null && o.onset().isAfter(r.referralDate())) {
                v.add(new Violation(path(e.getKey()) + "/onset", "AFTER_REFERRAL_DATE",
                        "onset [" + o.onset() + "] is after the referral date [" + r.referralDate() + "]"));
            } else if (o.onset() != null && r.referralDate() == null && o.onset().isAfter(asOf)) {
                v.add(new Violation(path(e.getKey()) + "/onset", "AFTER_AS_OF",
                        "onset [" + o.onset() + "] is after the evaluation date [" + asOf + "]"));
            }
        }
        if (r.pathwayStage() == PathwayStage.FIRST_CONTACT && (r.referralSource() == ReferralSource.FIRST_CONTACT_PRACTITIONER
                || r.referralSource() == ReferralSource.SECONDARY_CARE)) {
            // First contact is before any MSK assessment; an FCP or secondary care has assessed already.
            v.add(new Violation("/referralSource", "INCONSISTENT", "a referral from [" + r.referralSource()
                    + "] is not a first contact: give the stage FCP_OR_GP_ASSESSMENT or RETURN_FROM_SECONDARY_CARE"));
        }
        if (r.pathwayStage() == PathwayStage.RETURN_FROM_SECONDARY_CARE && r.referralSource() != null
                && r.referralSource() != ReferralSource.SECONDARY_CARE) {
            v.add(new Violation("/referralSource", "INCONSISTENT", "the return from secondary care comes from SECONDARY_CARE, not ["
                    + r.referralSource() + "]"));
        }
        if (r.painScore() != null && (r.painScore() < 0 || r.painScore() > MAX_PAIN_SCORE)) {
            v.add(new Violation("/painScore", "OUT_OF_RANGE",
                    "painScore must be in [0, " + MAX_PAIN_SCORE + "] but was [" + r.painScore() + "]"));
        }
        if (r.riskStratification() != null && !unreadable.test("/riskStratification/category")
                && !unreadable.test("/riskStratification/totalScore") && !unreadable.test("/riskStratification/distressScore")) {
            validateRisk(r.riskStratification(), v);
        }
        if (r.riskStratification() != null && !unreadable.test("/regions")) {
            if (r.riskStratification().tool() == RiskTool.STARTBACK && !r.isBackPain()) {
                v.add(new Violation("/riskStratification/tool", "INVALID",
                        "STarT Back is validated for back pain, but the referral names no thoracic or lumbar region"));
            }
        }
        return v;
    }

    /**
     * Blank as the published schema's {@code \S} sees it (space, tab, line ends, form feed), so that
     * the library and the schema agree on every reference.
     */
    /**
     * Whether {@code s} is nothing but white space as the schema's pattern {@code \\S} means it
     * (ECMA-262: ASCII white space, every Unicode space separator such as NBSP, U+FEFF and the line
     * and paragraph separators), which Java's regular expressions, and so the schema validator, do
     * not all count.
     */
    static boolean blank(String s) {
        return s.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r'
                || c == 0xFEFF || c == 0x2028 || c == 0x2029 || Character.getType(c) == Character.SPACE_SEPARATOR);
    }

    private static String path(Finding finding) {
        return "/findings/" + finding.name();
    }

    /** The shape of a risk result; deriving the category from scores is the rules' job. */
    private static void validateRisk(RiskStratification s, List<Violation> v) {
        String at = "/riskStratification";
        if (s.tool() == null) {
            v.add(new Violation(at + "/tool", "REQUIRED", "the stratification tool is required: " + List.of(RiskTool.values())));
        }
        if (s.category() != null && s.scored()) {
            v.add(new Violation(at, "INCONSISTENT", "give the category or the scores, not both"));
        } else if (s.category() == null && !s.scored()) {
            v.add(new Violation(at + "/category", "REQUIRED", "a category, or STarT Back totalScore and distressScore, is required"));
        }
        if (!s.scored()) {
            return;
        }
        if (s.tool() != null && s.tool() != RiskTool.STARTBACK) {
            v.add(new Violation(at, "INVALID", "scores are accepted for STARTBACK only; give the category for " + s.tool()));
        }
        if (s.totalScore() == null) {
            v.add(new Violation(at + "/totalScore", "REQUIRED", "totalScore is required with distressScore"));
        } else if (s.totalScore() < 0 || s.totalScore() > STARTBACK_MAX_TOTAL) {
            v.add(new Violation(at + "/totalScore", "OUT_OF_RANGE",
                    "totalScore must be in [0, " + STARTBACK_MAX_TOTAL + "] but was [" + s.totalScore() + "]"));
        }
        if (s.distressScore() == null) {
            v.add(new Violation(at + "/distressScore", "REQUIRED", "distressScore is required with totalScore"));
        } else if (s.distressScore() < 0 || s.distressScore() > STARTBACK_MAX_DISTRESS) {
            v.add(new Violation(at + "/distressScore", "OUT_OF_RANGE",
                    "distressScore must be in [0, " + STARTBACK_MAX_DISTRESS + "] but was [" + s.distressScore() + "]"));
        } else if (s.totalScore() != null && s.distressScore() > s.totalScore()) {
            v.add(new Violation(at + "/distressScore", "INCONSISTENT", "distressScore [" + s.distressScore()
                    + "] exceeds totalScore [" + s.totalScore() + "]; the distress items are part of the total"));
        }
    }
}
