package dev.faultlab.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything FaultLab reads from its environment, parsed once at start.
 * Each field maps to one environment variable documented in README.md.
 *
 * @param port            HTTP port (PORT, default 7070; 0 picks a free port)
 * @param databaseUrl     external PostgreSQL (DATABASE_URL); empty means the embedded one
 * @param databaseUser    user for DATABASE_URL (DATABASE_USER), if not inside the URL
 * @param databasePassword password for DATABASE_URL (DATABASE_PASSWORD), if not inside the URL
 * @param dataDir         where the embedded PostgreSQL keeps its data (FAULTLAB_DATA, default ./data)
 * @param embeddedDbPort  port of the embedded PostgreSQL (FAULTLAB_DB_PORT, default 54329; 0 picks a free one)
 * @param devMode         serve frontend/ and labs/ from disk so edits show on reload (FAULTLAB_DEV)
 * @param frontendDir     the frontend folder served in dev mode (FAULTLAB_FRONTEND_DIR, default ./frontend)
 * @param maxRequestBytes largest accepted request body (FAULTLAB_MAX_REQUEST_BYTES, default 1 MiB)
 * @param labsDir         the folder of lab files (FAULTLAB_LABS, default ./labs)
 * @param adminEmail      the administrator's email (FAULTLAB_ADMIN_EMAIL, default admin@faultlab.local)
 * @param adminPassword   creates that administrator at first start (FAULTLAB_ADMIN_PASSWORD); empty means the
 *                        one-time setup link is printed instead
 * @param demo            seed a demo course with an instructor and students (FAULTLAB_DEMO)
 * @param sessionLifetime how long a login lasts (FAULTLAB_SESSION_HOURS, default 12)
 * @param secureCookies   always mark the session cookie Secure (FAULTLAB_SECURE_COOKIES); otherwise only over HTTPS
 * @param trustProxy      believe X-Forwarded-For and X-Forwarded-Proto from a reverse proxy (FAULTLAB_TRUST_PROXY)
 * @param maxRunsPerUser  simulation runs one user may have open at once (FAULTLAB_MAX_RUNS_PER_USER, default 5)
 * @param runIdleTimeout  an unwatched paused run leaves memory after this (FAULTLAB_RUN_IDLE_MINUTES, default 15)
 * @param maxSearches     explorer searches computing at once, server-wide (FAULTLAB_SEARCHES, default: the cores)
 * @param maxSearchesPerUser searches one user may have queued or running (FAULTLAB_SEARCHES_PER_USER, default 2)
 * @param searchQueue     searches that may wait for a free slot (FAULTLAB_SEARCH_QUEUE, default 20)
 */
