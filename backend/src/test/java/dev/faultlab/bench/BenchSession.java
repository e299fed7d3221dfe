package dev.faultlab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The administrator signed in over HTTP to a FaultLab on 127.0.0.1: cookie and CSRF token, shared by many HTTP
 * clients. Each {@link HttpClient} has one selector thread for all its connections, so the load generator spreads
 * its WebSockets over several clients; {@link #withNewClient()} gives one more with the same sign-in.
 */
record BenchSession(String base, HttpClient http, String csrf, String cookie) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin@faultlab.local";

    static BenchSession login(int port) throws Exception {
        String base = "http://127.0.0.1:" + port;
        // Before login the CSRF token lives in a cookie; afterwards every request carries the session cookie itself.
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String csrf = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/session")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("csrfToken").asText();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("email", ADMIN, "password", LoadServer.PASSWORD))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + login.body());
        }
        String token = JSON.readTree(login.body()).path("csrfToken").asText(csrf);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("faultlab_session="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
        return new BenchSession(base, HttpClient.newHttpClient(), token, cookie);
    }

    /** The same sign-in on a fresh HTTP client (its own connections and selector thread). */
    BenchSession withNewClient() {
        return new BenchSession(base, HttpClient.newHttpClient(), csrf, cookie);
    }

    String createRun(Map<String, Object> recipe) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs"))
                        .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("recipe", recipe)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("run not created: " + response.body());
        }
        return JSON.readTree(response.body()).path("run").path("id").asText();
    }

    void delete(String id) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id)).header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    WebSocket stream(String id, WebSocket.Listener listener) throws Exception {
        return http.newWebSocketBuilder().header("Cookie", cookie)
                .buildAsync(URI.create(base.replace("http:", "ws:") + "/api/runs/" + id + "/stream"), listener)
                .get(10, TimeUnit.SECONDS);
    }
}
