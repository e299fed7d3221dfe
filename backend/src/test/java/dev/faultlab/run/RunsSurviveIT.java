package dev.faultlab.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.store.RunStore;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.KillableServer;
import dev.faultlab.support.RunSocket;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Runs that outlive the server process that ran them: a hard kill, a restart, a recipe that stopped loading. */
class RunsSurviveIT {
    /** About 90,000 events: long enough to be mid-way when the server is killed. */
    static final Map<String, Object> LONG_FLOODING = Map.of("protocol", "flooding", "seed", 5,
            "params", Map.of("n", 64, "f", 10));

    @Test
    void afterAKill9AReconnectResumesWhereTheClientWasWithNothingSentTwice(@TempDir Path dataDir) throws Exception {
        String id;
        int lastSeen;
        long savedBeforeKill;
        List<JsonNode> seenBeforeKill;
        try (KillableServer doomed = KillableServer.start(dataDir)) {
            ApiClient admin = ApiClient.at(doomed.baseUrl());
            login(admin);
            id = json(admin.post("/api/runs", Map.of("recipe", LONG_FLOODING))).path("run").path("id").asText();
            try (RunSocket socket = RunSocket.open(doomed.port(), admin, id, null)) {
                socket.next("hello");
                socket.send("{\"cmd\":\"speed\",\"eventsPerSecond\":4000}");
                socket.send("{\"cmd\":\"play\"}");
                seenBeforeKill = List.copyOf(socket.awaitEvents(12_000));
                lastSeen = seenBeforeKill.size() - 1;
                // The run keeps playing: its progress must reach the database while it does, not only when it stops.
                await(() -> savedProgress(admin, id) >= 10_000, "the run's progress to be saved while it plays");
                savedBeforeKill = savedProgress(admin, id);
                doomed.kill();
            }
        }

        try (TestServer reborn = TestServer.start(dataDir)) {
            ApiClient admin = new Accounts(reborn).loginAsAdmin();
            JsonNode reopened = json(admin.get("/api/runs/" + id)).path("run");
            assertThat(reopened.path("eventCount").asLong()).as("the run resumes where its progress was saved")
                    .isGreaterThanOrEqualTo(savedBeforeKill);
            assertThat(reopened.path("status").asText()).isEqualTo("PAUSED");

            try (RunSocket socket = RunSocket.open(reborn, admin, id, lastSeen)) {
                assertThat(socket.next("hello").path("next").asInt()).isEqualTo(lastSeen + 1);
                socket.send("{\"cmd\":\"step\",\"events\":50}");
                socket.next("status");
                List<JsonNode> after = socket.awaitEvents(50);
                assertThat(after.get(0).path("seq").asInt()).as("nothing is sent twice").isEqualTo(lastSeen + 1);
                for (int i = 0; i < after.size(); i++) {
                    assertThat(after.get(i).path("seq").asInt()).isEqualTo(lastSeen + 1 + i);
                }
                List<JsonNode> trace = trace(admin, id, 0, lastSeen + 1 + after.size());
                assertThat(trace.subList(0, lastSeen + 1)).as("the replay is the run the client saw").isEqualTo(seenBeforeKill);
                assertThat(trace.subList(lastSeen + 1, trace.size())).isEqualTo(after);
            }
        }
    }

