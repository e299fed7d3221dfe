package dev.faultlab.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Waits for a search of the explorer to reach a state. The API tells a search's progress only when asked (the search
 * panel asks once a second), so the wait asks every 50 ms until the condition holds; a search ends at its own bounds,
 * and after 120 s the wait fails saying what it waited for.
 */
public final class SearchWait {
    private SearchWait() {
    }

    public static JsonNode awaitSearch(ApiClient user, String id, Predicate<JsonNode> condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            HttpResponse<String> response = user.get("/api/searches/" + id);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode search = json(response);
            if (condition.test(search)) {
                return search;
            }
            if (System.nanoTime() > deadline) {
                return fail("waited 120 s for " + what + "; the search is " + search);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    public static Predicate<JsonNode> status(String status) {
        return search -> search.path("status").asText().equals(status);
    }
}
