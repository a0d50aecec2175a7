package org.mskrules.examples.springboot;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.Map;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.Json;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.ReferralJson;
import org.mskrules.micrometer.DecisionMetrics;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /assess?asOf=YYYY-MM-DD} with a referral (docs/schema/referral.schema.json) answers the
 * assessment as the library writes it; an invalid referral answers 400 with every problem.
 * {@code GET /rules} names the rule-set version in use and the decisions counted so far.
 */
@RestController
class AssessController {
    private final MskRules rules;
    private final MeterRegistry meters;

    AssessController(MskRules rules, MeterRegistry meters) {
        this.rules = rules;
        this.meters = meters;
    }

    @PostMapping(path = "/assess", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    String assess(@RequestBody String referral, @RequestParam("asOf") String asOf) throws JsonProcessingException {
        LocalDate date = LocalDate.parse(asOf);
        Assessment assessment = rules.assess(ReferralJson.read(referral, date), date);
        // The library's own mapper, so that the answer is exactly the documented JSON.
        return Json.writeValueAsString(assessment);
    }

    @GetMapping(path = "/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> rules() {
        double decisions = meters.find(DecisionMetrics.COUNTER).counters().stream().mapToDouble(c -> c.count()).sum();
        return Map.of("ruleSet", MskRules.RULE_SET_ID, "version", rules.version(), "contentHash",
                rules.contentHash(), "decisions", (long) decisions);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<String> invalid(InvalidInputException e) throws JsonProcessingException {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(Json.writeValueAsString(Map.of("violations", e.violations())));
    }
}
