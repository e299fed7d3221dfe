package dev.faultlab;

import dev.faultlab.account.AccountService;
import dev.faultlab.account.AuditLog;
import dev.faultlab.account.CourseService;
import dev.faultlab.account.DemoSeed;
import dev.faultlab.account.FirstStart;
import dev.faultlab.account.PasswordHasher;
import dev.faultlab.config.Config;
import dev.faultlab.config.ConfigException;
import dev.faultlab.grading.Grading;
import dev.faultlab.lab.LabCatalog;
import dev.faultlab.lab.LabValidator;
import dev.faultlab.lab.ReferenceGrading;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.run.RunService;
import dev.faultlab.run.RunSettings;
import dev.faultlab.search.SearchLimits;
import dev.faultlab.search.SearchService;
import dev.faultlab.explore.SearchBounds;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.store.RunStore;
import dev.faultlab.store.SearchStore;
import dev.faultlab.store.Database;
import dev.faultlab.store.DatabaseUrl;
import dev.faultlab.store.EmbeddedPostgresServer;
import dev.faultlab.store.ServerInstance;
import dev.faultlab.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Starts FaultLab: wires configuration, database and web server by hand, and stops them in reverse order. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    private static final int DEFAULT_VARIANTS_CHECKED = 20;

    private final Database database;
    private final ServerInstance instance;
    private final RunService runs;
    private final SearchService searches;
    private final WebServer web;

    private App(Database database, ServerInstance instance, RunService runs, SearchService searches, WebServer web) {
        this.database = database;
        this.instance = instance;
        this.runs = runs;
        this.searches = searches;
        this.web = web;
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(command(args));
            return;
        }
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            System.err.println("FaultLab cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        App app;
        try {
            app = start(config);
        } catch (ConfigException e) {
            System.err.println("FaultLab cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "faultlab-shutdown"));
    }

    /** {@code validate [folder] [variants]}: checks labs without starting a server; the exit code says whether they are valid. */
    private static int command(String[] args) {
        if (!"validate".equals(args[0]) || args.length > 3) {
            System.err.println("Usage: java -jar faultlab.jar [validate [labs-folder] [variants]]");
            return 2;
        }
        Path folder = Path.of(args.length > 1 ? args[1] : "labs");
        try {
            int variants = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_VARIANTS_CHECKED;
            return new LabValidator(System.out, Protocols.registry()).validate(folder, variants) == 0 ? 0 : 1;
        } catch (NumberFormatException e) {
            System.err.println("The number of variants must be a whole number, got '" + args[2] + "'");
            return 2;
        } catch (IOException e) {
            System.err.println("Cannot validate: " + e.getMessage());
            return 2;
        }
    }

    /** Starts everything; on failure, whatever already started is stopped again. */
    public static App start(Config config) {
        log.info("Starting FaultLab {}", BuildInfo.version());
        Database database = openDatabase(config);
        ServerInstance instance = null;
        SearchService searches = null;
        try {
            Clock clock = Clock.systemUTC();
            // The one registry of protocols (and, through them, of answer keys) every part of the platform uses.
            ProtocolRegistry protocols = Protocols.registry();
            ReferenceGrading grading = new ReferenceGrading(protocols);
            LabCatalog labs = new LabCatalog(config.labsDir(), grading, clock);
            PasswordHasher hasher = new PasswordHasher();
            AccountService accounts = new AccountService(database.sql(), hasher, clock, config.sessionLifetime(),
                    config.adminEmail());
            CourseService courses = new CourseService(database.sql(), labs, clock);
            Optional<String> setupToken = new FirstStart(database.sql(), hasher)
                    .ensureAdministrator(config.adminEmail(), config.adminPassword());
            Optional<DemoSeed.Seeded> demo = config.demo()
                    ? Optional.of(new DemoSeed(database.sql(), hasher, labs, clock).seed())
                    : Optional.empty();
            instance = ServerInstance.register(database);
            RunService runs = new RunService(protocols, new RunStore(database.sql()), instance,
                    RunSettings.defaults().withMaxRunsPerOwner(config.maxRunsPerUser())
                            .withIdleTimeout(config.runIdleTimeout()));
            searches = new SearchService(protocols, new SearchStore(database.sql()), instance.number(),
                    new SearchLimits(config.maxSearches(), config.maxSearchesPerUser(), config.searchQueue(),
                            SearchBounds.SERVER_CAPS));
            WebServer web = WebServer.start(new WebServer.Settings(config.port(), config.maxRequestBytes(),
                    config.devMode() ? Optional.of(config.frontendDir()) : Optional.empty(), config.secureCookies(),
                    config.trustProxy(), config.sessionLifetime()),
                    new WebServer.Services(database, labs, accounts, courses, new AuditLog(database.sql()), runs,
                            Grading.create(database.sql(), courses, labs, grading, clock), clock, searches));
            setupToken.ifPresent(token -> log.warn("There is no administrator yet. To set one up, open "
                    + "http://localhost:{}/setup.html#token={} (use this server's public address if it is not local). "
                    + "The link works once; a restart prints a new one. Or set FAULTLAB_ADMIN_PASSWORD.", web.port(), token));
            demo.ifPresent(seeded -> logDemo(seeded, web.port()));
            return new App(database, instance, runs, searches, web);
        } catch (RuntimeException e) {
            if (searches != null) {
                searches.close();
            }
            if (instance != null) {
                instance.close();
            }
            database.close();
            throw e;
        }
    }

    /** Demo passwords are public by design: printing them is how a class learns them. */
    private static void logDemo(DemoSeed.Seeded seeded, int port) {
        log.warn("Demo mode (FAULTLAB_DEMO=true): never use it on a server reachable by strangers.");
        log.info("Demo course {} '{}', join code {}. Log in at http://localhost:{}/login.html as:",
                seeded.course().code(), seeded.course().title(), seeded.course().joinCode(), port);
        seeded.accounts().forEach(a -> log.info("  {} / {}  ({})", a.email(), a.password(), a.role().name().toLowerCase(Locale.ROOT)));
    }

    private static Database openDatabase(Config config) {
        if (config.usesEmbeddedDatabase()) {
            return Database.startEmbedded(EmbeddedPostgresServer.start(config.postgresDataDir(), config.embeddedDbPort()));
        }
        DatabaseUrl url = DatabaseUrl.parse(config.databaseUrl().orElseThrow(),
                config.databaseUser(), config.databasePassword());
        log.info("Using the PostgreSQL at {}", DatabaseUrl.redact(url.jdbcUrl()));
        return Database.connect(url);
    }

    public int port() {
        return web.port();
    }

    /** See {@link WebServer#apiRoutes()}. */
    public List<String> apiRoutes() {
        return web.apiRoutes();
    }

    public Database database() {
        return database;
    }

    /**
     * Stops the web server first (no new work), then the runs (saving progress and letting them go to other
     * instances), the searches (saved as interrupted), this instance's lock, the pool, the embedded database.
     */
    @Override
    public void close() {
        log.info("FaultLab is stopping");
        web.stop();
        runs.close();
        searches.close();
        instance.close();
        database.close();
        log.info("FaultLab stopped");
    }
}
