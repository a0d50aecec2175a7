package org.mskrules.msk;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.Json;
import org.mskrules.core.Violation;

/**
 * Reads a referral from its JSON form (the contract in {@code docs/schema/referral.schema.json}) and
 * checks it as of an evaluation date, reporting every problem of the document together, each with
 * its JSON Pointer and a stable code. Thread-safe; stateless.
 */
public final class ReferralJson {
    private ReferralJson() {
    }

    /**
     * The referral in {@code json}, checked as of {@code asOf}.
     *
     * @throws InvalidInputException listing every problem, if there is any
     */
    public static Referral read(String json, LocalDate asOf) {
        List<Violation> problems = new java.util.ArrayList<>();
        Referral r = parse(json, asOf, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return r;
    }

    /** Every problem with the referral in {@code json} as of {@code asOf}; empty if it can be assessed. */
    public static List<Violation> check(String json, LocalDate asOf) {
        List<Violation> problems = new java.util.ArrayList<>();
        parse(json, asOf, problems);
        return List.copyOf(problems);
    }

    private static Referral parse(String json, LocalDate asOf, List<Violation> problems) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(asOf, "asOf");
        try {
            Referral r = Json.mapper().readValue(json, Referral.class);
            problems.addAll(ReferralValidator.validate(r, asOf));
            return r;
        } catch (JsonProcessingException e) {
            problems.add(new Violation("", "MALFORMED_JSON", e.getOriginalMessage()));
            return null;
        }
    }
}
