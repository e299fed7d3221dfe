package dev.faultlab.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/**
 * One browser talking to the API: keeps its cookies, and sends the CSRF token the way frontend/js/api.js does
 * (fetched from GET /api/session, refreshed from every answer that carries one).
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final Map<String, String> extraHeaders;
    private String csrfToken;

    ApiClient(TestServer server, Map<String, String> extraHeaders) {
        this(server.baseUrl(), extraHeaders);
    }

    private ApiClient(String baseUrl, Map<String, String> extraHeaders) {
        this.baseUrl = baseUrl;
        this.extraHeaders = Map.copyOf(extraHeaders);
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** A browser of a server this JVM did not start, e.g. one in a process of its own. */
    public static ApiClient at(String baseUrl) {
        return new ApiClient(baseUrl, Map.of());
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    public HttpResponse<String> post(String path, Object body) {
        return send("POST", path, body, csrfToken());
    }

    public HttpResponse<String> put(String path, Object body) {
        return send("PUT", path, body, csrfToken());
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null, csrfToken());
    }

    /** Any method, with the given CSRF header value (null sends none). A body may be a JSON string or an object. */
    public HttpResponse<String> send(String method, String path, Object body, String csrfHeader) {
        String json = body == null ? "" : body instanceof String text ? text : write(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (!json.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        if (csrfHeader != null) {
            request.header("X-CSRF-Token", csrfHeader);
        }
        extraHeaders.forEach(request::header);
        HttpResponse<String> response = exchange(request.build());
        rememberCsrfToken(response);
        return response;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The token the server handed out last, asking for one first if there is none yet. */
    public String csrfToken() {
        if (csrfToken == null) {
            get("/api/session");
        }
        return csrfToken;
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    private void rememberCsrfToken(HttpResponse<String> response) {
        if (response.statusCode() >= 300 || !response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            return;
        }
        JsonNode token = TestServer.json(response).path("csrfToken");
        if (token.isTextual()) {
            csrfToken = token.asText();
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
