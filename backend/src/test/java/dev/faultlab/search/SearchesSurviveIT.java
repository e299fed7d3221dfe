package dev.faultlab.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.KillableServer;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
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

/** Searches outlive the server process: a found result is read back after a kill -9; one cut short says so. */
class SearchesSurviveIT {
    @Test
    void aFinishedResultSurvivesAKillAndARestartAndARunningSearchIsMarkedInterrupted(@TempDir Path dataDir)
            throws Exception {
        String found;
        String cutShort;
        JsonNode before;
        try (KillableServer doomed = KillableServer.start(dataDir)) {
            ApiClient admin = ApiClient.at(doomed.baseUrl());
            HttpResponse<String> login = admin.post("/api/session",
                    Map.of("email", Accounts.ADMIN_EMAIL, "password", Accounts.ADMIN_PASSWORD));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            found = started(start(admin, newRun(admin, BROKEN_FLOODING), "agreement", FIND_AGREEMENT));
            before = awaitSearch(admin, found, status("FOUND"), "the violation");
            cutShort = started(start(admin, newRun(admin, CORRECT_FLOODING), null, HUGE));
            awaitSearch(admin, cutShort, exploring(), "the long search to run");
            doomed.kill();
        }

        try (TestServer reborn = TestServer.start(dataDir)) {
            ApiClient admin = new Accounts(reborn).loginAsAdmin();
            JsonNode after = search(admin, found);
            assertThat(after).as("the finished result, read back from the database").isEqualTo(before);
            JsonNode interrupted = search(admin, cutShort);
            assertThat(interrupted.path("status").asText()).isEqualTo("INTERRUPTED");
            assertThat(interrupted.path("note").asText()).isEqualTo(SearchService.STOPPED_WHILE_RUNNING);
            assertThat(interrupted.path("finishedAt").isNull()).isFalse();
            HttpResponse<String> opened = admin.post("/api/searches/" + found + "/open", null);
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            assertThat(admin.get("/api/runs/" + json(opened).path("runId").asText()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSearchRunningWhenTheServerStopsInOrderEndsInterruptedAndAFoundOneIsKept(@TempDir Path dataDir)
            throws Exception {
        String cutShort;
        String found;
        JsonNode before;
        try (TestServer first = TestServer.start(dataDir, Accounts.withAdmin())) {
            ApiClient admin = new Accounts(first).loginAsAdmin();
            found = started(start(admin, newRun(admin, BROKEN_FLOODING), "agreement", FIND_AGREEMENT));
            before = awaitSearch(admin, found, status("FOUND"), "the violation");
            cutShort = started(start(admin, newRun(admin, CORRECT_FLOODING), null, HUGE));
            awaitSearch(admin, cutShort, exploring(), "the long search to run");
        }

        try (TestServer second = TestServer.start(dataDir)) {
            ApiClient admin = new Accounts(second).loginAsAdmin();
            assertThat(search(admin, found)).isEqualTo(before);
            JsonNode interrupted = search(admin, cutShort);
            assertThat(interrupted.path("status").asText()).isEqualTo("INTERRUPTED");
            assertThat(interrupted.path("progress").path("explored").asLong()).isPositive();
        }
    }
}
