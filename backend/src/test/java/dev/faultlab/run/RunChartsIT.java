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

import static dev.faultlab.run.RunsIT.createRun;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/runs/{id}/charts: the protocol's run charts as they stand at an event, as the run view fetches them. */
class RunChartsIT {
    /** P3 slowed four times from t=45 to t=145: its timeouts grow at t=91 and t=131 (see FailureDetectorScenarioTest). */
    static final Map<String, Object> SLOW_P3 = Map.of("protocol", "failuredetector", "seed", 1,
            "params", Map.of("n", 3, "runFor", 200),
            "faults", List.of(Map.of("at", 45, "kind", "TIMING", "target", 2, "params", Map.of("timerFactor", 4, "duration", 100))));

    @TempDir
    static Path dataDir;
    static TestServer server;
    static ApiClient ann;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        Accounts accounts = new Accounts(server);
        accounts.createUser("ann@charts.test", "Ann", false);
        ann = accounts.login("ann@charts.test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theChartsFollowThePositionTheyAreAskedFor() {
        String id = createRun(ann, SLOW_P3);
        try (RunSocket socket = RunSocket.open(server, ann, id, null)) {
            socket.next("hello");
            socket.send("{\"cmd\":\"speed\",\"eventsPerSecond\":100000}");
            socket.send("{\"cmd\":\"play\"}");
            socket.awaitEnd();
        }
        List<JsonNode> events = RunsIT.trace(ann, id);
        int beforeMistakes = index(events, 76) - 1;
        int last = events.size() - 1;

        JsonNode start = json(ann.get("/api/runs/" + id + "/charts?at=-1"));
        JsonNode early = json(ann.get("/api/runs/" + id + "/charts?at=" + beforeMistakes));
        JsonNode end = json(ann.get("/api/runs/" + id + "/charts?at=" + last));

        assertThat(start.path("declared").asBoolean()).isTrue();
        assertThat(labels(early, 0)).containsExactly("every timeout (unchanged)");
        assertThat(labels(end, 0)).containsExactly("P1's timeout for P3", "P2's timeout for P3", "every other timeout (unchanged)");
        assertThat(end.path("charts").get(0).path("title").asText()).isEqualTo("Timeouts");
        // 25 until t=90, 35 from t=91 to 130, 45 from t=131 to the end.
        assertThat(points(end, 0, 0)).containsExactly("0:25", "90:25", "91:35", "130:35", "131:45", last(events) + ":45");
        assertThat(labels(end, 1)).containsExactly("P1 suspects", "P2 suspects", "P3 suspects");
        assertThat(points(end, 1, 0)).containsExactly("0:0", "75:0", "76:1", "90:1", "91:0", "125:0", "126:1", "130:1", "131:0", last(events) + ":0");
    }

    @Test
    void aProtocolWithoutRunChartsDeclaresNoneAndABadPositionIsRefused() {
        String flooding = createRun(ann, RunsIT.FLOODING);
        JsonNode none = json(ann.get("/api/runs/" + flooding + "/charts?at=-1"));
        assertThat(none.path("declared").asBoolean()).isFalse();
        assertThat(none.path("charts")).isEmpty();

        assertBad(ann.get("/api/runs/" + flooding + "/charts"), "at");
        assertBad(ann.get("/api/runs/" + flooding + "/charts?at=5"), "at");
        assertBad(ann.get("/api/runs/" + flooding + "/charts?at=soon"), "at");
    }

    private static void assertBad(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("error").path("details").path("field").asText()).as(response.body()).isEqualTo(field);
    }

    private static int index(List<JsonNode> events, long time) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).path("time").asLong() >= time) {
                return i;
            }
        }
        throw new AssertionError("no event at t=" + time);
    }

    private static long last(List<JsonNode> events) {
        return events.get(events.size() - 1).path("time").asLong();
    }

    private static List<String> labels(JsonNode charts, int chart) {
        List<String> labels = new ArrayList<>();
        charts.path("charts").get(chart).path("series").forEach(s -> labels.add(s.path("label").asText()));
        return labels;
    }

    private static List<String> points(JsonNode charts, int chart, int series) {
        List<String> points = new ArrayList<>();
        charts.path("charts").get(chart).path("series").get(series).path("points")
                .forEach(p -> points.add(p.path("x").asLong() + ":" + p.path("y").asLong()));
        return points;
    }
}
