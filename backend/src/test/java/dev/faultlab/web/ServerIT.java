package dev.faultlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    void bodyOverTheLimitIsRefused() throws IOException {
        // Declares the size without sending the body: a client still writing a megabyte when the server closes
        // the connection may be reset before it reads the 413, which made this test flaky.
        try (Socket socket = new Socket("localhost", server.app().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/labs HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (1024 * 1024 + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).contains("application/json").contains("\"code\":\"body_too_large\"")
                    .contains("at most 1048576");
        }
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
