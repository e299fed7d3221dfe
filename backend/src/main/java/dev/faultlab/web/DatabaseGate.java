package dev.faultlab.web;

import dev.faultlab.store.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * While the database is down, API requests are answered 503 at once (with Retry-After) instead of each waiting for a
 * connection and then failing with 500; a request that was under way when it went down gets 503 too. Health still
 * answers, to say so.
 */
final class DatabaseGate {
    static final String RETRY_AFTER_SECONDS = "5";
    static final String MESSAGE = "The database is not reachable right now; please try again in a few seconds.";

    private DatabaseGate() {
    }

    static void register(RoutesConfig routes, Database database) {
        routes.before(ctx -> {
            if (ctx.path().startsWith("/api/") && !ctx.path().equals("/api/health")) {
                requireDatabase(ctx, database);
            }
        });
        routes.wsBeforeUpgrade(ctx -> requireDatabase(ctx, database));
    }

    private static void requireDatabase(Context ctx, Database database) {
        if (!database.available()) {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            throw new ApiException(503, "database_unavailable", MESSAGE);
        }
    }

    /** Whether a failure came from losing the database connection (down, restarting, or no connection to be had). */
    static boolean lostConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
