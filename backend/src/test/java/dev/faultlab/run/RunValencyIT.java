package dev.faultlab.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.RunSocket;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/runs/{id}/valency: the valency of the configuration at an event, and the messages in the network then. */
class RunValencyIT {
    static final Map<String, Object> FLP = Map.of("protocol", "flp", "seed", 1, "params", Map.of("n", 3, "inputs", List.of(0, 1, 1)));

    @TempDir
    static Path dataDir;
    static TestServer server;
    static ApiClient ann;
    static ApiClient bob;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        Accounts accounts = new Accounts(server);
        accounts.createUser("ann@valency.test", "Ann", false);
        accounts.createUser("bob@valency.test", "Bob", false);
        ann = accounts.login("ann@valency.test");
        bob = accounts.login("bob@valency.test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theValencyFollowsTheRunAndAHeldMessageIsStillTheSchedulers() {
        String id = RunsIT.createRun(ann, FLP);
        try (RunSocket socket = RunSocket.open(server, ann, id, null)) {
            socket.next("hello");
            socket.send("{\"cmd\":\"step\",\"events\":6}");
            socket.next("status");
            socket.send("{\"cmd\":\"inject\",\"fault\":{\"kind\":\"HOLD\",\"params\":{\"message\":0}}}");
            socket.next("injected");
        }
        JsonNode initial = json(ann.get("/api/runs/" + id + "/valency?at=-1"));
        assertThat(initial.path("label").asText()).isEqualTo("bivalent");
        assertThat(initial.path("messages")).isEmpty();

        JsonNode sent = json(ann.get("/api/runs/" + id + "/valency?at=6"));
        assertThat(sent.path("label").asText()).isEqualTo("bivalent");
        assertThat(sent.path("messages")).hasSize(6);
        assertThat(sent.path("messages").get(0).path("held").asBoolean()).isTrue();
        assertThat(sent.path("messages").get(0).path("type").asText()).isEqualTo("REPORT");
        assertThat(sent.path("messages").get(1).path("held").asBoolean()).isFalse();
    }

    @Test
    void onceAProcessDecidedTheConfigurationIsUnivalent() {
        String id = RunsIT.createRun(ann, FLP);
        try (RunSocket socket = RunSocket.open(server, ann, id, null)) {
            socket.next("hello");
            socket.send("{\"cmd\":\"speed\",\"eventsPerSecond\":100000}");
            socket.send("{\"cmd\":\"play\"}");
            socket.awaitEnd();
        }
        List<JsonNode> events = RunsIT.trace(ann, id);
        int decide = 0;
        while (!events.get(decide).path("kind").asText().equals("DECIDE")) {
            decide++;
        }
        JsonNode decided = json(ann.get("/api/runs/" + id + "/valency?at=" + decide));
        assertThat(decided.path("label").asText()).isEqualTo("0-valent");
        assertThat(decided.path("why").asText()).contains("already decided 0");
    }

    @Test
    void anotherUsersRunAndABadPositionAreRefused() {
        String id = RunsIT.createRun(ann, FLP);
        assertThat(bob.get("/api/runs/" + id + "/valency?at=-1").statusCode()).isEqualTo(404);
        assertBad(ann.get("/api/runs/" + id + "/valency"));
        assertBad(ann.get("/api/runs/" + id + "/valency?at=500"));
        assertBad(ann.get("/api/runs/" + id + "/valency?at=soon"));
    }

    private static void assertBad(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("error").path("details").path("field").asText()).as(response.body()).isEqualTo("at");
    }
}
