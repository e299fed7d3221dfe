package dev.faultlab.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Two FaultLab instances on one PostgreSQL, as behind a load balancer: the first runs the embedded database and
 * the second reaches it through DATABASE_URL. A run is live on one of them at a time.
 */
class TwoInstancesIT {
    static final Map<String, Object> FLOODING = Map.of("protocol", "flooding", "seed", 7,
            "params", Map.of("n", 5, "f", 2, "values", List.of(4, 1, 3, 9, 2)));

    @TempDir
    static Path firstDir;
    static TestServer first;
    static ApiClient annOnFirst;

    @BeforeAll
    static void start() {
        first = TestServer.start(firstDir);
        new Accounts(first).createUser("ann@two.test", "Ann", false);
        annOnFirst = new Accounts(first).login("ann@two.test");
    }

    @AfterAll
    static void stop() {
        first.close();
    }

    /** A second instance on the first one's database. */
    static TestServer secondInstance(Path dir) {
        HikariDataSource pool = (HikariDataSource) first.app().database().dataSource();
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", pool.getJdbcUrl());
        env.put("DATABASE_USER", pool.getUsername());
        if (pool.getPassword() != null) {
            env.put("DATABASE_PASSWORD", pool.getPassword());
        }
        return TestServer.start(dir, env);
    }

    @Test
    void theOtherInstanceRefusesARunWatchedElsewhereAndGetsItWithEveryFaultOnceNobodyWatchesIt(@TempDir Path secondDir) {
        String id;
        try (TestServer second = secondInstance(secondDir)) {
            ApiClient annOnSecond = new Accounts(second).login("ann@two.test");
            id = createRun(annOnSecond);
            try (RunSocket socket = RunSocket.open(second, annOnSecond, id, null)) {
                socket.next("hello");
                socket.send("{\"cmd\":\"step\",\"events\":6}");
                socket.next("status");
                socket.send("{\"cmd\":\"inject\",\"fault\":{\"kind\":\"CRASH\",\"target\":1}}");
                socket.next("injected");

                HttpResponse<String> refused = annOnFirst.get("/api/runs/" + id);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
                assertThat(json(refused).path("error").path("code").asText()).isEqualTo("run_elsewhere");
                assertThat(json(refused).path("error").path("message").asText()).contains("open on another FaultLab server");
                assertThat(annOnFirst.get("/api/runs/" + id + "/trace").statusCode()).isEqualTo(409);
                assertThatThrownBy(() -> RunSocket.open(first, annOnFirst, id, null)).hasStackTraceContaining("status code 409");

                socket.send("{\"cmd\":\"step\",\"events\":4}");
                socket.next("status");
                // Still watched on the second instance: asking again changes nothing.
                assertThat(annOnFirst.get("/api/runs/" + id).statusCode()).isEqualTo(409);
            }
            JsonNode onSecond = json(annOnSecond.get("/api/runs/" + id));

            JsonNode onFirst = awaitOpen(annOnFirst, id);
            assertThat(onFirst.path("recipe")).isEqualTo(onSecond.path("recipe"));
            assertThat(onFirst.path("recipe").path("faults")).hasSize(1);
            assertThat(onFirst.path("run").path("eventCount")).isEqualTo(onSecond.path("run").path("eventCount"));
            assertThat(annOnSecond.get("/api/runs/" + id).statusCode()).isEqualTo(409);
        }
        try (RunSocket socket = RunSocket.open(first, annOnFirst, id, null)) {
            socket.next("hello");
            socket.send("{\"cmd\":\"inject\",\"fault\":{\"kind\":\"CRASH\",\"target\":2}}");
            socket.next("injected");
        }
        assertThat(json(annOnFirst.get("/api/runs/" + id)).path("recipe").path("faults")).hasSize(2);
    }

    @Test
    void anInstanceThatStopsLetsItsRunsGoAtOnce(@TempDir Path secondDir) {
        String id;
        try (TestServer second = secondInstance(secondDir)) {
            ApiClient annOnSecond = new Accounts(second).login("ann@two.test");
            id = createRun(annOnSecond);
            try (RunSocket socket = RunSocket.open(second, annOnSecond, id, null)) {
                socket.next("hello");
                socket.send("{\"cmd\":\"step\",\"events\":9}");
                socket.next("status");
                assertThat(annOnFirst.get("/api/runs/" + id).statusCode()).isEqualTo(409);
            }
        }
        HttpResponse<String> taken = annOnFirst.get("/api/runs/" + id);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(json(taken).path("run").path("eventCount").asInt()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void anInstanceThatLostTheDatabaseLosesItsRunsAndNothingItSavesAfterwardsOverwritesTheNewHolder(
            @TempDir Path secondDir) {
        try (TestServer second = secondInstance(secondDir)) {
            ApiClient annOnSecond = new Accounts(second).login("ann@two.test");
            String id = createRun(annOnSecond);
            try (RunSocket socket = RunSocket.open(second, annOnSecond, id, null)) {
                socket.next("hello");
                socket.send("{\"cmd\":\"inject\",\"fault\":{\"kind\":\"CRASH\",\"target\":1}}");
                socket.next("injected");

                int secondNumber = cutInstanceLock(id);
                // The second instance may still write for a moment; whatever it acknowledged must survive.
                boolean acknowledged = injectAcknowledged(socket);
                JsonNode taken = awaitOpen(annOnFirst, id);
                // An acknowledged fault is saved; one the instance answered with an error may have been saved or not.
                assertThat(taken.path("recipe").path("faults").size()).isBetween(acknowledged ? 2 : 1, 2);
                assertThat(socket.awaitClosed()).startsWith("4009");

                HttpResponse<String> refused = annOnSecond.get("/api/runs/" + id);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
                assertThat(json(refused).path("error").path("code").asText()).isEqualTo("run_elsewhere");
                assertThat(liveOn(id)).as("the instance that lost its lock no longer holds the run").isNotEqualTo(Integer.valueOf(secondNumber));
            }
        }
    }

    /** Injects a crash; false when the server answered with an error or had already closed the stream. */
    private static boolean injectAcknowledged(RunSocket socket) {
        try {
            socket.send("{\"cmd\":\"inject\",\"fault\":{\"kind\":\"CRASH\",\"target\":3}}");
        } catch (CompletionException closedAlready) {
            return false;
        }
        return socket.next(f -> f.path("type").asText().equals("injected") || f.path("type").asText().equals("error"),
                "the inject's answer").path("type").asText().equals("injected");
    }

    private static String createRun(ApiClient user) {
        HttpResponse<String> response = user.post("/api/runs", Map.of("recipe", FLOODING));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).path("run").path("id").asText();
    }

    /** The instance holding the run live, or null when none does (one that holds it unwatched lets it go when asked). */
    private static Integer liveOn(String runId) {
        return first.app().database().sql()
                .fetchSingle("select live_on from runs where id = ?::uuid", runId).get(0, Integer.class);
    }

    /** Ends the database session that holds the lock of the instance that has the run, as a network cut would. */
    private static int cutInstanceLock(String runId) {
        int number = liveOn(runId);
        int ended = first.app().database().sql().fetchSingle("select count(pg_terminate_backend(pid)) from pg_locks"
                + " where locktype = 'advisory' and classid::text = '1180001' and objid::text = ? and objsubid = 2",
                String.valueOf(number)).get(0, Integer.class);
        assertThat(ended).isEqualTo(1);
        return number;
    }

    private static JsonNode awaitOpen(ApiClient user, String runId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = user.get("/api/runs/" + runId);
            if (response.statusCode() == 200) {
                return json(response);
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail("the run never became free for the first instance");
    }
}
