package dev.faultlab.web;

import dev.faultlab.account.AccountService;
import dev.faultlab.account.AuditLog;
import dev.faultlab.account.CourseService;
import dev.faultlab.grading.Grading;
import dev.faultlab.lab.LabCatalog;
import dev.faultlab.run.RunService;
import dev.faultlab.search.SearchService;
import dev.faultlab.store.Database;
import dev.faultlab.web.auth.AuthGate;
import dev.faultlab.web.auth.CourseAccess;
import dev.faultlab.web.auth.LiveSockets;
import dev.faultlab.web.auth.SessionRoutes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** The HTTP face of FaultLab: the API under /api and the browser app as static files. */
public final class WebServer {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final long STOP_TIMEOUT_MS = 5_000;

    /**
     * How the server is set up; {@code frontendOnDisk} serves a folder instead of the packaged files (dev mode);
     * {@code secureCookies} and {@code trustProxy} are explained in docs/SECURITY.md.
     */
    public record Settings(int port, long maxRequestBytes, Optional<Path> frontendOnDisk, boolean secureCookies,
                           boolean trustProxy, Duration sessionLifetime) {
    }

    /** The services the routes call. */
    public record Services(Database database, LabCatalog labs, AccountService accounts, CourseService courses,
                           AuditLog audit, RunService runs, Grading grading, Clock clock,
                           SearchService searches) {
    }

    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    public static WebServer start(Settings settings, Services services) {
        AuthGate gate = new AuthGate(services.accounts(), settings.secureCookies(), settings.trustProxy(),
                settings.sessionLifetime());
        CourseAccess courseAccess = new CourseAccess(services.courses());
        RunAccess runAccess = new RunAccess(services.runs(), courseAccess);
        LiveSockets sockets = new LiveSockets(services.accounts());
        AtomicReference<Javalin> self = new AtomicReference<>();
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.jetty.port = settings.port();
            config.jetty.modifyServer(server -> server.setStopTimeout(STOP_TIMEOUT_MS));
            config.jetty.modifyServletContextHandler(NoContainerSessions::install);
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.http.prefer405over404 = true;
            // Oversized commands get an error frame from RunStream instead of Jetty closing the socket.
            config.jetty.modifyWebSocketServletFactory(factory -> {
                factory.setMaxTextMessageSize(1024 * 1024);
                factory.setIdleTimeout(Duration.ofMinutes(10));
            });
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                if (settings.frontendOnDisk().isPresent()) {
                    files.directory = settings.frontendOnDisk().get().toString();
                    files.location = Location.EXTERNAL;
                } else {
                    files.directory = "/frontend";
                    files.location = Location.CLASSPATH;
                }
            });
            config.requestLogger.http((ctx, ms) ->
                    log.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms)));
            config.routes.before(ctx -> {
                securityHeaders(ctx);
                HeadRequests.refuse(ctx, self.get().unsafe.internalRouter);
                rejectOversizedBody(ctx, settings.maxRequestBytes());
            });
            ApiErrors.register(config.routes);
            DatabaseGate.register(config.routes, services.database());
            gate.register(config.routes);
            Requests.checkBodies(config.routes);
            HealthRoutes.register(config.routes, services.database());
            CatalogRoutes.register(config.routes, services.labs());
            SessionRoutes.register(config.routes, gate, services.accounts(), sockets);
            CourseRoutes.register(config.routes, services.courses(), services.accounts(), courseAccess, services.labs(),
                    services.clock());
            AdminRoutes.register(config.routes, services.accounts(), services.audit(), sockets);
            ProtocolRoutes.register(config.routes, services.runs().registry());
            RunRoutes.register(config.routes, services.runs(), runAccess, services.grading().sheets(),
                    services.grading().practice(), courseAccess);
            LabRoutes.register(config.routes, services.grading(), courseAccess, new RunAnswers(runAccess));
            GradebookRoutes.register(config.routes, services.grading(), courseAccess);
            RunStream.register(config.routes, services.runs(), runAccess, sockets);
            SearchRoutes.register(config.routes, services.searches(), services.runs(), runAccess);
        });
        self.set(app);
        AuthGate.requireDeclaredAccess(app);
        app.start();
        log.info("FaultLab is serving on http://localhost:{}/", app.port());
        return new WebServer(app);
    }

    public int port() {
        return app.port();
    }

    /** Every API route as "METHOD /path", WebSockets as "WEBSOCKET /path": for tests that must cover them all. */
    public List<String> apiRoutes() {
        var router = app.unsafe.internalRouter;
        return Stream.concat(
                router.allHttpHandlers().stream()
                        .filter(e -> !e.endpoint.method.name().equals("WEBSOCKET_BEFORE_UPGRADE"))
                        .map(e -> e.endpoint.method + " " + e.endpoint.path)
                        .filter(route -> route.contains(" /api")),
                router.allWsHandlers().stream().map(e -> "WEBSOCKET " + e.getPath())).sorted().toList();
    }

    public void stop() {
        app.stop();
    }

    /** Refuse a declared-too-large body before reading a byte of it. */
    private static void rejectOversizedBody(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw new ApiException(413, "body_too_large",
                    "The request body is " + declared + " bytes; this server accepts at most " + limit + ".");
        }
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; frame-ancestors 'none'");
    }
}
