package org.mskrules.msk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mskrules.core.Violation;

/** Finds every problem in a referral before any rule runs; each with its JSON Pointer and a stable code. */
final class ReferralValidator {
    static final int MAX_AGE_YEARS = 130;
    static final int MAX_REFERRAL_ID_LENGTH = 64;

    private ReferralValidator() {
    }

    static List<Violation> validate(Referral r, LocalDate asOf) {
        List<Violation> v = new ArrayList<>();
        if (r == null) {
            v.add(new Violation("", "REQUIRED", "a referral is required"));
            return v;
        }
        if (r.referralId() != null && (r.referralId().isBlank() || r.referralId().length() > MAX_REFERRAL_ID_LENGTH)) {
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
        } else if (r.referralDate().isAfter(asOf)) {
            v.add(new Violation("/referralDate", "AFTER_AS_OF",
                    "referralDate [" + r.referralDate() + "] is after the evaluation date [" + asOf + "]"));
        }
        if (r.symptomOnset() != null && r.referralDate() != null && r.symptomOnset().isAfter(r.referralDate())) {
            v.add(new Violation("/symptomOnset", "AFTER_REFERRAL_DATE",
                    "symptomOnset [" + r.symptomOnset() + "] is after the referral date [" + r.referralDate() + "]"));
        }
        for (Map.Entry<Finding, Observation> e : r.findings().entrySet()) {
            String path = "/findings/" + e.getKey().name();
            Observation o = e.getValue();
            if (o == null) {
                v.add(new Violation(path, "REQUIRED", "a finding needs a status: PRESENT, ABSENT or NOT_RECORDED"));
                continue;
            }
            if (!o.isPresent() && (o.onset() != null || o.trend() != Trend.NOT_RECORDED)) {
                v.add(new Violation(path, "INCONSISTENT",
                        "onset and trend may be given only for a PRESENT finding, but status is [" + o.status() + "]"));
            }
            if (o.onset() != null && r.referralDate() != null && o.onset().isAfter(r.referralDate())) {
                v.add(new Violation(path + "/onset", "AFTER_REFERRAL_DATE",
                        "onset [" + o.onset() + "] is after the referral date [" + r.referralDate() + "]"));
            }
        }
        return v;
    }
}
