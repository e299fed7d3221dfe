package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.Labs;
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
import java.util.UUID;

import static dev.faultlab.support.Classroom.exercise;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A find-run answer over HTTP: the student names one of their runs, the server grades its recipe as it holds it
 * (whatever recipe the browser sends along), and another student's run is not found, costing no attempt.
 */
class FindRunSubmitIT {
    static final String FLOODING = "flooding-consensus";
    static final String EXERCISE = "too-few-rounds";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() {
        Labs.copyFromRepository(dataDir, FLOODING);
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aStudentsOwnRunIsGradedByItsRecipeAndAnotherStudentsRunIsNotFound() {
        Accounts accounts = new Accounts(server);
        accounts.createUser("find-teacher@x.test", "Fin Teacher", true);
        ApiClient teacher = accounts.login("find-teacher@x.test");
        long course = Accounts.createCourse(teacher, "FIND-1", "Find a run").path("id").asLong();
        Map<String, Object> dates = new HashMap<>();
        dates.put("opensAt", null);
        dates.put("dueAt", null);
        assertThat(teacher.put("/api/courses/" + course + "/labs/" + FLOODING, dates).statusCode()).isEqualTo(200);
        ApiClient ada = student(accounts, course, "ada");
        ApiClient bob = student(accounts, course, "bob");
        String lab = "/api/courses/" + course + "/labs/" + FLOODING;
        JsonNode recipe = exercise(json(ada.get(lab)), EXERCISE).at("/input/recipe");
        assertThat(recipe.at("/params/rounds").asInt()).isEqualTo(1);

        // P2 (value 2) crashes in round 1 having reached only P1: P1 decides 2, P3 decides 5.
        Map<String, Object> crash = Map.of("at", 0, "kind", "CRASH", "target", 1, "params", Map.of("reaches", List.of(0)));
        String adasRun = createRun(ada, recipe, List.of(crash));
        String bobsQuietRun = createRun(bob, recipe, List.of());

        HttpResponse<String> stolen = submit(bob, lab, Map.of("run", adasRun));
        assertThat(stolen.statusCode()).as(stolen.body()).isEqualTo(404);
        assertThat(exercise(json(bob.get(lab)), EXERCISE).at("/progress/attemptsUsed").asInt()).isZero();

        // The recipe sent along is replaced by the run's own: this run has no fault.
        HttpResponse<String> quiet = submit(bob, lab, Map.of("run", bobsQuietRun, "recipe", Map.of("protocol", "nothing")));
        assertThat(quiet.statusCode()).as(quiet.body()).isEqualTo(200);
        assertThat(json(quiet).at("/submission/grade/score").asDouble()).isZero();
        assertThat(json(quiet).at("/submission/grade/feedback").asText()).contains("every monitor green");

        HttpResponse<String> own = submit(ada, lab, Map.of("run", adasRun));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(json(own).at("/submission/grade/score").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theProtocolCatalogNamesEachProtocolsGoalsForTheBrowser() {
        JsonNode protocols = json(new Accounts(server).anonymous().get("/api/protocols")).path("protocols");
        Map<String, List<String>> goals = new HashMap<>();
        protocols.forEach(p -> goals.put(p.path("id").asText(), p.path("goals").findValuesAsText("name")));

        assertThat(goals).containsEntry("raft", List.of("two-leaders")).containsEntry("flooding", List.of("smallest-value-lost"))
                .containsEntry("twophase", List.of("blocked-in-ready")).containsEntry("echo", List.of());
    }

    private static ApiClient student(Accounts accounts, long course, String name) {
        long id = accounts.createUser(name + "@find.test", name, false);
        accounts.enroll(course, id, "STUDENT");
        return accounts.login(name + "@find.test");
    }

    @SuppressWarnings("unchecked")
    private static String createRun(ApiClient user, JsonNode recipe, List<Map<String, Object>> faults) {
        Map<String, Object> withFaults = new HashMap<>(JSON.convertValue(recipe, Map.class));
        withFaults.put("faults", faults);
        HttpResponse<String> created = user.post("/api/runs", Map.of("recipe", withFaults));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).at("/run/id").asText();
    }

    private static HttpResponse<String> submit(ApiClient user, String lab, Map<String, Object> answer) {
        return user.post(lab + "/exercises/" + EXERCISE + "/submissions", Map.of("submissionId", UUID.randomUUID().toString(),
                "answer", answer));
    }
}
