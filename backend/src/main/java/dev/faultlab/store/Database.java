package dev.faultlab.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * FaultLab's PostgreSQL: a pooled connection, the schema migrated to the newest version,
 * and a jOOQ context over it. Owns the embedded server when there is one and stops it last.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final DSLContext sql;
    private final Optional<EmbeddedPostgresServer> embedded;

    private Database(HikariDataSource pool, Optional<EmbeddedPostgresServer> embedded) {
        this.pool = pool;
        this.sql = DSL.using(pool, SQLDialect.POSTGRES);
        this.embedded = embedded;
    }

    /** Connects to the given PostgreSQL and migrates it. */
    public static Database connect(DatabaseUrl url) {
        return open(url, Optional.empty());
    }

    /** Starts (or restarts) the embedded PostgreSQL, then connects as the application's role and migrates. */
    public static Database startEmbedded(EmbeddedPostgresServer server) {
        try {
            return open(server.appUrl(), Optional.of(server));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static Database open(DatabaseUrl url, Optional<EmbeddedPostgresServer> embedded) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        url.user().ifPresent(config::setUsername);
        url.password().ifPresent(config::setPassword);
        config.setPoolName("faultlab");
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(10_000);
        // Fail at start with the driver's own message rather than on the first request.
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(pool);
            return new Database(pool, embedded);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static void migrate(DataSource dataSource) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        log.info("Database schema is up to date ({} migration(s) applied now)", result.migrationsExecuted);
    }

    public DSLContext sql() {
        return sql;
    }

    public DataSource dataSource() {
        return pool;
    }

    /**
     * A connection outside the pool, for a caller that keeps it for the life of the process (a session-level
     * lock): borrowed from the pool it would shrink the pool for good.
     */
    public Connection openDedicatedConnection() throws SQLException {
        return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    public String mode() {
        return embedded.isPresent() ? "embedded" : "external";
    }

    /**
     * False while the embedded PostgreSQL is down (until it is back): requests are then refused at once rather than
     * waiting for a connection that cannot come. An external database is assumed reachable; a failure shows per request.
     */
    public boolean available() {
        return embedded.map(EmbeddedPostgresServer::isUp).orElse(true);
    }

    public Optional<EmbeddedPostgresServer> embedded() {
        return embedded;
    }

    /** Asks the server, not the pool: a health check must notice a database that went away. */
    public DatabaseHealth health() {
        if (!available()) {
            return new DatabaseHealth(false, mode(), null, "The embedded PostgreSQL has stopped; it is being started again.");
        }
        try (Connection connection = pool.getConnection()) {
            String version = DSL.using(connection, SQLDialect.POSTGRES)
                    .fetchOptional("select version from flyway_schema_history where success and version is not null order by installed_rank desc limit 1")
                    .map(r -> r.get(0, String.class)).orElse("none");
            return new DatabaseHealth(true, mode(), version, null);
        } catch (SQLException | RuntimeException e) {
            return new DatabaseHealth(false, mode(), null, e.getMessage());
        }
    }

    @Override
    public void close() {
        pool.close();
        embedded.ifPresent(EmbeddedPostgresServer::close);
    }

    /** What /api/health reports about the database. */
    public record DatabaseHealth(boolean up, String mode, String schemaVersion, String problem) {
    }
}
