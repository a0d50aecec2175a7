package org.mskrules.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Locale;
import org.mskrules.core.io.Json;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Referral;

/**
 * The cold-start unit that {@link ColdStart} times in a fresh JVM: reads one referral (JSON), loads
 * the rule-set version in force on the evaluation date, assesses the referral and prints, on one
 * line, the time from the JVM's start to {@code main}, to the rule set loaded and to the first
 * decision. Arguments: the referral file and the evaluation date ({@code YYYY-MM-DD}).
 */
public final class FirstDecision {
    private FirstDecision() {
    }

    public static void main(String[] args) throws Exception {
        long main = System.nanoTime();
        Referral referral = Json.readValue(Files.readString(Path.of(args[0])), Referral.class);
        LocalDate asOf = LocalDate.parse(args[1]);
        MskRules rules = MskRules.builder().inForceOn(asOf).build();
        long loadedAt = System.nanoTime();
        Assessment a = rules.assess(referral, asOf);
        long decidedAt = System.nanoTime();
        // The JVM's own uptime, read only after the decision so that reading it is not timed.
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long end = System.nanoTime();
        long atMain = uptime - (end - main) / 1_000_000;
        long loaded = uptime - (end - loadedAt) / 1_000_000;
        long decided = uptime - (end - decidedAt) / 1_000_000;
        System.out.printf(Locale.ROOT, "first-decision main=%d loaded=%d decided=%d escalation=%s route=%s version=%s%n",
                atMain, loaded, decided, a.escalation(), a.route().route(), rules.version());
    }
}
