package dev.faultlab;

import dev.faultlab.config.Config;
import dev.faultlab.config.ConfigException;
import dev.faultlab.lab.LabCatalog;
import dev.faultlab.store.Database;
import dev.faultlab.store.DatabaseUrl;
import dev.faultlab.store.EmbeddedPostgresServer;
import dev.faultlab.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Starts FaultLab: wires configuration, database and web server by hand, and stops them in reverse order. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Database database;
    private final WebServer web;

    private App(Database database, WebServer web) {
        this.database = database;
        this.web = web;
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            System.err.println("FaultLab cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        App app = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "faultlab-shutdown"));
    }

    /** Starts everything; on failure, whatever already started is stopped again. */
    public static App start(Config config) {
        log.info("Starting FaultLab {}", BuildInfo.version());
        Database database = openDatabase(config);
        try {
            WebServer web = WebServer.start(new WebServer.Settings(config.port(), config.maxRequestBytes(),
                    config.devMode() ? Optional.of(config.frontendDir()) : Optional.empty()), database,
                    new LabCatalog(config.labsDir()));
            return new App(database, web);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
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

    public Database database() {
        return database;
    }

    /** Stops the web server first (no new work), then the pool, then the embedded database. */
    @Override
    public void close() {
        log.info("FaultLab is stopping");
        web.stop();
        database.close();
        log.info("FaultLab stopped");
    }
}
