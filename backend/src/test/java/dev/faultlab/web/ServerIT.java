package dev.faultlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Boots the whole app on the embedded PostgreSQL and checks health, static files and the error format. */
class ServerIT {
    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthReportsVersionAndAMigratedEmbeddedDatabase() {
        HttpResponse<String> response = server.get("/api/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json(response);
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(health.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(health.path("database").path("up").asBoolean()).isTrue();
        assertThat(health.path("database").path("mode").asText()).isEqualTo("embedded");
        assertThat(health.path("database").path("schemaVersion").asText()).isNotBlank().isNotEqualTo("none");
    }

    @Test
    void servesTheLandingPage() {
        HttpResponse<String> response = server.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(response.body()).contains("FaultLab").contains("/catalog.html");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void unknownRouteIsAJsonNotFound() {
        assertError(server.get("/api/no-such-thing"), 404, "not_found");
        assertError(server.get("/no-such-page.html"), 404, "not_found");
    }

    @Test
    void wrongMethodIsAJsonMethodNotAllowed() {
        assertError(server.send("DELETE", "/api/health", "", "text/plain"), 405, "method_not_allowed");
    }

    @Test
    void bodyOverTheLimitIsRefused() {
        String big = "x".repeat(1024 * 1024 + 1);
        HttpResponse<String> response = server.send("POST", "/api/labs", big, "application/json");

        assertError(response, 413, "body_too_large");
        assertThat(json(response).path("error").path("message").asText()).contains("at most 1048576");
    }

    @Test
    void emptyLabCatalogIsAnEmptyList() {
        HttpResponse<String> response = server.get("/api/labs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("labs").isArray()).isTrue();
        assertThat(json(response).path("labs")).isEmpty();
    }

    static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/json"));
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.has("details")).isTrue();
    }
}
