package dev.faultlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.RunSocket;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.faultlab.store.db.Tables.SESSIONS;
import static dev.faultlab.store.db.Tables.USERS;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an open run stream may do once the rights it was opened with are gone, and that WebSocket upgrades leave
 * nothing behind in the server's memory.
 */
class OpenSocketsIT {
    private static final Map<String, Object> FLOODING = Map.of("protocol", "flooding", "seed", 3,
            "params", Map.of("n", 4, "f", 1, "values", List.of(4, 1, 3, 9)));
    private static final String STEP = "{\"cmd\":\"step\",\"events\":5}";
    private static final String INJECT = "{\"cmd\":\"inject\",\"fault\":{\"kind\":\"CRASH\",\"target\":1}}";

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Accounts accounts;
    static ApiClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir, Accounts.withAdmin());
        accounts = new Accounts(server);
        admin = accounts.loginAsAdmin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void logoutClosesTheSocketsOfTheSessionSoTheyCannotStepTheRun() {
        ApiClient student = newUser("leaver", false);
        String run = createRun(student);
        try (RunSocket socket = RunSocket.open(server, student, run, null)) {
            socket.next("hello");

            assertThat(student.delete("/api/session").statusCode()).isEqualTo(200);

            assertThat(socket.awaitClosed()).startsWith("1008");
        }
        assertThat(eventCount(run)).isZero();
    }

    @Test
    void aSessionEndedElsewhereIsNoticedAtTheNextCommand() {
        ApiClient student = newUser("elsewhere", false);
        String run = createRun(student);
        String token = student.cookie("faultlab_session").orElseThrow().getValue();
        try (RunSocket socket = RunSocket.open(server, student, run, null)) {
            socket.next("hello");
            // What a logout through another instance behind the load balancer does: the row goes, this instance is not told.
            server.app().database().sql().deleteFrom(SESSIONS)
                    .where(SESSIONS.TOKEN_HASH.eq(dev.faultlab.account.Tokens.hash(token))).execute();

            socket.send(STEP);

            assertThat(socket.awaitClosed()).startsWith("1008");
        }
        assertThat(eventCount(run)).isZero();
    }

    @Test
    void anAdministratorWhoLosesTheRoleCanNoLongerInjectIntoAStudentsRun() {
        ApiClient student = newUser("victim", false);
        String run = createRun(student);
        long formerId = userId(newUser("former-admin", false));
        server.app().database().sql().update(USERS).set(USERS.IS_ADMIN, true).where(USERS.ID.eq(formerId)).execute();
        ApiClient former = accounts.login(emailOf("former-admin"));
        try (RunSocket socket = RunSocket.open(server, former, run, null)) {
            socket.next("hello");

            assertThat(admin.put("/api/admin/users/" + formerId + "/roles", Map.of("isAdmin", false, "isInstructor", false))
                    .statusCode()).isEqualTo(200);

            assertThat(socket.awaitClosed()).startsWith("1008");
        }
        assertThat(faults(run)).isEmpty();
    }

    @Test
    void aRoleTakenAwayElsewhereIsNoticedAtTheNextCommandAndTheFaultIsNotSaved() {
        ApiClient student = newUser("victim2", false);
        String run = createRun(student);
        long formerId = userId(newUser("former-admin2", false));
        server.app().database().sql().update(USERS).set(USERS.IS_ADMIN, true).where(USERS.ID.eq(formerId)).execute();
        ApiClient former = accounts.login(emailOf("former-admin2"));
        try (RunSocket socket = RunSocket.open(server, former, run, null)) {
            socket.next("hello");
            server.app().database().sql().update(USERS).set(USERS.IS_ADMIN, false).where(USERS.ID.eq(formerId)).execute();

            socket.send(INJECT);

            assertThat(socket.awaitClosed()).startsWith("1008");
        }
        assertThat(faults(run)).isEmpty();
        assertThat(eventCount(run)).isZero();
    }

    @Test
    void anAdministratorStillInjectsWhileTheyHoldTheRole() {
        ApiClient student = newUser("watched", false);
        String run = createRun(student);
        try (RunSocket socket = RunSocket.open(server, admin, run, null)) {
            socket.next("hello");

            socket.send(INJECT);

            assertThat(socket.next("injected").path("fault").path("kind").asText()).isEqualTo("CRASH");
        }
        assertThat(faults(run)).hasSize(1);
    }

    @Test
    void webSocketUpgradesCreateNoContainerSession() {
        ApiClient student = newUser("upgrader", false);
        String run = createRun(student);
        String cookie = "faultlab_session=" + student.cookie("faultlab_session").orElseThrow().getValue();

        List<String> answers = new ArrayList<>();
        answers.add(upgrade("/api/runs/" + run + "/stream", cookie));
        for (int i = 0; i < 300; i++) {
            answers.add(upgrade("/api/runs/" + UUID.randomUUID() + "/stream", null));
        }
        answers.add(upgrade("/api/no-such-socket", null));

        assertThat(answers.get(0)).startsWith("HTTP/1.1 101");
        assertThat(answers.get(1)).startsWith("HTTP/1.1 401");
        assertThat(answers).noneMatch(head -> head.toLowerCase().contains("jsessionid"));
    }

    /** Sends a WebSocket upgrade request by hand and returns the head of the answer (status line and headers). */
    private static String upgrade(String path, String cookie) {
        try (Socket socket = new Socket("localhost", server.app().port())) {
            socket.setSoTimeout(15_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost:" + server.app().port() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            StringBuilder head = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.append(line).append('\n');
            }
            return head.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiClient newUser(String name, boolean instructor) {
        accounts.createUser(emailOf(name), name, instructor);
        return accounts.login(emailOf(name));
    }

    private static String emailOf(String name) {
        return name + "@sockets.test";
    }

    private static long userId(ApiClient client) {
        return json(client.get("/api/session")).path("user").path("id").asLong();
    }

    private static String createRun(ApiClient owner) {
        HttpResponse<String> response = owner.post("/api/runs", Map.of("recipe", FLOODING));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).path("run").path("id").asText();
    }

    private static int eventCount(String run) {
        return json(admin.get("/api/runs/" + run)).path("run").path("eventCount").asInt();
    }

    private static JsonNode faults(String run) {
        return json(admin.get("/api/runs/" + run)).path("recipe").path("faults");
    }
}
