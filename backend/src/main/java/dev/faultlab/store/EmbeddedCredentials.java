package dev.faultlab.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;

/**
 * The passwords of the embedded PostgreSQL: the superuser's (used only at start, to set the database up) and the
 * application role's. Generated at random at first start and kept in a file readable by its owner only; nobody types
 * them, and without them no local user can connect.
 */
record EmbeddedCredentials(String superuserPassword, String appPassword) {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads the file, or creates it (owner-only from its first byte) with new random passwords. */
    static EmbeddedCredentials loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                try {
                    create(file, new EmbeddedCredentials(newPassword(), newPassword()));
                } catch (FileAlreadyExistsException raced) {
                    // another start created it first: read theirs
                }
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            String superuser = properties.getProperty("superuser.password", "");
            String app = properties.getProperty("faultlab.password", "");
            if (superuser.isBlank() || app.isBlank()) {
                throw new IllegalStateException(file + " lacks superuser.password or faultlab.password. Restore it "
                        + "from a backup; the embedded database cannot be opened without it.");
            }
            return new EmbeddedCredentials(superuser, app);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the embedded PostgreSQL's passwords in " + file, e);
        }
    }

    /** Writes the superuser's password alone, as initdb's --pwfile wants it, in an owner-only temporary file. */
    Path writeSuperuserPasswordFile() throws IOException {
        Path file = Files.createTempFile("faultlab-pg-", ".pw", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(file, superuserPassword + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static void create(Path file, EmbeddedCredentials credentials) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Properties properties = new Properties();
        properties.setProperty("superuser.password", credentials.superuserPassword());
        properties.setProperty("faultlab.password", credentials.appPassword());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "Passwords of FaultLab's embedded PostgreSQL (superuser 'postgres' and role 'faultlab'). "
                    + "Keep this file private.");
        }
    }

    /** 256 random bits as hex: nothing to quote in SQL or in a file. */
    private static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[***]";
    }
}
