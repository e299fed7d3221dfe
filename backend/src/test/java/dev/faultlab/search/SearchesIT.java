package dev.faultlab.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.explore.SearchBounds;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static dev.faultlab.search.Searching.BROKEN_FLOODING;
import static dev.faultlab.search.Searching.CORRECT_FLOODING;
import static dev.faultlab.search.Searching.FIND_AGREEMENT;
import static dev.faultlab.search.Searching.HUGE;
import static dev.faultlab.support.SearchWait.awaitSearch;
import static dev.faultlab.search.Searching.exploring;
import static dev.faultlab.search.Searching.newRun;
import static dev.faultlab.search.Searching.search;
import static dev.faultlab.search.Searching.start;
import static dev.faultlab.search.Searching.started;
import static dev.faultlab.support.SearchWait.status;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches through the API a browser uses, on a server with one search slot, one search per person and room for one
 * more in the queue: finding and opening a violation, the 4xx answers, the share, the queue, cancelling.
 */
class SearchesIT {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static ApiClient ann;
    static ApiClient bob;
    static ApiClient carl;
    static ApiClient admin;

    @BeforeAll
    static void startServer() {
        Map<String, String> env = new HashMap<>(Accounts.withAdmin());
        env.putAll(Map.of("FAULTLAB_SEARCHES", "1", "FAULTLAB_SEARCHES_PER_USER", "1", "FAULTLAB_SEARCH_QUEUE", "1"));
        server = TestServer.start(dataDir, env);
        Accounts accounts = new Accounts(server);
        accounts.createUser("ann@search.test", "Ann", false);
        accounts.createUser("bob@search.test", "Bob", false);
        accounts.createUser("carl@search.test", "Carl", false);
        ann = accounts.login("ann@search.test");
        bob = accounts.login("bob@search.test");
        carl = accounts.login("carl@search.test");
        admin = accounts.loginAsAdmin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aStudentFindsTheShortestViolationOfFloodingAndOpensItAsTheirOwnRun() throws Exception {
        String run = newRun(ann, BROKEN_FLOODING);

        HttpResponse<String> response = start(ann, run, "agreement", FIND_AGREEMENT);

        String id = started(response);
        assertThat(json(response).path("status").asText()).isIn("QUEUED", "RUNNING");
        assertThat(json(response).path("runId").asText()).isEqualTo(run);
        JsonNode found = awaitSearch(ann, id, status("FOUND"), "the violation");
        assertThat(found.path("found").path("property").asText()).isEqualTo("agreement");
        assertThat(found.path("found").path("explanation").asText()).isNotBlank();
        assertThat(found.path("found").path("steps").asInt()).isPositive();
        assertThat(found.path("found").path("byProbe").asBoolean()).isFalse();
        assertThat(found.path("progress").path("explored").asLong()).isPositive();
        assertThat(found.path("pruned").asBoolean()).isTrue();
        JsonNode mine = json(ann.get("/api/searches"));
        assertThat(mine.path("searches").findValuesAsText("id")).contains(id);
        assertThat(mine.path("caps").path("maxStates").asLong()).isEqualTo(SearchBounds.SERVER_CAPS.maxStates());
        assertThat(mine.path("defaults").path("maxDepth").asInt()).isEqualTo(RequestedBounds.DEFAULTS.maxDepth());

        HttpResponse<String> opened = ann.post("/api/searches/" + id + "/open", null);

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String counterexample = json(opened).path("runId").asText();
        JsonNode details = json(ann.get("/api/runs/" + counterexample));
        assertThat(details.path("canDrive").asBoolean()).as("the counterexample is Ann's own run").isTrue();
        assertThat(details.path("recipe").path("faults")).hasSize(1);
        assertThat(details.path("recipe").path("protocol").asText()).isEqualTo("flooding");
        // Owner only: to another student the search does not exist; administrators see it.
        assertThat(bob.get("/api/searches/" + id).statusCode()).isEqualTo(404);
        assertThat(bob.post("/api/searches/" + id + "/open", null).statusCode()).isEqualTo(404);
        assertThat(json(bob.get("/api/searches")).path("searches").findValuesAsText("id")).doesNotContain(id);
        assertThat(admin.get("/api/searches/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void aSearchReachesAGoalOfTheProtocolInsteadOfBreakingAProperty() throws Exception {
        String run = newRun(ann, BROKEN_FLOODING);

        HttpResponse<String> response = ann.post("/api/searches", Map.of("runId", run, "goal", "smallest-value-lost",
                "bounds", FIND_AGREEMENT));

        String id = started(response);
        assertThat(json(response).path("goal").asText()).isEqualTo("smallest-value-lost");
        assertThat(json(response).path("property").isNull()).isTrue();
        JsonNode found = awaitSearch(ann, id, status("FOUND"), "the goal");
        assertThat(found.path("found").path("property").asText()).isEqualTo("smallest-value-lost");
        assertThat(found.path("found").path("steps").asInt()).isPositive();

        assertField(ann.post("/api/searches", Map.of("runId", run, "goal", "two-leaders")), "goal",
                "'two-leaders' is not a goal of this run; it has: smallest-value-lost.");
        assertField(ann.post("/api/searches", Map.of("runId", run, "goal", "smallest-value-lost", "property", "agreement")),
                "goal", "Ask for a property to break or a goal to reach, not both.");
    }

    @Test
    void whatARequestGetsWrongIsA400NamingTheField() throws Exception {
        String run = newRun(ann, BROKEN_FLOODING);

        assertField(ann.post("/api/searches", Map.of("bounds", FIND_AGREEMENT)), "runId", "Give the run");
        assertField(start(ann, run, null, Map.of("maxDepth", 0)), "bounds.maxDepth", "maxDepth must be at least 1, got 0.");
        assertField(start(ann, run, null, Map.of("maxStates", -5)), "bounds.maxStates", "maxStates must be at least 1");
        assertField(start(ann, run, "liveness", FIND_AGREEMENT), "property",
                "'liveness' is not a property of this run; it has: agreement, validity, termination");
        HttpResponse<String> notANumber = start(ann, run, null, Map.of("maxDepth", "deep"));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(json(notANumber).path("error").path("details").path("field").asText()).contains("maxDepth");
        assertThat(start(ann, run, null, Map.of("maxDepthh", 3)).statusCode()).isEqualTo(400);
        assertThat(start(bob, run, null, FIND_AGREEMENT).statusCode()).as("Ann's run, to Bob").isEqualTo(404);
        assertThat(ann.get("/api/searches/not-a-search").statusCode()).isEqualTo(404);

        HttpResponse<String> tooLarge = start(ann, run, "agreement", Map.of("maxStates", 999_999_999, "maxDepth", 999,
                "maxDuplicates", 99));

        String id = started(tooLarge);
        assertThat(json(tooLarge).path("bounds").path("maxStates").asLong()).as("lowered to the server's cap")
                .isEqualTo(SearchBounds.SERVER_CAPS.maxStates());
        assertThat(json(tooLarge).path("bounds").path("maxDepth").asInt()).isEqualTo(SearchBounds.SERVER_CAPS.maxDepth());
        assertThat(json(tooLarge).path("bounds").path("maxDuplicates").asInt()).isEqualTo(SearchBounds.SERVER_CAPS.maxDuplicates());
        awaitSearch(ann, id, status("FOUND"), "the violation");
    }

    @Test
    void onePersonGetsOneSearchTheNextWaitsWithItsPlaceShownAndAFullQueueSaysSo() throws Exception {
        String annsRun = newRun(ann, CORRECT_FLOODING);
        String annsSearch = started(start(ann, annsRun, null, HUGE));
        awaitSearch(ann, annsSearch, exploring(), "Ann's search to run");

        HttpResponse<String> second = start(ann, annsRun, null, HUGE);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(json(second).path("error").path("message").asText())
                .isEqualTo("You have 1 search queued or running, as many as one person may have at once (1). "
                        + "Wait for one to finish or cancel it, then start this one.");

        HttpResponse<String> bobs = start(bob, newRun(bob, CORRECT_FLOODING), null, HUGE);
        String bobsSearch = started(bobs);
        assertThat(json(bobs).path("status").asText()).isEqualTo("QUEUED");
        assertThat(json(bobs).path("queuePosition").asInt()).isEqualTo(1);

        HttpResponse<String> carls = start(carl, newRun(carl, CORRECT_FLOODING), null, HUGE);
        assertThat(carls.statusCode()).isEqualTo(503);
        assertThat(json(carls).path("error").path("message").asText()).startsWith("The server is busy: 1 searches are running and 1 are waiting");

        JsonNode cancelling = json(ann.post("/api/searches/" + annsSearch + "/cancel", null));
        assertThat(cancelling.path("id").asText()).isEqualTo(annsSearch);
        JsonNode cancelled = awaitSearch(ann, annsSearch, status("CANCELLED"), "Ann's search to stop");
        assertThat(cancelled.path("progress").path("explored").asLong()).isPositive();
        awaitSearch(bob, bobsSearch, exploring(), "Bob's search to start in the freed slot");
        assertThat(search(bob, bobsSearch).path("queuePosition").asInt()).isZero();

        HttpResponse<String> again = ann.post("/api/searches/" + annsSearch + "/cancel", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("error").path("message").asText()).contains("has ended already (cancelled)");
        HttpResponse<String> nothingToOpen = ann.post("/api/searches/" + annsSearch + "/open", null);
        assertThat(nothingToOpen.statusCode()).isEqualTo(409);
        assertThat(json(nothingToOpen).path("error").path("message").asText())
                .isEqualTo("This search found no violation (cancelled): there is no counterexample to open.");
        assertThat(ann.post("/api/searches/" + bobsSearch + "/cancel", null).statusCode()).as("Bob's, to Ann").isEqualTo(404);

        bob.post("/api/searches/" + bobsSearch + "/cancel", null);
        awaitSearch(bob, bobsSearch, status("CANCELLED"), "Bob's search to stop");
    }

    @Test
    void aQueuedSearchCancelledLeavesTheQueueAtOnce() throws Exception {
        String annsSearch = started(start(ann, newRun(ann, CORRECT_FLOODING), null, HUGE));
        awaitSearch(ann, annsSearch, exploring(), "Ann's search to run");
        String bobsSearch = started(start(bob, newRun(bob, CORRECT_FLOODING), null, HUGE));

        JsonNode withdrawn = json(bob.post("/api/searches/" + bobsSearch + "/cancel", null));

        assertThat(withdrawn.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(withdrawn.path("progress").path("explored").asLong()).isZero();
        ann.post("/api/searches/" + annsSearch + "/cancel", null);
        awaitSearch(ann, annsSearch, status("CANCELLED"), "Ann's search to stop");
    }

    private static void assertField(HttpResponse<String> response, String field, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("details").path("field").asText()).isEqualTo(field);
        assertThat(error.path("message").asText()).contains(message);
    }
}