public record Config(
        int port,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        Path dataDir,
        int embeddedDbPort,
        boolean devMode,
        Path frontendDir,
        long maxRequestBytes,
        Path labsDir,
        String adminEmail,
        Optional<String> adminPassword,
        boolean demo,
        Duration sessionLifetime,
        boolean secureCookies,
        boolean trustProxy,
        int maxRunsPerUser,
        Duration runIdleTimeout,
        int maxSearches,
        int maxSearchesPerUser,
        int searchQueue) {

    public static final int DEFAULT_PORT = 7070;
    public static final int DEFAULT_EMBEDDED_DB_PORT = 54329;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
    public static final String DEFAULT_ADMIN_EMAIL = "admin@faultlab.local";
    public static final long DEFAULT_SESSION_HOURS = 12;
    public static final long DEFAULT_MAX_RUNS_PER_USER = 5;
    public static final long DEFAULT_RUN_IDLE_MINUTES = 15;
    public static final long DEFAULT_SEARCHES_PER_USER = 2;
    public static final long DEFAULT_SEARCH_QUEUE = 20;
    /** A login that outlives a month is more likely stolen than still wanted. */
    public static final long MAX_SESSION_HOURS = 24 * 31;

    public static Config fromEnvironment(Map<String, String> env) {
        EnvReader in = new EnvReader(env);
        return new Config(
                in.port("PORT", DEFAULT_PORT),
                in.text("DATABASE_URL"),
                in.text("DATABASE_USER"),
                in.text("DATABASE_PASSWORD"),
                in.path("FAULTLAB_DATA", Path.of("data")),
                in.port("FAULTLAB_DB_PORT", DEFAULT_EMBEDDED_DB_PORT),
                in.flag("FAULTLAB_DEV", false),
                in.path("FAULTLAB_FRONTEND_DIR", Path.of("frontend")),
                in.positiveLong("FAULTLAB_MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES),
                in.path("FAULTLAB_LABS", Path.of("labs")),
                in.email("FAULTLAB_ADMIN_EMAIL", DEFAULT_ADMIN_EMAIL),
                in.secret("FAULTLAB_ADMIN_PASSWORD"),
                in.flag("FAULTLAB_DEMO", false),
                Duration.ofHours(in.boundedLong("FAULTLAB_SESSION_HOURS", DEFAULT_SESSION_HOURS, MAX_SESSION_HOURS)),
                in.flag("FAULTLAB_SECURE_COOKIES", false),
                in.flag("FAULTLAB_TRUST_PROXY", false),
                (int) in.boundedLong("FAULTLAB_MAX_RUNS_PER_USER", DEFAULT_MAX_RUNS_PER_USER, 1_000),
                Duration.ofMinutes(in.boundedLong("FAULTLAB_RUN_IDLE_MINUTES", DEFAULT_RUN_IDLE_MINUTES, 24 * 60)),
                (int) in.boundedLong("FAULTLAB_SEARCHES", Runtime.getRuntime().availableProcessors(), 256),
                (int) in.boundedLong("FAULTLAB_SEARCHES_PER_USER", DEFAULT_SEARCHES_PER_USER, 100),
                (int) in.boundedLong("FAULTLAB_SEARCH_QUEUE", DEFAULT_SEARCH_QUEUE, 10_000));
    }

    /** The embedded PostgreSQL's data folder. */
    public Path postgresDataDir() {
        return dataDir.resolve("postgres");
    }

    public boolean usesEmbeddedDatabase() {
        return databaseUrl.isEmpty();
    }

    /** Reads typed values, treating blank variables as unset. */
    private record EnvReader(Map<String, String> env) {
        Optional<String> text(String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }

        int port(String name, int fallback) {
            return text(name).map(v -> {
                long port = parseNumber(name, v, "a port number");
                if (port < 0 || port > 65535) {
                    throw new ConfigException(name + " must be a port number between 0 and 65535, got '" + v + "'");
                }
                return (int) port;
            }).orElse(fallback);
        }

        /** Unlike other text, a password is not trimmed: surrounding spaces may be part of it. */
        Optional<String> secret(String name) {
            return text(name).map(v -> env.get(name));
        }

        String email(String name, String fallback) {
            String value = text(name).map(v -> v.toLowerCase(Locale.ROOT)).orElse(fallback);
            if (!value.matches("[^@\\s]+@[^@\\s]+")) {
                throw new ConfigException(name + " must be an email address, got '" + value + "'");
            }
            return value;
        }

        long boundedLong(String name, long fallback, long max) {
            long value = positiveLong(name, fallback);
            if (value > max) {
                throw new ConfigException(name + " must be at most " + max + ", got '" + value + "'");
            }
            return value;
        }

        long positiveLong(String name, long fallback) {
            return text(name).map(v -> {
                long value = parseNumber(name, v, "a positive whole number");
                if (value <= 0) {
                    throw new ConfigException(name + " must be a positive whole number, got '" + v + "'");
                }
                return value;
            }).orElse(fallback);
        }

        boolean flag(String name, boolean fallback) {
            return text(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new ConfigException(name + " must be true or false, got '" + v + "'");
            }).orElse(fallback);
        }

        Path path(String name, Path fallback) {
            return text(name).map(Path::of).orElse(fallback).toAbsolutePath().normalize();
        }

        private static long parseNumber(String name, String value, String expected) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new ConfigException(name + " must be " + expected + ", got '" + value + "'");
            }
        }
    }
}
