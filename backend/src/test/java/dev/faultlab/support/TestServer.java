package dev.faultlab.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.App;
import dev.faultlab.config.Config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The whole FaultLab app on a free port, started the way main() starts it, plus a small HTTP client. */
public final class TestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final App app;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(App app) {
        this.app = app;
    }

    /** Starts on an embedded PostgreSQL kept in {@code dataDir}, with any extra environment variables. */
    public static TestServer start(Path dataDir, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("FAULTLAB_DB_PORT", "0");
        env.put("FAULTLAB_DATA", dataDir.toString());
        env.put("FAULTLAB_LABS", dataDir.resolve("labs").toString());
        env.putAll(extraEnv);
        return new TestServer(App.start(Config.fromEnvironment(env)));
    }

    public static TestServer start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    public App app() {
        return app;
    }

    public String baseUrl() {
        return "http://localhost:" + app.port();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public HttpResponse<String> send(String method, String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
