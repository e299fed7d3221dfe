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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Live runs through the real server, its WebSocket and the embedded PostgreSQL, as a browser drives them. */
class RunsIT {
    static final Map<String, Object> FLOODING = Map.of("protocol", "flooding", "seed", 7,
            "params", Map.of("n", 5, "f", 2, "values", List.of(4, 1, 3, 9, 2)));

    @TempDir
    static Path dataDir;
    static TestServer server;
    static ApiClient ann;
    static ApiClient bob;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        Accounts accounts = new Accounts(server);
        accounts.createUser("ann@runs.test", "Ann", false);
        accounts.createUser("bob@runs.test", "Bob", false);
        ann = accounts.login("ann@runs.test");
        bob = accounts.login("bob@runs.test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String createRun(ApiClient user, Map<String, Object> recipe) {
        HttpResponse<String> response = user.post("/api/runs", Map.of("recipe", recipe));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).path("run").path("id").asText();
    }

    static List<JsonNode> trace(ApiClient user, String runId) {
        List<JsonNode> all = new ArrayList<>();
        int from = 0;
        while (true) {
            JsonNode page = json(user.get("/api/runs/" + runId + "/trace?from=" + from + "&limit=7"));
            page.path("events").forEach(all::add);
            if (page.path("next").asInt() >= page.path("total").asInt()) {
                return all;
            }
            from = page.path("next").asInt();
        }
    }

    @Test
    void aNewRunIsPausedAtTheStartAndDescribedByItsRecipe() {
        String id = createRun(ann, FLOODING);

        JsonNode run = json(ann.get("/api/runs/" + id));
        assertThat(run.path("run").path("status").asText()).isEqualTo("PAUSED");
        assertThat(run.path("run").path("eventCount").asInt()).isZero();
        assertThat(run.path("run").path("nodes").asInt()).isEqualTo(5);
        assertThat(run.path("recipe").path("protocol").asText()).isEqualTo("flooding");
        assertThat(run.path("canDrive").asBoolean()).isTrue();
        assertThat(json(ann.get("/api/runs")).path("runs").findValuesAsText("id")).contains(id);
    }

    @Test
    void playStreamsTheWholeTraceInOrderThenReportsTheEnd() {
        String id = createRun(ann, FLOODING);
        try (RunSocket socket = RunSocket.open(server, ann, id, null)) {
            assertThat(socket.next("hello").path("next").asInt()).isZero();
            socket.send("{\"cmd\":\"speed\",\"eventsPerSecond\":5000}");
            socket.send("{\"cmd\":\"play\"}");
            socket.awaitEnd();
            List<JsonNode> streamed = socket.awaitEvents(json(ann.get("/api/runs/" + id)).path("run").path("eventCount").asInt());

            assertThat(streamed).isEqualTo(trace(ann, id));
            assertThat(streamed).extracting(e -> e.path("seq").asInt()).isEqualTo(range(streamed.size()));
            assertThat(streamed).filteredOn(e -> e.path("kind").asText().equals("DECIDE")).hasSize(5);
        }
    }

    @Test
    void stepAdvancesByEventsOrByRoundAndPauseStopsPlaying() {
        String id = createRun(ann, FLOODING);
        try (RunSocket socket = RunSocket.open(server, ann, id, null)) {
            socket.next("hello");
            socket.send("{\"cmd\":\"step\",\"events\":3}");
            socket.awaitEvents(3);
            assertThat(socket.next("status").path("run").path("status").asText()).isEqualTo("PAUSED");

            socket.send("{\"cmd\":\"step\",\"to\":\"round\"}");
            JsonNode status = socket.next("status");
            assertThat(status.path("run").path("round").asInt()).isEqualTo(2);

            socket.send("{\"cmd\":\"speed\",\"eventsPerSecond\":10}");
            socket.send("{\"cmd\":\"play\"}");
            socket.next(f -> f.path("type").asText().equals("status") && f.path("run").path("status").asText().equals("PLAYING"), "playing");
            socket.send("{\"cmd\":\"pause\"}");
            int paused = socket.next(f -> f.path("type").asText().equals("status")
                    && f.path("run").path("status").asText().equals("PAUSED"), "paused").path("run").path("eventCount").asInt();
            sleep(400);
            assertThat(json(ann.get("/api/runs/" + id)).path("run").path("eventCount").asInt()).isEqualTo(paused);
        }
    }

    @Test
    void anInjectedCrashShowsInTheStreamAndJoinsTheRecipe() {
        String id = createRun(ann, FLOODING);
        try (RunSocket socket = RunSocket.open(server, ann, id, null)) {
            socket.next("hello");
            socket.send("{\"cmd\":\"step\",\"events\":4}");
            socket.next("status");
            socket.send("{\"cmd\":\"inject\",\"fault\":{\"kind\":\"CRASH\",\"target\":1}}");

            JsonNode injected = socket.next("injected");
            assertThat(injected.path("fault").path("kind").asText()).isEqualTo("CRASH");
            long atEvent = injected.path("fault").path("atEvent").asLong();
            List<JsonNode> events = socket.awaitEvents((int) atEvent + 2);
            assertThat(events.get((int) atEvent).path("kind").asText()).isEqualTo("FAULT");
            assertThat(events.get((int) atEvent + 1).path("kind").asText()).isEqualTo("CRASH");
            assertThat(events.get((int) atEvent + 1).path("node").asInt()).isEqualTo(1);

            JsonNode recipe = json(ann.get("/api/runs/" + id)).path("recipe");
            assertThat(recipe.path("faults")).hasSize(1);
            assertThat(recipe.path("faults").get(0).path("atEvent").asLong()).isEqualTo(atEvent);
        }
    }

    @Test
    void seekGivesTheStateTheRunHadAtThatEventEvenAfterLaterFaults() {
        String id = createRun(ann, FLOODING);
        try (RunSocket socket = RunSocket.open(server, ann, id, null)) {
            socket.next("hello");
            socket.send("{\"cmd\":\"step\",\"to\":\"round\"}");
            socket.send("{\"cmd\":\"step\",\"to\":\"round\"}");
            socket.next(f -> f.path("type").asText().equals("status") && f.path("run").path("round").asInt() == 2, "round 2");
            int k = json(ann.get("/api/runs/" + id)).path("run").path("eventCount").asInt() - 1;
            socket.send("{\"cmd\":\"seek\",\"event\":" + k + "}");
            JsonNode before = socket.next("state");

            socket.send("{\"cmd\":\"inject\",\"fault\":{\"kind\":\"CRASH\",\"target\":0}}");
            socket.next("injected");
            socket.send("{\"cmd\":\"step\",\"events\":10}");
            socket.next("status");
            socket.send("{\"cmd\":\"seek\",\"event\":" + k + "}");
            JsonNode after = socket.next("state");

            assertThat(after).isEqualTo(before);
            assertThat(json(ann.get("/api/runs/" + id + "/state?at=" + k))).isEqualTo(before);
            assertThat(before.path("processes")).hasSize(5);
            assertThat(before.path("processes").get(0).path("state").path("known")).isNotEmpty();
        }
    }

    @Test
    void aBranchSharesThePastAndDivergesWithItsOwnFaults() {
        String id = createRun(ann, FLOODING);
        try (RunSocket socket = RunSocket.open(server, ann, id, null)) {
            socket.next("hello");
            socket.send("{\"cmd\":\"step\",\"events\":6}");
            socket.next("status");
        }
        HttpResponse<String> response = ann.post("/api/runs/" + id + "/branch",
                Map.of("atEvent", 6, "faults", List.of(Map.of("kind", "CRASH", "target", 1))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode branch = json(response);
        String branchId = branch.path("run").path("id").asText();
        assertThat(branch.path("run").path("parentRunId").asText()).isEqualTo(id);

        List<JsonNode> parentTrace = trace(ann, id);
        List<JsonNode> branchTrace = trace(ann, branchId);
        assertThat(branchTrace.subList(0, 6)).isEqualTo(parentTrace.subList(0, 6));

        try (RunSocket socket = RunSocket.open(server, ann, branchId, 5)) {
            assertThat(socket.next("hello").path("next").asInt()).isEqualTo(6);
            socket.send("{\"cmd\":\"step\",\"events\":10}");
            socket.next("status");
        }
        // The new fault takes effect at the first step boundary at or after event 6.
        List<JsonNode> branched = trace(ann, branchId);
        int fault = indexOfKind(branched, "FAULT");
        assertThat(fault).isGreaterThanOrEqualTo(6);
        assertThat(branched.get(fault + 1).path("kind").asText()).isEqualTo("CRASH");
        assertThat(branched.get(fault + 1).path("node").asInt()).isEqualTo(1);
        assertThat(indexOfKind(trace(ann, id), "FAULT")).isEqualTo(-1);
    }

    @Test
    void aBranchKeepsAPlannedFaultAtItsOwnTimeButRefusesATimeInTheSharedPast() {
        String id = createRun(ann, Map.of("protocol", "flooding", "seed", 7,
                "params", Map.of("n", 5, "f", 2, "values", List.of(4, 1, 3, 9, 2)),
                "faults", List.of(Map.of("at", 15, "kind", "CRASH", "target", 4))));
        try (RunSocket socket = RunSocket.open(server, ann, id, null)) {
            socket.next("hello");
            // To the start of round 1 (its ROUND event), then of round 2: past event 21.
            socket.send("{\"cmd\":\"step\",\"to\":\"round\"}");
            socket.next("status");
            socket.send("{\"cmd\":\"step\",\"to\":\"round\"}");
            socket.next("status");
        }
        Map<String, Object> edited = Map.of("at", 15, "kind", "CRASH", "target", 3);
        HttpResponse<String> response = ann.post("/api/runs/" + id + "/branch", Map.of("atEvent", 21, "faults", List.of(edited)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode faults = json(response).path("recipe").path("faults");
        assertThat(faults).hasSize(1);
        assertThat(faults.get(0).path("at").asLong()).isEqualTo(15);
        assertThat(faults.get(0).path("target").asInt()).isEqualTo(3);

        assertBad(ann.post("/api/runs/" + id + "/branch", Map.of("atEvent", 21,
                "faults", List.of(Map.of("atEvent", 4, "kind", "CRASH", "target", 3)))), 400, "bad_request", "faults[0].atEvent");
        assertBad(ann.post("/api/runs/" + id + "/branch", Map.of("atEvent", 21,
                "faults", List.of(Map.of("at", 0, "kind", "CRASH", "target", 3)))), 400, "bad_request", "faults[0].at");
    }

    private static int indexOfKind(List<JsonNode> events, String kind) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).path("kind").asText().equals(kind)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void reconnectingWithTheLastSeqSeenLosesNothingAndRepeatsNothing() {
        String id = createRun(ann, Map.of("protocol", "flooding", "seed", 3,
                "params", Map.of("n", 8, "f", 3)));
        Random random = new Random(42);
        List<JsonNode> seen = new ArrayList<>();
        int last = -1;
        int total = 0;
        boolean ended = false;
        while (!ended || last < total - 1) {
            try (RunSocket socket = RunSocket.open(server, ann, id, last)) {
                assertThat(socket.next("hello").path("next").asInt()).isEqualTo(last + 1);
                if (!ended) {
                    socket.send("{\"cmd\":\"step\",\"events\":" + (1 + random.nextInt(40)) + "}");
                    JsonNode status = socket.next("status").path("run");
                    ended = status.path("status").asText().equals("ENDED");
                    total = status.path("eventCount").asInt();
                }
                int available = total - (last + 1);
                int take = available == 0 ? 0 : 1 + random.nextInt(available);
                seen.addAll(socket.awaitEvents(take).subList(0, take));
                last = seen.isEmpty() ? -1 : seen.get(seen.size() - 1).path("seq").asInt();
                socket.abort();
            }
        }
        assertThat(seen).extracting(e -> e.path("seq").asInt()).isEqualTo(range(seen.size()));
        assertThat(seen).isEqualTo(trace(ann, id));
    }

    @Test
    void aRunReopensAfterARestartByReplayingItsRecipe(@TempDir Path ownDir) {
        String id;
        List<JsonNode> before;
        try (TestServer first = TestServer.start(ownDir)) {
            Accounts accounts = new Accounts(first);
            accounts.createUser("cy@runs.test", "Cy", false);
            ApiClient cy = accounts.login("cy@runs.test");
            id = createRun(cy, FLOODING);
            try (RunSocket socket = RunSocket.open(first, cy, id, null)) {
                socket.next("hello");
                socket.send("{\"cmd\":\"step\",\"events\":9}");
                socket.send("{\"cmd\":\"inject\",\"fault\":{\"kind\":\"CRASH\",\"target\":3}}");
                socket.next("injected");
                socket.send("{\"cmd\":\"step\",\"events\":5}");
                socket.next(f -> f.path("type").asText().equals("status") && f.path("run").path("eventCount").asInt() >= 16, "progress");
            }
            before = trace(cy, id);
        }
        try (TestServer second = TestServer.start(ownDir)) {
            ApiClient cy = new Accounts(second).login("cy@runs.test");
            JsonNode run = json(cy.get("/api/runs/" + id));
            assertThat(run.path("run").path("eventCount").asInt()).isEqualTo(before.size());
            assertThat(trace(cy, id)).isEqualTo(before);
        }
    }

    @Test
    void badCommandsGetAnErrorFrameAndTheSocketStaysUsable() {
        String id = createRun(ann, FLOODING);
        try (RunSocket socket = RunSocket.open(server, ann, id, null)) {
            socket.next("hello");
            socket.send("{\"cmd\":\"step\",\"events\":1}");
            socket.next("status");
            assertError(socket, "{\"cmd\":\"jump\"}", "unknown_command", "jump");
            assertError(socket, "{\"cmd\":", "malformed_json", "not valid JSON");
            assertError(socket, "{\"cmd\":\"inject\",\"fault\":{\"kind\":\"CRASH\",\"target\":9}}", "invalid",
                    "node 9 does not exist (n=5)");
            assertError(socket, "{\"cmd\":\"inject\",\"fault\":{\"kind\":\"MELT\",\"target\":1}}", "invalid", "MELT");
            assertError(socket, "{\"cmd\":\"seek\",\"event\":500}", "invalid", "event 500 does not exist");
            assertError(socket, "{\"cmd\":\"speed\",\"eventsPerSecond\":-3}", "invalid", "eventsPerSecond");
            assertError(socket, "{\"cmd\":\"step\",\"events\":\"many\"}", "invalid", "events");
            assertError(socket, "{\"cmd\":\"play\",\"pad\":\"" + "x".repeat(20_000) + "\"}", "too_large", "at most 16384");

            socket.send("{\"cmd\":\"step\",\"events\":2}");
            assertThat(socket.awaitEvents(2)).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void badRestInputGetsAClearError() {
        assertBad(ann.post("/api/runs", "{\"recipe\":"), 400, "malformed_json", null);
        assertBad(ann.post("/api/runs", Map.of()), 400, "bad_request", "recipe");
        assertBad(ann.post("/api/runs", Map.of("recipe", Map.of("protocol", "paxos-of-doom", "seed", 1))), 400,
                "bad_request", "recipe.protocol");
        assertBad(ann.post("/api/runs", Map.of("recipe", Map.of("protocol", "flooding", "seed", 1,
                "params", Map.of("n", 500)))), 400, "bad_request", "recipe.params.n");
        assertBad(ann.post("/api/runs", Map.of("recipe", Map.of("protocol", "flooding", "seed", 1,
                "faults", List.of(Map.of("at", 0, "kind", "CRASH", "target", 9))))), 400, "bad_request", "recipe.faults[0].target");
        assertBad(ann.post("/api/runs", Map.of("recipe", Map.of("protocol", "flooding", "seed", 1, "sneed", 1))), 400,
                "invalid_body", "recipe.sneed");
        assertBad(ann.post("/api/runs", Map.of("recipe", Map.of("protocol", "flooding"))), 400, "invalid_body",
                "recipe.seed");
        String id = createRun(ann, FLOODING);
        assertBad(ann.get("/api/runs/" + id + "/trace?limit=0"), 400, "bad_request", "limit");
        assertBad(ann.get("/api/runs/" + id + "/trace?from=99"), 400, "bad_request", "from");
        assertBad(ann.get("/api/runs/" + id + "/state"), 400, "bad_request", "at");
        assertBad(ann.get("/api/runs/" + id + "/state?at=3"), 400, "bad_request", "at");
        assertBad(ann.post("/api/runs/" + id + "/branch", Map.of("atEvent", 50)), 400, "bad_request", "atEvent");
        assertBad(ann.get("/api/runs/00000000-0000-0000-0000-000000000000"), 404, "not_found", null);
        assertBad(ann.get("/api/runs/not-a-uuid"), 404, "not_found", null);
    }

    @Test
    void anotherStudentCannotSeeOrDriveSomeonesRun() {
        String id = createRun(ann, FLOODING);

        assertBad(bob.get("/api/runs/" + id), 404, "not_found", null);
        assertBad(bob.get("/api/runs/" + id + "/trace"), 404, "not_found", null);
        assertBad(bob.delete("/api/runs/" + id), 404, "not_found", null);
        assertBad(bob.post("/api/runs/" + id + "/branch", Map.of("atEvent", 0)), 404, "not_found", null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunSocket.open(server, bob, id, null))
                .hasStackTraceContaining("status code 404");
        assertThat(json(bob.get("/api/runs")).path("runs").findValuesAsText("id")).doesNotContain(id);
        assertThat(ann.delete("/api/runs/" + id).statusCode()).isEqualTo(204);
        assertBad(ann.get("/api/runs/" + id), 404, "not_found", null);
    }

    private static void assertError(RunSocket socket, String command, String code, String messagePart) {
        socket.send(command);
        JsonNode error = socket.next("error");
        assertThat(error.path("code").asText()).as(error.toString()).isEqualTo(code);
        assertThat(error.path("message").asText()).contains(messagePart);
    }

    private static void assertBad(HttpResponse<String> response, int status, String code, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).as(response.body()).isEqualTo(code);
        if (field != null) {
            assertThat(error.path("details").path("field").asText()).as(response.body()).isEqualTo(field);
        }
    }

    private static List<Integer> range(int size) {
        List<Integer> seqs = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            seqs.add(i);
        }
        return seqs;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
