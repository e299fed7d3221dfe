package dev.faultlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.Classroom;
import dev.faultlab.support.Classroom.Student;
import dev.faultlab.support.RunSocket;
import dev.faultlab.support.TestServer;
import org.jooq.JSONB;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.faultlab.store.db.Tables.DRAFTS;
import static dev.faultlab.store.db.Tables.SUBMISSIONS;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that used to end in 500 and a stack trace, or in a lab page that never loaded again: a body of {@code null},
 * HEAD, a NUL character in JSON that is stored, and JSON nested a thousand levels deep. The walks take the routes
 * from the running server, so a route added later is covered without a row here.
 */
class BadInputIT {
    private static final String NUL = "\\u0000";

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Accounts accounts;
    static ApiClient admin;
    static Classroom classroom;

    @BeforeAll
    static void start() {
        Classroom.installLab(dataDir);
        server = TestServer.start(dataDir, Accounts.withAdmin());
        accounts = new Accounts(server);
        admin = accounts.loginAsAdmin();
        classroom = Classroom.open(server, dataDir, null, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every API route with its path parameters filled in, as "METHOD /path". */
    static List<String[]> routes() {
        List<String[]> routes = server.app().apiRoutes().stream()
                .map(route -> route.split(" ", 2))
                .map(parts -> new String[] {parts[0], parts[1].replaceAll("\\{[^}]+}", "1")})
                .toList();
        assertThat(routes).as("the server lists its routes").hasSizeGreaterThan(30);
        return routes;
    }

    static List<String[]> routesTakingABody() {
        return routes().stream().filter(route -> List.of("POST", "PUT", "PATCH", "DELETE").contains(route[0])).toList();
    }

    @Test
    void aBodyOfNullIsABadRequestOnEveryRouteThatTakesOne() {
        for (String[] route : routesTakingABody()) {
            HttpResponse<String> response = admin.send(route[0], route[1], "null", admin.csrfToken());
            assertThat(response.statusCode()).as("%s %s: %s", route[0], route[1], response.body()).isEqualTo(400);
            assertThat(json(response).path("error").path("code").asText()).isEqualTo("invalid_body");
            assertThat(json(response).path("error").path("message").asText())
                    .isEqualTo("The request body must be a JSON object, not null.");
        }
    }

    @Test
    void signingInUpAndSettingUpWithABodyOfNullIsABadRequestForAnyone() {
        ApiClient anonymous = accounts.anonymous();
        for (String path : List.of("/api/session", "/api/signup", "/api/setup", "/api/invitations/preview")) {
            HttpResponse<String> response = anonymous.post(path, "null");
            assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(400);
        }
    }

    @Test
    void headIsMethodNotAllowedOnEveryApiRouteAndNamesWhatIs() {
        ApiClient anonymous = accounts.anonymous();
        for (String[] route : routes()) {
            for (ApiClient client : List.of(anonymous, admin)) {
                HttpResponse<String> response = client.send("HEAD", route[1], null, null);
                String method = route[0].equals("WEBSOCKET") ? "GET" : route[0];
                assertThat(response.statusCode()).as("HEAD %s", route[1]).isEqualTo(405);
                assertThat(response.headers().firstValue("Allow").orElse("")).as("HEAD %s", route[1]).contains(method);
            }
        }
    }

    @Test
    void aNulCharacterAnywhereInABodyIsRefusedNamingWhereItIs() {
        for (String[] route : routesTakingABody()) {
            HttpResponse<String> response = admin.send(route[0], route[1],
                    "{\"outer\": {\"list\": [\"fine\", \"a" + NUL + "b\"]}}", admin.csrfToken());
            assertThat(response.statusCode()).as("%s %s: %s", route[0], route[1], response.body()).isEqualTo(400);
            assertThat(json(response).path("error").path("details").path("field").asText()).isEqualTo("outer.list[1]");
        }
    }

    @Test
    void aNulCharacterInADraftOrSubmissionIsRefusedAndUsesNoAttempt() {
        Student student = classroom.join("Nora Nul");
        String exercise = classroom.labPath() + "/exercises/round1";
        HttpResponse<String> draft = student.client().put(exercise + "/draft",
                "{\"answer\": {\"cells\": {\"-/P0\": \"ATT" + NUL + "ACK\"}}}");
        HttpResponse<String> submission = student.client().post(exercise + "/submissions",
                "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"answer\": {\"cells\": {\"-/P0" + NUL + "\": \"ATTACK\"}}}");

        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(400);
        assertThat(json(draft).path("error").path("details").path("field").asText()).isEqualTo("answer.cells.-/P0");
        assertThat(submission.statusCode()).as(submission.body()).isEqualTo(400);
        assertThat(json(submission).path("error").path("message").asText()).contains("NUL");
        JsonNode progress = Classroom.exercise(classroom.sheet(student.client()), "round1").path("progress");
        assertThat(progress.path("attemptsUsed").asInt()).isZero();
        assertThat(progress.path("draft").isNull()).isTrue();
    }

    @Test
    void aNulCharacterInByzantineValuesOrAScriptedLieIsRefused() {
        ApiClient user = accounts.login(newUser());
        HttpResponse<String> values = user.post("/api/runs", "{\"recipe\": {\"protocol\": \"byzantine\", \"seed\": 1,"
                + " \"params\": {\"n\": 4, \"m\": 1, \"values\": [\"ATT" + NUL + "ACK\", \"ATTACK\", \"RETREAT\", \"ATTACK\"]}}}");
        HttpResponse<String> lie = user.post("/api/runs", "{\"recipe\": {\"protocol\": \"byzantine\", \"seed\": 1,"
                + " \"params\": {\"n\": 4, \"m\": 1}, \"faults\": [" + scriptedLie("\"at\": 0, ", "HO" + NUL + "LD") + "]}}");

        assertThat(values.statusCode()).as(values.body()).isEqualTo(400);
        assertThat(json(values).path("error").path("details").path("field").asText()).isEqualTo("recipe.params.values[0]");
        assertThat(lie.statusCode()).as(lie.body()).isEqualTo(400);
        assertThat(json(lie).path("error").path("details").path("field").asText())
                .isEqualTo("recipe.faults[0].params.lies[0].value");
        assertThat(json(user.get("/api/runs")).path("runs")).isEmpty();
    }

    @Test
    void aScriptedLieWithANulCharacterInjectedLiveIsACommandErrorAndTheRunGoesOn() {
        ApiClient user = accounts.login(newUser());
        HttpResponse<String> created = user.post("/api/runs",
                Map.of("recipe", Map.of("protocol", "byzantine", "seed", 1, "params", Map.of("n", 4, "m", 1))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        try (RunSocket socket = RunSocket.open(server, user, json(created).path("run").path("id").asText(), null)) {
            socket.next("hello");
            socket.send("{\"cmd\": \"inject\", \"fault\": " + scriptedLie("", "HO" + NUL + "LD") + "}");
            JsonNode error = socket.next("error");
            socket.send("{\"cmd\": \"step\", \"events\": 3}");
            socket.awaitEvents(3);

            assertThat(error.path("code").asText()).isEqualTo("bad_command");
            assertThat(error.path("message").asText()).contains("NUL", "fault.params.lies[0].value");
        }
    }

    @Test
    void anAnswerNestedAThousandLevelsIsRefusedAtTheDoorAndTheLabPageStillLoads() {
        Student student = classroom.join("Dee Deep");
        String exercise = classroom.labPath() + "/exercises/round1";
        String deep = nested(1_000);
        HttpResponse<String> submission = student.client().post(exercise + "/submissions",
                "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"answer\": " + deep + "}");
        HttpResponse<String> draft = student.client().put(exercise + "/draft", "{\"answer\": " + deep + "}");

        for (HttpResponse<String> response : List.of(submission, draft)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(json(response).path("error").path("message").asText())
                    .isEqualTo("The request body nests deeper than 32 levels; nothing FaultLab reads needs that many.");
        }
        JsonNode progress = Classroom.exercise(classroom.sheet(student.client()), "round1").path("progress");
        assertThat(progress.path("attemptsUsed").asInt()).isZero();
    }

    @Test
    void anAnswerNestedJustWithinTheBoundIsReadAndGradedAsAnAnswer() {
        Student student = classroom.join("Sam Shallow");
        // The body, the answer and 30 more levels: exactly 32.
        HttpResponse<String> submission = student.client().post(classroom.labPath() + "/exercises/round1/submissions",
                "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"answer\": " + nested(31) + "}");

        assertThat(submission.statusCode()).as(submission.body()).isEqualTo(422);
    }

    @Test
    void overDeepAnswersStoredBeforeTheBoundDoNotStopTheLabPageFromLoading() {
        Student student = classroom.join("Olga Old");
        JsonNode expected = classroom.expected(student, "round1", 0);
        assertThat(classroom.submit(student, "round1", expected).statusCode()).isEqualTo(200);
        JSONB deep = JSONB.valueOf(nested(1_000));
        var sql = server.app().database().sql();
        sql.update(SUBMISSIONS).set(SUBMISSIONS.ANSWER, deep).where(SUBMISSIONS.USER_ID.eq(student.id())).execute();
        sql.insertInto(DRAFTS).set(DRAFTS.COURSE_ID, classroom.courseId()).set(DRAFTS.USER_ID, student.id())
                .set(DRAFTS.LAB_ID, Classroom.LAB).set(DRAFTS.EXERCISE_ID, "round2").set(DRAFTS.ANSWER, deep)
                .set(DRAFTS.SAVED_AT, OffsetDateTime.now()).execute();

        JsonNode sheet = classroom.sheet(student.client());

        JsonNode round1 = Classroom.exercise(sheet, "round1").path("progress");
        assertThat(round1.path("attemptsUsed").asInt()).isEqualTo(1);
        assertThat(round1.path("last").path("answer").isNull()).isTrue();
        assertThat(round1.path("last").path("points").asDouble()).isPositive();
        assertThat(Classroom.exercise(sheet, "round2").path("progress").path("draft").isNull()).isTrue();
    }

    private static String scriptedLie(String when, String value) {
        return "{" + when + "\"kind\": \"BYZANTINE\", \"target\": 0, \"params\": {\"behaviour\": \"scripted\","
                + " \"lies\": [{\"to\": 2, \"path\": \"\", \"value\": \"" + value + "\"}]}}";
    }

    /** An object nested {@code depth} levels: {"a": {"a": ... {}}}. */
    private static String nested(int depth) {
        return "{\"a\": ".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    private static String newUser() {
        String email = "user" + UUID.randomUUID() + "@bad-input.test";
        accounts.createUser(email, "Some User", false);
        return email;
    }
}
