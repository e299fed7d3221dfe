package dev.faultlab.store;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * This process as one of the server instances sharing a database: a number of its own, and a PostgreSQL advisory
 * lock on that number held on a connection of its own for as long as the process lives. Other instances test the
 * lock to learn at once whether this one is gone (its process killed, its connection cut), with no timeouts or
 * clocks involved. The same connection listens for other instances asking for a run this one holds. See
 * db/migration/V6.
 */
public final class ServerInstance implements AutoCloseable {
    /** The first key of every instance lock; the second is the instance's number. */
    static final int LOCK_CLASS = 1_180_001;
    /** Where an instance asks, with a run's id, whoever holds that run to let it go if nobody uses it. */
    static final String WANTED_CHANNEL = "faultlab_run_wanted";
    private static final int POLL_MILLIS = 500;
    private static final long RELOCK_PAUSE_MILLIS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(ServerInstance.class);

    private final Database database;
    private final int number;
    /** Holds the lock; replaced when it was lost. Used only by the watcher thread once that runs. */
    private volatile Connection lockConnection;
    private volatile boolean closed;
    private Thread watcher;

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
     * Watches the lock's connection on a thread of its own: {@code wanted} gets the ids other instances ask for, and
     * {@code lost} runs when the connection (and with it the lock) was lost, since other instances may then have
     * taken this one's runs; the lock is taken again on a new connection.
     */
    public synchronized void watch(Consumer<UUID> wanted, Runnable lost) {
        watcher = new Thread(() -> watchLoop(wanted, lost), "instance-" + number + "-lock");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watchLoop(Consumer<UUID> wanted, Runnable lost) {
        while (!closed) {
            try {
                PGNotification[] notifications = lockConnection.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
                for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                    wanted(notification.getParameter(), number).ifPresent(wanted);
                }
            } catch (SQLException e) {
                if (closed) {
                    return;
                }
                log.warn("Server instance {} lost its database connection and with it its lock: {}", number, e.getMessage());
                closeQuietly(lockConnection);
                lost.run();
                relock();
            }
        }
    }

    /** The payload asking the holder of run {@code id} to let it go, naming the asker so it ignores its own ask. */
    static String request(UUID id, int asker) {
        return id + " " + asker;
    }

    /**
     * The run another instance asks for. An instance hears its own asks too, and one still queued when it has just
     * taken the run would make it let go of the run at once: those are ignored.
     */
    private static Optional<UUID> wanted(String payload, int self) {
        String[] parts = payload.split(" ");
        try {
            if (parts.length == 2 && Integer.parseInt(parts[1]) == self) {
                return Optional.empty();
            }
            return Optional.of(UUID.fromString(parts[0]));
        } catch (IllegalArgumentException e) {
            log.debug("Ignoring a run request that names no run: {}", payload);
            return Optional.empty();
        }
    }

    private void relock() {
        while (!closed) {
            try {
                lockConnection = lock(database, number);
                log.info("Server instance {} holds its lock again", number);
                return;
            } catch (SQLException e) {
                log.warn("Server instance {} could not take its lock again yet: {}", number, e.getMessage());
                try {
                    Thread.sleep(RELOCK_PAUSE_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private static Connection lock(Database database, int number) throws SQLException {
        Connection connection = database.openDedicatedConnection();
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, ?)");
             Statement listen = connection.createStatement()) {
            lock.setInt(1, LOCK_CLASS);
            lock.setInt(2, number);
            try (ResultSet result = lock.executeQuery()) {
                if (!result.next() || !result.getBoolean(1)) {
                    throw new SQLException("the lock of instance " + number + " is held by another connection");
                }
            }
            listen.execute("LISTEN " + WANTED_CHANNEL);
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
        closed = true;
        if (watcher != null) {
            watcher.interrupt();
            try {
                watcher.join(2 * POLL_MILLIS + RELOCK_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly(lockConnection);
    }
}
