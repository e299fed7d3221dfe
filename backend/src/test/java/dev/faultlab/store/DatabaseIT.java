package dev.faultlab.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.support.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.faultlab.store.db.Tables.AUDIT_EVENTS;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

class DatabaseIT {

    @Test
    void dataSurvivesARestartOfTheEmbeddedDatabase(@TempDir Path dataDir) {
        try (TestServer first = TestServer.start(dataDir)) {
            first.app().database().sql().insertInto(AUDIT_EVENTS)
                    .set(AUDIT_EVENTS.ACTION, "test.restart")
                    .set(AUDIT_EVENTS.DETAILS, JSONB.valueOf("{\"n\": 1}"))
                    .execute();
        }

        try (TestServer second = TestServer.start(dataDir)) {
            var stored = second.app().database().sql().selectFrom(AUDIT_EVENTS)
                    .where(AUDIT_EVENTS.ACTION.eq("test.restart")).fetch();
            assertThat(stored).hasSize(1);
            assertThat(stored.get(0).getDetails().data()).contains("\"n\": 1");
        }
    }

    @Test
    void aSecondInstanceWorksAgainstAnExternalPostgresThroughDatabaseUrl(@TempDir Path serverDir, @TempDir Path appDir)
            throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                .setDataDirectory(serverDir).setCleanDataDirectory(true).start()) {
            String url = "postgres://postgres:postgres@127.0.0.1:" + external.getPort() + "/postgres";

            try (TestServer server = TestServer.start(appDir, Map.of("DATABASE_URL", url))) {
                JsonNode health = json(server.get("/api/health"));

                assertThat(health.path("database").path("up").asBoolean()).isTrue();
                assertThat(health.path("database").path("mode").asText()).isEqualTo("external");
            }
            assertThat(appDir.resolve("postgres")).doesNotExist();
        }
    }

    @Test
    void unreachableExternalDatabaseFailsTheStartWithTheDriversReason(@TempDir Path appDir) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        TestServer.start(appDir, Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nothing",
                                "DATABASE_USER", "nobody")))
                .hasMessageContaining("127.0.0.1:1");
    }
}