    @Test
    void aRunThatEndedOnItsComputingTimeReopensEndingAtTheSameEventWithTheSameEnd(@TempDir Path dataDir) {
        String id;
        JsonNode endedRun;
        List<JsonNode> tail;
        Map<String, Object> recipe = Map.of("protocol", "flooding", "seed", 5, "params", Map.of("n", 64, "f", 10),
                "budgets", Map.of("maxEvents", 1_000_000, "maxTime", 10_000_000, "maxWallMillis", 5, "maxNodes", 64,
                        "maxTraceBytes", 64L * 1024 * 1024));
        try (TestServer first = TestServer.start(dataDir, Accounts.withAdmin())) {
            ApiClient admin = new Accounts(first).loginAsAdmin();
            id = json(admin.post("/api/runs", Map.of("recipe", recipe))).path("run").path("id").asText();
            try (RunSocket socket = RunSocket.open(first, admin, id, null)) {
                socket.next("hello");
                socket.send("{\"cmd\":\"speed\",\"eventsPerSecond\":1000000}");
                socket.send("{\"cmd\":\"play\"}");
                socket.awaitEnd();
            }
            endedRun = json(admin.get("/api/runs/" + id)).path("run");
            assertThat(endedRun.path("endReason").path("code").asText()).isEqualTo("budget.wall");
            int count = endedRun.path("eventCount").asInt();
            tail = trace(admin, id, count - 20, count);
        }
        try (TestServer second = TestServer.start(dataDir)) {
            ApiClient admin = new Accounts(second).loginAsAdmin();
            JsonNode replayed = json(admin.get("/api/runs/" + id)).path("run");
            assertThat(replayed.path("status").asText()).isEqualTo("ENDED");
            assertThat(replayed.path("eventCount").asInt()).isEqualTo(endedRun.path("eventCount").asInt());
            assertThat(replayed.path("endReason")).isEqualTo(endedRun.path("endReason"));
            int count = replayed.path("eventCount").asInt();
            assertThat(trace(admin, id, count - 20, count)).isEqualTo(tail);
            assertThat(tail.get(19).path("kind").asText()).isEqualTo("END");
        }
    }

    @Test
    void anOwnerCanDeleteARunWhoseRecipeNoLongerLoadsAndEveryOtherRouteSaysWhy(@TempDir Path dataDir) {
        try (TestServer server = TestServer.start(dataDir)) {
            Accounts accounts = new Accounts(server);
            long annId = accounts.createUser("ann@survive.test", "Ann", false);
            accounts.createUser("bob@survive.test", "Bob", false);
            ApiClient ann = accounts.login("ann@survive.test");
            ApiClient bob = accounts.login("bob@survive.test");
            RunStore store = new RunStore(server.app().database().sql());
            UUID retired = UUID.randomUUID();
            store.insert(retired, Optional.of(annId), Optional.empty(), "retired",
                    "{\"protocol\": \"retired-protocol\", \"seed\": 1}", Optional.empty(), Optional.empty(), Optional.empty());
            UUID garbled = UUID.randomUUID();
            store.insert(garbled, Optional.of(annId), Optional.empty(), "flooding",
                    "{\"protocol\": \"flooding\", \"seed\": \"not a number\", \"shape\": [1]}", Optional.empty(),
                    Optional.empty(), Optional.empty());

            for (UUID id : List.of(retired, garbled)) {
                String path = "/api/runs/" + id;
                assertUnreadable(ann.get(path));
                assertUnreadable(ann.get(path + "/trace"));
                assertUnreadable(ann.get(path + "/state?at=0"));
                assertUnreadable(ann.post(path + "/branch", Map.of("atEvent", 0)));
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunSocket.open(server, ann, id.toString(), null))
                        .hasStackTraceContaining("status code 409");
                assertThat(bob.delete(path).statusCode()).isEqualTo(404);
                assertThat(json(ann.get("/api/runs")).path("runs").findValuesAsText("id")).contains(id.toString());

                assertThat(ann.delete(path).statusCode()).isEqualTo(204);
                assertThat(ann.get(path).statusCode()).isEqualTo(404);
            }
        }
    }

    private static void assertUnreadable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("run_unreadable");
        assertThat(error.path("message").asText()).contains("cannot replay").contains("delete it")
                .doesNotContain("dev.faultlab").doesNotContain("java.");
    }

    private static void login(ApiClient client) {
        HttpResponse<String> response = client.post("/api/session",
                Map.of("email", Accounts.ADMIN_EMAIL, "password", Accounts.ADMIN_PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** What the database holds as the run's progress: the run list reads it without loading the run. */
    private static long savedProgress(ApiClient owner, String id) {
        for (JsonNode run : json(owner.get("/api/runs")).path("runs")) {
            if (run.path("id").asText().equals(id)) {
                return run.path("eventsReached").asLong();
            }
        }
        return fail("run " + id + " is not listed");
    }

    static List<JsonNode> trace(ApiClient user, String id, int from, int to) {
        List<JsonNode> events = new ArrayList<>();
        while (from < to) {
            JsonNode page = json(user.get("/api/runs/" + id + "/trace?from=" + from + "&limit=" + Math.min(5_000, to - from)));
            page.path("events").forEach(events::add);
            from = page.path("next").asInt();
        }
        return events;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited 30 s for " + what);
            }
            Thread.sleep(50);
        }
    }
}
