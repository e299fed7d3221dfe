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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The protocol's monitors, live through the run stream: the properties frame says when a property turns false. */
class PropertiesFrameIT {
    /** Flooding with two rounds for two crashes: P3 decides 0, P4 decides 3. */
    static final Map<String, Object> TOO_FEW_ROUNDS = Map.of("protocol", "flooding", "seed", 1,
            "params", Map.of("n", 4, "f", 2, "rounds", 2, "values", List.of(3, 0, 5, 7)),
            "faults", List.of(Map.of("at", 0, "kind", "CRASH", "target", 1, "params", Map.of("afterSends", 1)),
                    Map.of("at", 10, "kind", "CRASH", "target", 0, "params", Map.of("afterSends", 2))));

    /** Raft voting without the up-to-date check, on the schedule BrokenVoteTest's search breaks with seed 7. */
    static final Map<String, Object> BROKEN_VOTE = Map.of("protocol", "raft", "seed", 7,
            "params", Map.of("n", 3, "requests", 40, "runFor", 500, "upToDateCheck", false),
            "faults", List.of(Map.of("at", 80, "kind", "CRASH", "target", 2), Map.of("at", 200, "kind", "CRASH", "target", 0),
                    Map.of("at", 200, "kind", "RECOVER", "target", 2)));

    @TempDir
    static Path dataDir;
    static TestServer server;
    static ApiClient ann;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        Accounts accounts = new Accounts(server);
        accounts.createUser("ann@properties.test", "Ann", false);
        ann = accounts.login("ann@properties.test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode property(JsonNode frame, String name) {
        for (JsonNode property : frame.path("properties")) {
            if (property.path("name").asText().equals(name)) {
                return property;
            }
        }
        throw new AssertionError("no property " + name + " in " + frame);
    }

    @Test
    void agreementTurnsFalseAtTheDecisionThatBreaksItAndTheFrameNamesItsWitnesses() {
        String id = RunsIT.createRun(ann, TOO_FEW_ROUNDS);
        try (RunSocket socket = RunSocket.open(server, ann, id, null)) {
            socket.next("hello");
            JsonNode first = socket.next("properties");
            assertThat(first.path("upTo").asInt()).isZero();
            assertThat(first.path("properties")).extracting(p -> p.path("name").asText())
                    .containsExactly("agreement", "validity", "termination");
            assertThat(first.path("properties")).extracting(p -> p.path("status").asText()).containsExactly("holds", "holds", "pending");

            socket.send("{\"cmd\":\"speed\",\"eventsPerSecond\":2000}");
            socket.send("{\"cmd\":\"play\"}");
            List<JsonNode> frames = new ArrayList<>();
            JsonNode violated = socket.next(frame -> {
                if (frame.path("type").asText().equals("properties")) {
                    frames.add(frame);
                    return property(frame, "agreement").path("status").asText().equals("violated");
                }
                return false;
            }, "agreement violated");

            JsonNode agreement = property(violated, "agreement");
            int at = agreement.path("at").asInt();
            // The frame comes once the violating event has been sent, never before it.
            assertThat(violated.path("upTo").asInt()).isGreaterThan(at);
            assertThat(frames.subList(0, frames.size() - 1)).allSatisfy(f -> assertThat(f.path("upTo").asInt()).isLessThanOrEqualTo(at));
            List<JsonNode> events = socket.awaitEvents(at + 1);
            JsonNode decision = events.get(at);
            assertThat(decision.path("kind").asText()).isEqualTo("DECIDE");
            assertThat(decision.path("node").asInt()).isEqualTo(3);
            assertThat(agreement.path("explanation").asText()).isEqualTo("P3 decided 0 but P4 decided 3");
            assertThat(agreement.path("witnesses")).hasSize(2);
            JsonNode other = events.get(agreement.path("witnesses").get(0).asInt());
            assertThat(other.path("kind").asText()).isEqualTo("DECIDE");
            assertThat(other.path("node").asInt()).isEqualTo(2);
            assertThat(agreement.path("witnesses").get(1).asInt()).isEqualTo(at);
            // The changes let the view show the verdict at any earlier event: it held until the decision.
            assertThat(agreement.path("changes")).hasSize(2);
            assertThat(agreement.path("changes").get(0).path("status").asText()).isEqualTo("holds");
            assertThat(agreement.path("changes").get(1).path("from").asInt()).isEqualTo(at);

        }
    }

    @Test
    void aWatcherWhoJoinsLaterGetsTheVerdictOverWhatItIsSent() {
        String id = RunsIT.createRun(ann, TOO_FEW_ROUNDS);
        try (RunSocket driver = RunSocket.open(server, ann, id, null)) {
            driver.next("hello");
            driver.send("{\"cmd\":\"speed\",\"eventsPerSecond\":5000}");
            driver.send("{\"cmd\":\"play\"}");
            driver.awaitEnd();
        }
        try (RunSocket late = RunSocket.open(server, ann, id, null)) {
            late.next("hello");
            JsonNode frame = late.next("properties");
            int events = late.awaitEvents(frame.path("upTo").asInt()).size();
            assertThat(frame.path("upTo").asInt()).isEqualTo(events);
            assertThat(property(frame, "agreement").path("status").asText()).isEqualTo("violated");
            assertThat(property(frame, "termination").path("status").asText()).isEqualTo("holds");
        }
    }

    @Test
    void raftsBrokenVoteTurnsLeaderCompletenessFalseWhenTheNewLeaderLacksACommittedEntry() {
        String id = RunsIT.createRun(ann, BROKEN_VOTE);
        try (RunSocket socket = RunSocket.open(server, ann, id, null)) {
            socket.next("hello");
            JsonNode first = socket.next("properties");
            assertThat(first.path("properties")).extracting(p -> p.path("name").asText()).containsExactly("election safety",
                    "log matching", "leader completeness", "state machine safety", "leader elected");
            socket.send("{\"cmd\":\"speed\",\"eventsPerSecond\":100000}");
            socket.send("{\"cmd\":\"play\"}");
            JsonNode violated = socket.next(frame -> frame.path("type").asText().equals("properties")
                    && property(frame, "leader completeness").path("status").asText().equals("violated"), "leader completeness violated");

            JsonNode completeness = property(violated, "leader completeness");
            int at = completeness.path("at").asInt();
            assertThat(completeness.path("explanation").asText()).contains("was committed in term 1, but P3 is leader of term 2 without it");
            List<JsonNode> events = socket.awaitEvents(at + 1);
            // The witnesses: where the entry was first committed, and the event at which P3 leads without it.
            assertThat(completeness.path("witnesses")).hasSize(2);
            assertThat(completeness.path("witnesses").get(1).asInt()).isEqualTo(at);
            assertThat(completeness.path("witnesses").get(0).asInt()).isLessThan(at);
            assertThat(events.get(at).path("node").asInt()).isEqualTo(2);
            assertThat(property(violated, "election safety").path("status").asText()).isEqualTo("holds");
        }
    }
}
