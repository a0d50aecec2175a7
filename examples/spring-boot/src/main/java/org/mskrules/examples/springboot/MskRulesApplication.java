package org.mskrules.examples.springboot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.mskrules.micrometer.DecisionMetrics;
import org.mskrules.msk.MskRules;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application that embeds the MSK rules: one {@link MskRules} bean, built at start (so a
 * broken rule set stops the application from starting, not a request mid-shift), shared by every
 * request thread, with its decisions counted in a Micrometer registry.
 */
@SpringBootApplication
public class MskRulesApplication {

    public static void main(String[] args) {
        SpringApplication.run(MskRulesApplication.class, args);
    }

    /** Micrometer's registry; an application with Actuator would take Boot's instead. */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    /**
     * The newest released version of {@code msk-referral}; a service in clinical use pins one with
     * {@code ruleSetVersion("1.1.0")} or chooses by date with {@code inForceOn(...)}.
     */
    @Bean
    MskRules mskRules(MeterRegistry meters) {
        return MskRules.builder().decisionListener(new DecisionMetrics(meters)).build();
    }
}
