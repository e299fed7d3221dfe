package dev.faultlab.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * This process as one of the server instances sharing a database: a number of its own, and a PostgreSQL advisory
 * lock on that number held on a connection of its own for as long as the process lives. Other instances test the
 * lock to learn at once whether this one is gone (its process killed, its connection cut), with no timeouts or
 * clocks involved. See db/migration/V6.
 */
public final class ServerInstance implements AutoCloseable {
    /** The first key of every instance lock; the second is the instance's number. */
    static final int LOCK_CLASS = 1_180_001;
    private static final Logger log = LoggerFactory.getLogger(ServerInstance.class);

    private final Database database;
    private final int number;
    /** Holds the lock; replaced when it was lost. Guarded by this. */
    private Connection lockConnection;

    private ServerInstance(Database database, int number, Connection lockConnection) {
        this.database = database;
        this.number = number;
        this.lockConnection = lockConnection;
    }

    /** Takes the next instance number and its lock. */
    public static ServerInstance register(Database database) {
        int number = database.sql().nextval("server_instance_numbers").intValue();
        try {
            return new ServerInstance(database, number, lock(database, number));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the lock of server instance " + number + ": " + e.getMessage(), e);
        }
    }

    public int number() {
        return number;
    }

    /**
     * Checks that the lock is still held, and takes it again on a new connection if it was lost. Returns false when
     * it had been lost: other instances may have taken this one's runs in between, so what it holds live is stale.
     */
    public synchronized boolean stillHeld() {
        try {
            if (lockConnection.isValid(5)) {
                return true;
            }
        } catch (SQLException e) {
            // treated as lost below
        }
        log.warn("Server instance {} lost its database connection and with it its lock; taking it again", number);
        closeQuietly(lockConnection);
        try {
            lockConnection = lock(database, number);
        } catch (SQLException e) {
            log.warn("Server instance {} could not take its lock again yet: {}", number, e.getMessage());
        }
        return false;
    }

    private static Connection lock(Database database, int number) throws SQLException {
        Connection connection = database.openDedicatedConnection();
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setInt(2, number);
            try (ResultSet result = lock.executeQuery()) {
                if (!result.next() || !result.getBoolean(1)) {
                    throw new SQLException("the lock of instance " + number + " is held by another connection");
                }
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing a lock connection failed: {}", e.getMessage());
        }
    }

    /** Gives the lock up: from now on other instances may take this one's runs. */
    @Override
    public synchronized void close() {
        closeQuietly(lockConnection);
    }
}
