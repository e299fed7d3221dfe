import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generates the jOOQ classes from db/migration, so the schema has exactly one source.
 * It migrates a throw-away embedded PostgreSQL with Flyway and lets jOOQ read the real schema,
 * which sees what production sees (DDL parsing on H2 does not understand jsonb, inet, ...).
 * Skips all work when the migrations are unchanged since the last generation.
 *
 * Usage: java -cp CLASSPATH JooqCodegen.java MIGRATION_DIR OUTPUT_DIR SCRATCH_DIR
 */
public class JooqCodegen {
    private static final String PACKAGE = "dev.faultlab.store.db";

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]).toAbsolutePath().normalize();
        Path output = Path.of(args[1]).toAbsolutePath().normalize();
        Path scratch = Path.of(args[2]).toAbsolutePath().normalize();
        Path stamp = output.resolve(".migrations.sha256");
        String digest = digestOf(migrations);
        if (Files.exists(stamp) && Files.readString(stamp).equals(digest)) {
            System.out.println("[jooq-codegen] migrations unchanged, keeping " + output);
            return;
        }
        deleteRecursively(output);
        deleteRecursively(scratch);
        Files.createDirectories(scratch);
        // Even for these seconds, no other local user may log in: a superuser can run programs as the one building.
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        Path passwordFile = Files.createTempFile(scratch, "pw", ".txt", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, password + "\n");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(scratch.resolve("data"))
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(true)
                .setLocaleConfig("pwfile", passwordFile.toString())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setConnectConfig("password", password)
                .setDataDirectoryCustomizer(dir -> writeScramOnlyHba(dir.toPath()))
                .start()) {
            Files.delete(passwordFile);
            String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
            Flyway.configure().dataSource(url, "postgres", password)
                    .locations("filesystem:" + migrations).load().migrate();
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url)
                            .withUser("postgres").withPassword(password))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withExcludes("flyway_schema_history"))
                            .withGenerate(new Generate().withRecords(true).withPojos(false)
                                    .withJavaTimeTypes(true).withGeneratedAnnotation(false)
                                    .withImplicitJoinPathsToMany(false))
                            .withTarget(new Target().withPackageName(PACKAGE)
                                    .withDirectory(output.toString()))));
        }
        Files.createDirectories(output);
        Files.writeString(stamp, digest);
        deleteRecursively(scratch);
    }

    /** initdb trusts every local user; this runs after it and before the server first listens. */
    private static void writeScramOnlyHba(Path dataDir) {
        try {
            Files.write(dataDir.resolve("pg_hba.conf"), List.of(
                    "local   all   all                  scram-sha-256",
                    "host    all   all   127.0.0.1/32   scram-sha-256",
                    "host    all   all   ::1/128        scram-sha-256"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String digestOf(Path dir) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(PACKAGE.getBytes(StandardCharsets.UTF_8));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }
}
