package dev.faultlab.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Upgrades a data folder made by an earlier FaultLab, whose superuser had no password because every local login was
 * trusted. The password is set with PostgreSQL in single-user mode, before any server listens: there is no moment
 * in which the folder accepts a connection without a password.
 */
final class TrustUpgrade {
    private static final Logger log = LoggerFactory.getLogger(TrustUpgrade.class);

    private TrustUpgrade() {
    }

    static boolean needed(Path dataDir) {
        return dataDir.resolve("postgresql.conf").toFile().exists() && !PgHba.isOurs(dataDir);
    }

    static void setSuperuserPassword(Path dataDir, String password) throws IOException {
        log.warn("The embedded PostgreSQL in {} trusted every local user; giving its superuser a password", dataDir);
        Process postgres = new ProcessBuilder(PostgresBinaries.command("postgres",
                List.of("--single", "-D", dataDir.toString(), "postgres"))).redirectErrorStream(true).start();
        // On stdin, not the command line: other users can read a process's arguments.
        try (OutputStream in = postgres.getOutputStream()) {
            in.write(("ALTER ROLE postgres PASSWORD '" + password + "'\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(postgres.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace(password, "***");
        try {
            if (!postgres.waitFor(60, TimeUnit.SECONDS) || postgres.exitValue() != 0 || output.contains("ERROR")) {
                postgres.destroyForcibly();
                throw new IOException("PostgreSQL in single-user mode could not set the superuser's password: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the superuser's password", e);
        }
    }
}
