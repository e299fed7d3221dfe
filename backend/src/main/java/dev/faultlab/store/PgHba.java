package dev.faultlab.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded PostgreSQL's pg_hba.conf, rewritten before every start: logins with a password (SCRAM) only, and only
 * from this machine. Zonky's initdb writes "trust" for everyone, which let any local account in as the superuser.
 */
final class PgHba {
    static final String MARKER = "# Written by FaultLab at every start: SCRAM password logins only, from this machine only.";
    private static final List<String> LINES = List.of(
            MARKER,
            "local   all   all                  scram-sha-256",
            "host    all   all   127.0.0.1/32   scram-sha-256",
            "host    all   all   ::1/128        scram-sha-256");

    private PgHba() {
    }

    static void write(Path dataDir) {
        try {
            Files.write(dataDir.resolve("pg_hba.conf"), LINES);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dataDir.resolve("pg_hba.conf"), e);
        }
    }

    /** A cluster whose pg_hba.conf we did not write comes from a version that trusted every local user. */
    static boolean isOurs(Path dataDir) {
        Path file = dataDir.resolve("pg_hba.conf");
        try {
            return Files.exists(file) && Files.readAllLines(file).stream().findFirst().orElse("").equals(MARKER);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
