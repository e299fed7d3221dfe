package dev.faultlab.web;

import dev.faultlab.account.AccountService;
import dev.faultlab.account.PasswordHasher;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.TestServer;
import dev.faultlab.web.auth.Access;
import dev.faultlab.web.auth.AuthGate;
import dev.faultlab.web.auth.Authn;
import dev.faultlab.web.auth.Viewer;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The WebSocket side of AuthGate, on a small server with two sockets, sharing sessions (PostgreSQL) with a full
 * FaultLab: what a run stream will get by declaring {@code routes.ws(path, handler, Access.SIGNED_IN)}.
 */
class WebSocketGateIT {
    @TempDir
    static Path dataDir;
    static TestServer faultlab;
    static Javalin sockets;
    static String studentCookie;

    @BeforeAll
    static void start() {
        faultlab = TestServer.start(dataDir);
        Accounts accounts = new Accounts(faultlab);
        accounts.createUser("wanda@x.test", "Wanda", false);
        studentCookie = "faultlab_session=" + accounts.login("wanda@x.test").cookie("faultlab_session").orElseThrow().getValue();
        AuthGate gate = new AuthGate(new AccountService(faultlab.app().database().sql(), new PasswordHasher(),
                Clock.systemUTC(), Duration.ofHours(1), Accounts.ADMIN_EMAIL), false, false, Duration.ofHours(1));
        sockets = Javalin.create(config -> {
            ApiErrors.register(config.routes);
            gate.register(config.routes);
            config.routes.ws("/api/echo", ws -> ws.onConnect(ctx -> {
                Viewer viewer = ctx.attribute(Authn.VIEWER);
                ctx.send("hello " + viewer.email());
            }), Access.SIGNED_IN);
            config.routes.ws("/api/admin-only", ws -> ws.onConnect(ctx -> ctx.send("hello admin")), Access.ADMIN);
        });
        AuthGate.requireDeclaredAccess(sockets);
        sockets.start(0);
    }

    @AfterAll
    static void stop() {
        sockets.stop();
        faultlab.close();
    }

    @Test
    void aSignedInUserConnectsAndTheSocketKnowsWhoTheyAre() throws Exception {
        assertThat(firstMessage("/api/echo", Map.of("Cookie", studentCookie))).isEqualTo("hello wanda@x.test");
    }

    @Test
    void nobodySignedInIsTurnedAwayWith401() {
        assertRefused("/api/echo", Map.of(), 401);
        assertRefused("/api/echo", Map.of("Cookie", "faultlab_session=forged"), 401);
    }

    @Test
    void aSignedInUserWithoutTheRoleIsTurnedAwayWith403() {
        assertRefused("/api/admin-only", Map.of("Cookie", studentCookie), 403);
    }

    @Test
    void aPageFromAnotherSiteCannotOpenASocketWithTheUsersCookie() {
        assertRefused("/api/echo", Map.of("Cookie", studentCookie, "Origin", "https://evil.example"), 403);
    }

    @Test
    void aSocketThatDeclaresNoAccessStopsTheServerFromStarting() {
        Javalin careless = Javalin.create(config -> config.routes.ws("/api/runs/{id}/stream", ws -> { }));

        assertThatThrownBy(() -> AuthGate.requireDeclaredAccess(careless))
                .hasMessageContaining("WebSocket /api/runs/{id}/stream");
    }

    private static String firstMessage(String path, Map<String, String> headers) throws Exception {
        CompletableFuture<String> message = new CompletableFuture<>();
        WebSocket socket = connect(path, headers, message).get(10, TimeUnit.SECONDS);
        try {
            return message.get(10, TimeUnit.SECONDS);
        } finally {
            socket.abort();
        }
    }

    private static void assertRefused(String path, Map<String, String> headers, int status) {
        assertThatThrownBy(() -> connect(path, headers, new CompletableFuture<>()).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(status));
    }

    private static CompletableFuture<WebSocket> connect(String path, Map<String, String> headers,
                                                        CompletableFuture<String> firstMessage) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        return builder.buildAsync(URI.create("ws://localhost:" + sockets.port() + path), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                firstMessage.complete(data.toString());
                return null;
            }
        });
    }
}
