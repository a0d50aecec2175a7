package org.mskrules.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mskrules.cdshooks.CdsHooksServer;
import org.mskrules.cdshooks.CdsHooksService;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.ServiceProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code serve}: the CDS Hooks service ({@code rules-cds-hooks}) on 127.0.0.1 until the process is
 * stopped. With {@code --as-of} every decision is dated that day (for demonstrations and tests);
 * without it, each request is dated today in England.
 */
@Command(name = "serve", usageHelpWidth = 100,
        description = {"Serves the CDS Hooks 2.0 service: GET /cds-services (discovery), POST /cds-services/"
                + "msk-referral-order-select and /cds-services/msk-referral-order-sign, and the Questionnaires the"
                + " screen cards link. Listens on 127.0.0.1 unless --host says otherwise; stop it with Ctrl-C.",
                "Put TLS and authorisation in front of it before it takes real patient data from another host."},
        footer = MskRulesCli.EXIT_CODES)
final class ServeCommand implements Callable<Integer> {
    static final String SYNOPSIS = "serve [--host ADDRESS] [--port N] [--rules-version X.Y.Z] [--as-of YYYY-MM-DD] "
            + "[--profile FILE.json]";

    @ParentCommand
    MskRulesCli cli;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Mixin
    SharedOptions shared;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = CdsHooksServer.DEFAULT_HOST,
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this host only).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The port (default: ${DEFAULT-VALUE}; 0 for any free port, printed on start).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        LocalDate fixed = shared.asOf;
        ServiceProfile profile = shared.profile();
        MskRules rules = shared.build(() -> {
            MskRules.Builder builder = MskRules.builder().registry(shared.registry()).serviceProfile(profile);
            return (shared.rulesVersion != null ? builder.ruleSetVersion(shared.rulesVersion) : builder.inForceOn(shared.asOf()))
                    .build();
        });
        AssessCommand.warnIfWorking(MskRules.RULE_SET_ID, rules.version(), rules.status(), cli.err);
        Clock clock = fixed != null ? Clock.fixed(fixed.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC)
                : Clock.system(ZoneId.of("Europe/London"));
        CdsHooksServer server = CdsHooksServer.start(CdsHooksService.create(rules, clock), host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "msk-rules-serve-shutdown"));
        cli.err.println("msk-rules: CDS Hooks service on http://" + host + ":" + server.port() + "/cds-services ("
                + MskRules.RULE_SET_ID + " " + rules.version() + ", " + rules.contentHash() + ", decisions dated "
                + (fixed != null ? fixed : "today in England") + ")");
        cli.err.flush();
        stopped.await();
        return MskRulesCli.DECIDED;
    }
}
