package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.EscalationLevel;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.ReferralJson;
import org.mskrules.msk.Route;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * Issue 20: a host (an application server, a Spring Boot fat jar, a plugin system) may call the
 * library on a thread whose context class loader cannot see it. Loading the rule sets and deciding
 * must not depend on that loader: here it is an empty loader with no parent, which sees nothing, not
 * even the JDK's application classes. (This class runs in a JVM of its own, so nothing is loaded yet.)
 */
class ContextClassLoaderTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @Test
    void rulesLoadAndDecideOnAThreadWhoseContextClassLoaderSeesNothing() throws Exception {
        String json = Files.readString(RepoPaths.root().resolve("examples/referral-back-pain-saddle-numbness.json"));
        ClassLoader empty = new URLClassLoader(new URL[0], null);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread host = new Thread(() -> {
            try {
                MskRules rules = MskRules.builder().build();
                Assessment a = rules.assess(ReferralJson.read(json, AS_OF), AS_OF);
                WaitingListRules.builder().build();
                result.set(a);
            } catch (Throwable t) {
                result.set(t);
            }
        }, "host-with-foreign-context-loader");
        host.setContextClassLoader(empty);
        host.start();
        host.join(120_000);
        assertThat(result.get()).as("the outcome on the host thread").isInstanceOf(Assessment.class);
        Assessment a = (Assessment) result.get();
        assertThat(a.escalation()).isEqualTo(EscalationLevel.EMERGENCY);
        assertThat(a.route().route()).isEqualTo(Route.RED_FLAG_PATHWAY);
        assertThat(a.trace().version()).isEqualTo("1.1.0");
    }
}
