package org.mskrules.msk;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.Json;
import org.mskrules.core.io.JsonContract;
import org.mskrules.core.Violation;

/**
 * Reads a referral from its JSON form, the contract published as {@code docs/schema/referral.schema.json},
 * and checks it as of an evaluation date. Every problem of the document is reported together, each
 * with its JSON Pointer and a stable code: first what the schema says (unknown fields, wrong types,
 * unknown codes, out-of-range values, malformed dates, missing required fields), then, on what is
 * left, what only the evaluation date or another field can tell (a referral date after the
 * evaluation date, an onset after the referral date, a STarT Back score on a referral that is not
 * back pain). A document that is not JSON, is larger than {@link JsonContract#MAX_DOCUMENT_CHARS},
 * nests too deep or holds too long a string has one problem, saying which.
 *
 * <pre>{@code
 * Referral r = ReferralJson.read(json, asOf);        // or InvalidInputException with every problem
 * List<Violation> problems = ReferralJson.check(json, asOf);   // empty if it can be assessed
 * }</pre>
 *
 * <p>Thread-safe and stateless.
 */
public final class ReferralJson {
    /** The schema of the referral document, as packaged from {@code docs/schema}. */
    static final String SCHEMA = "org/mskrules/msk/schema/referral.schema.json";
    private static final JsonContract CONTRACT = JsonContract.fromResource(ReferralJson.class.getClassLoader(), SCHEMA);

    private ReferralJson() {
    }

    /**
     * The referral in {@code json}, checked as of {@code asOf}.
     *
     * @throws InvalidInputException listing every problem, if there is any
     */
    public static Referral read(String json, LocalDate asOf) {
        List<Violation> problems = new ArrayList<>();
        Referral r = parse(json, asOf, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return r;
    }

    /** Every problem with the referral in {@code json} as of {@code asOf}; empty if it can be assessed. */
    public static List<Violation> check(String json, LocalDate asOf) {
        List<Violation> problems = new ArrayList<>();
        parse(json, asOf, problems);
        return List.copyOf(problems);
    }

    private static Referral parse(String json, LocalDate asOf, List<Violation> problems) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(asOf, "asOf");
        JsonContract.Checked checked = CONTRACT.check(json);
        problems.addAll(checked.violations());
        if (checked.valid() == null || !checked.valid().isObject()) {
            return null;
        }
        Referral referral;
        try {
            referral = Json.treeToValue(checked.valid(), Referral.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // The schema and the model disagree: a defect, but still the caller's record is rejected
            // with where the model stopped rather than lost.
            problems.add(e instanceof JsonProcessingException p ? JsonContract.unmappable(p, "a referral")
                    : new Violation("", "SCHEMA_VIOLATION", "cannot be read as a referral: " + Violation.shown(e.getMessage())));
            return null;
        }
        for (Violation v : ReferralValidator.validate(referral, asOf, checked::covers)) {
            if (!checked.covers(v.path())) {
                problems.add(v);
            }
        }
        // Sorted by path, with the note of problems not listed last.
        problems.sort(Comparator.comparing((Violation v) -> v.code().equals("TOO_MANY_PROBLEMS"))
                .thenComparing(Violation::path).thenComparing(Violation::code));
        return problems.isEmpty() ? referral : null;
    }
}
