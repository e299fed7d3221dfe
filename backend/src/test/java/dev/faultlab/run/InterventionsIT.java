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

/** Interventions of every group through the real server: their specs, their ranges, and the socket's inject. */
class InterventionsIT {
    private static final Map<String, Object> ECHO = Map.of("protocol", "echo", "seed", 3,
            "params", Map.of("n", 3, "waves", 2, "retry", 10));

    @TempDir
    static Path dataDir;
    static TestServer server;
    static ApiClient ann;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        Accounts accounts = new Accounts(server);
        accounts.createUser("ann@interventions.test", "Ann", false);
        ann = accounts.login("ann@interventions.test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theCatalogDescribesEveryInterventionKindWithItsParameters() {
        JsonNode catalog = json(ann.get("/api/protocols"));

        JsonNode timing = null;
        for (JsonNode spec : catalog.path("interventions")) {
            if (spec.path("kind").asText().equals("TIMING")) {
                timing = spec;
            }
        }
        assertThat(catalog.path("interventions").findValuesAsText("kind")).contains("NETWORK", "REQUEST", "HOLD", "DUPLICATE");
        assertThat(timing).isNotNull();
        assertThat(timing.path("target").asBoolean()).isTrue();
        assertThat(timing.path("params").get(0).path("name").asText()).isEqualTo("extraDelay");
        assertThat(timing.path("params").get(0).path("max").asLong()).isEqualTo(10_000_000L);
    }

    @Test
    void aTimingFaultTooLongForAnyRunIsRefusedAtCreationAndAtInjection() {
        Map<String, Object> tooLong = Map.of("at", 1, "kind", "TIMING", "target", 1,
                "params", Map.of("duration", 1e19, "extraDelay", 1));
        HttpResponse<String> created = ann.post("/api/runs", Map.of("recipe", Map.of("protocol", "echo", "seed", 3,
                "params", Map.of("n", 3), "faults", List.of(tooLong))));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
        assertThat(json(created).path("error").path("details").path("field").asText()).isEqualTo("recipe.faults[0].params.duration");
        assertThat(json(created).path("error").path("message").asText()).contains("must be a whole number from 1 to 10000000");

        String id = RunsIT.createRun(ann, ECHO);
        try (RunSocket socket = RunSocket.open(server, ann, id, null)) {
            socket.next("hello");
            socket.send("{\"cmd\":\"inject\",\"fault\":{\"kind\":\"TIMING\",\"target\":1,\"params\":{\"duration\":1e19,\"extraDelay\":1}}}");
            JsonNode error = socket.next("error");
            assertThat(error.path("code").asText()).isEqualTo("invalid");
            assertThat(error.path("message").asText()).contains("from 1 to 10000000");
        }
    }

    @Test
    void aMessageActionAndAClientRequestAreInjectedThroughTheSocketAndJoinTheRecipe() {
        String id = RunsIT.createRun(ann, ECHO);
        try (RunSocket socket = RunSocket.open(server, ann, id, null)) {
            socket.next("hello");
            socket.send("{\"cmd\":\"step\",\"events\":3}");
            socket.next("status");
            socket.send("{\"cmd\":\"inject\",\"fault\":{\"kind\":\"HOLD\",\"params\":{\"message\":0}}}");
            JsonNode held = socket.next("injected");
            assertThat(held.path("fault").path("atEvent").asLong()).isEqualTo(3);
            socket.send("{\"cmd\":\"inject\",\"fault\":{\"kind\":\"DROP\",\"params\":{\"message\":4000}}}");
            JsonNode refused = socket.next("error");
            assertThat(refused.path("message").asText()).contains("message 4000 is not in flight");
            socket.send("{\"cmd\":\"inject\",\"fault\":{\"kind\":\"REQUEST\",\"target\":2,\"params\":{\"command\":\"x=5\"}}}");
            socket.next("injected");
        }
        JsonNode recipe = json(ann.get("/api/runs/" + id)).path("recipe");
        assertThat(recipe.path("faults").findValuesAsText("kind")).containsExactly("HOLD", "REQUEST");
        List<JsonNode> events = RunsIT.trace(ann, id);
        assertThat(events.get(3).path("kind").asText()).isEqualTo("FAULT");
        assertThat(events.get(3).path("msg").asInt()).isZero();
        assertThat(events.stream().map(e -> e.path("kind").asText())).contains("REQUEST");
    }
}
