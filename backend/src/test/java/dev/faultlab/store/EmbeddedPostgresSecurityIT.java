package dev.faultlab.store;

import dev.faultlab.support.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static dev.faultlab.store.db.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL lets in nobody without its random passwords, and FaultLab itself is no superuser there. */
class EmbeddedPostgresSecurityIT {

    @Test
    void aLocalUserCannotGetInWithoutThePasswordsAndTheAppIsNoSuperuser(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            int port = server.app().database().embedded().orElseThrow().port();

            assertLoginRefused(port, "postgres", "");
            assertLoginRefused(port, "postgres", "postgres");
            assertLoginRefused(port, "faultlab", "");
            Path credentials = EmbeddedPostgresServer.credentialsFile(dataDir.resolve("postgres"));
            assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

            var who = server.app().database().sql()
                    .fetchOne("select current_user::text as name, rolsuper from pg_roles where rolname = current_user");
            assertThat(who.get("name", String.class)).isEqualTo("faultlab");
            assertThat(who.get("rolsuper", Boolean.class)).isFalse();
            assertThatThrownBy(() -> server.app().database().sql().execute("copy (select 1) to program 'id'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> server.app().database().sql().execute("alter role faultlab superuser"))
                    .hasMessageContaining("permission denied");

            Properties passwords = new Properties();
            try (var in = Files.newBufferedReader(credentials)) {
                passwords.load(in);
            }
            try (Connection superuser = connect(port, "postgres", passwords.getProperty("superuser.password"))) {
                assertThat(superuser.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void aDataFolderFromTheVersionThatTrustedEveryoneIsUpgradedAtStartWithItsData(@TempDir Path dataDir) throws Exception {
        Path postgresDir = dataDir.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(postgresDir)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start()) {
            Flyway.configure().dataSource(old.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
            try (Connection trusted = old.getPostgresDatabase().getConnection(); Statement sql = trusted.createStatement()) {
                sql.execute("insert into users (email, display_name) values ('kept@x.test', 'Kept')");
            }
        }

        try (TestServer server = TestServer.start(dataDir)) {
            int port = server.app().database().embedded().orElseThrow().port();

            assertThat(server.app().database().sql().fetchExists(USERS, USERS.EMAIL.eq("kept@x.test"))).isTrue();
            assertLoginRefused(port, "postgres", "");
            assertThat(server.app().database().sql().fetchOne(
                    "select count(*) from pg_tables where schemaname = 'public' and tableowner <> 'faultlab'")
                    .get(0, Integer.class)).isZero();
            assertThat(TestServer.json(server.get("/api/health")).path("database").path("up").asBoolean()).isTrue();
        }
        try (TestServer again = TestServer.start(dataDir)) {
            assertThat(again.app().database().sql().fetchExists(USERS, USERS.EMAIL.eq("kept@x.test"))).isTrue();
        }
    }

    private static void assertLoginRefused(int port, String user, String password) {
        // An empty password is refused by the driver itself once the server asks for one; any other by the server.
        assertThatThrownBy(() -> connect(port, user, password).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
    }

    private static Connection connect(int port, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", user, password);
    }
}
