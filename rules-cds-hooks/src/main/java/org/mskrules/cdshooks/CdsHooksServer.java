package org.mskrules.cdshooks;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import org.mskrules.core.Violation;

/**
 * Serves a {@link CdsHooksService} over HTTP with Javalin on Jetty 12: {@code GET /cds-services},
 * {@code POST /cds-services/{id}}, and {@code GET /fhir/Questionnaire/{id}?item=...} for the
 * Questionnaires the screen card links. Listens on 127.0.0.1 unless told otherwise: decision
 * support takes patient data, and exposing it beyond the host is a deployment decision (TLS and
 * authorisation in front) that this class does not make. Thread-safe; {@link #close} stops it.
 */
public final class CdsHooksServer implements AutoCloseable {
    /** The default address: this host only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    private final Javalin app;

    private CdsHooksServer(Javalin app) {
        this.app = app;
    }

    /**
     * Starts serving {@code service} on {@code host}:{@code port} ({@code 0} for any free port).
     *
     * @throws org.mskrules.core.RulesException if the port cannot be bound
     */
    public static CdsHooksServer start(CdsHooksService service, String host, int port) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(host, "host");
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 16L * 1024 * 1024;
            config.routes.get("/cds-services", ctx -> send(ctx, service.discovery()));
            config.routes.post("/cds-services/{id}", ctx -> send(ctx, service.call(ctx.pathParam("id"), ctx.body(), base(ctx))));
            config.routes.get("/fhir/Questionnaire/{id}", ctx -> send(ctx,
                    service.questionnaire(ctx.pathParam("id"), ctx.queryParams("item"))));
            config.routes.exception(Exception.class, (e, ctx) -> send(ctx, CdsHooksService.error(500, "INTERNAL_ERROR",
                    List.of(new Violation("", "INTERNAL_ERROR", "the service failed (" + e.getClass().getSimpleName() + ")")))));
            config.routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    send(ctx, CdsHooksService.error(404, "NOT_FOUND", List.of(new Violation("", "NOT_FOUND",
                            "no such path [" + Violation.shown(ctx.path()) + "]"))));
                }
            });
        });
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            throw new org.mskrules.core.RulesException("cannot serve on [" + host + ":" + port + "]: " + e.getMessage(), e);
        }
        return new CdsHooksServer(app);
    }

    private static void send(Context ctx, CdsResponse r) {
        ctx.status(r.status()).contentType("application/json").result(r.json());
    }

    private static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    /** The port it listens on (the one chosen, for port 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
