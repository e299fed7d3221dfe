package dev.faultlab.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.support.ApiClient;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Runs and searches over HTTP for the search ITs. */
final class Searching {
    /** Flooding with f = 1 and one round instead of f + 1: a crash part-way through the broadcast breaks agreement. */
    static final Map<String, Object> BROKEN_FLOODING = Map.of("protocol", "flooding", "seed", 1,
            "params", Map.of("n", 3, "f", 1, "rounds", 1, "values", List.of(1, 2, 3)));
    /** Correct flooding, searched with room for crashes and losses: far more states than a test waits for. */
    static final Map<String, Object> CORRECT_FLOODING = Map.of("protocol", "flooding", "seed", 1,
            "params", Map.of("n", 5, "f", 2, "values", List.of(1, 2, 3, 4, 5)));
    static final Map<String, Object> FIND_AGREEMENT = Map.of("maxDepth", 30, "maxCrashes", 1, "maxStates", 200_000,
            "probes", 0);
    static final Map<String, Object> HUGE = Map.of("maxDepth", 200, "maxCrashes", 2, "maxDrops", 3,
            "maxStates", 5_000_000, "maxMillis", 600_000, "probes", 0);

    private Searching() {
    }

    static String newRun(ApiClient user, Map<String, Object> recipe) {
        HttpResponse<String> created = user.post("/api/runs", Map.of("recipe", recipe));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("run").path("id").asText();
    }

    static HttpResponse<String> start(ApiClient user, String runId, String property, Map<String, Object> bounds) {
        return user.post("/api/searches", property == null ? Map.of("runId", runId, "bounds", bounds)
                : Map.of("runId", runId, "property", property, "bounds", bounds));
    }

    static String started(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).path("id").asText();
    }

    static JsonNode search(ApiClient user, String id) {
        HttpResponse<String> response = user.get("/api/searches/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    static Predicate<JsonNode> exploring() {
        return search -> search.path("status").asText().equals("RUNNING")
                && search.path("progress").path("explored").asLong() > 0;
    }
}
