package dev.faultlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.Classroom;
import dev.faultlab.support.Labs;
import dev.faultlab.support.RunSocket;
import dev.faultlab.support.SearchWait;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls every API route as six people: nobody, two students of course X, the instructor of another course, X's
 * instructor and the administrator, and checks exactly who gets in. A route added without a row here fails
 * {@link #theMatrixCoversEveryApiRoute()}.
 */
class AuthorizationMatrixIT {
    enum Who { ANONYMOUS, STUDENT_A, STUDENT_B, OTHER_INSTRUCTOR, INSTRUCTOR, ADMIN }

    private static final String LAB = "two-generals";
    private static final String GRADED_LAB = Classroom.LAB;
    private static final AtomicInteger FRESH = new AtomicInteger();

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Accounts accounts;
    static final Map<Who, ApiClient> clients = new EnumMap<>(Who.class);
    static final Map<Who, String> emails = new EnumMap<>(Who.class);
    static long courseX;
    static long courseY;
    static String joinCodeZ;
    static long studentB;

    /** One route, how each person calls it, and the status each must get. */
    record Row(String route, BiFunction<Who, ApiClient, Call> call, Map<Who, Integer> expected) {
    }

    record Call(ApiClient client, String method, String path, Object body) {
    }

    static final String WEBSOCKET = "WEBSOCKET";
    static final Map<String, Object> RECIPE = Map.of("protocol", "flooding", "seed", 1, "params", Map.of("n", 4));
    static String annRun;
    /** Flooding with one round instead of f + 1: Ann's search of it finds agreement broken, to open as a run. */
    static final Map<String, Object> BROKEN_FLOODING = Map.of("protocol", "flooding", "seed", 1,
            "params", Map.of("n", 3, "f", 1, "rounds", 1, "values", List.of(1, 2, 3)));
    static String annSearch;

    @BeforeAll
    static void start() {
        Labs.install(dataDir, LAB, "The two generals");
        Classroom.installLab(dataDir);
        Labs.installBroken(dataDir, "broken-lab");
        server = TestServer.start(dataDir, Accounts.withAdmin());
        accounts = new Accounts(server);
        accounts.createUser("iris@x.test", "Iris Instructor", true);
        accounts.createUser("otto@y.test", "Otto Other", true);
        emails.put(Who.INSTRUCTOR, "iris@x.test");
        emails.put(Who.OTHER_INSTRUCTOR, "otto@y.test");
        emails.put(Who.STUDENT_A, "ann@x.test");
        emails.put(Who.STUDENT_B, "bob@x.test");
        emails.put(Who.ADMIN, Accounts.ADMIN_EMAIL);

        clients.put(Who.ANONYMOUS, accounts.anonymous());
        clients.put(Who.INSTRUCTOR, accounts.login("iris@x.test"));
        clients.put(Who.OTHER_INSTRUCTOR, accounts.login("otto@y.test"));
        clients.put(Who.ADMIN, accounts.loginAsAdmin());
        JsonNode x = Accounts.createCourse(clients.get(Who.INSTRUCTOR), "X-101", "Course X");
        courseX = x.path("id").asLong();
        courseY = Accounts.createCourse(clients.get(Who.OTHER_INSTRUCTOR), "Y-201", "Course Y").path("id").asLong();
        joinCodeZ = Accounts.createCourse(clients.get(Who.ADMIN), "Z-301", "Course Z").path("joinCode").asText();
        clients.put(Who.STUDENT_A, accounts.signUp("ann@x.test", "Ann Student", x.path("joinCode").asText()));
        clients.put(Who.STUDENT_B, accounts.signUp("bob@x.test", "Bob Student", x.path("joinCode").asText()));
        studentB = json(clients.get(Who.STUDENT_B).get("/api/session")).path("user").path("id").asLong();
        annRun = newRunOfAnn();
        try (RunSocket socket = RunSocket.open(server, clients.get(Who.STUDENT_A), annRun, null)) {
            socket.next("hello");
            socket.send("{\"cmd\":\"step\",\"events\":5}");
            socket.awaitEvents(5);
        }
        assertThat(clients.get(Who.INSTRUCTOR).put(x() + "/labs/" + LAB,
                Map.of("opensAt", "2020-01-01T00:00:00Z", "dueAt", "2099-01-01T00:00:00Z")).statusCode()).isEqualTo(200);
        assertThat(clients.get(Who.INSTRUCTOR).put(x() + "/labs/" + GRADED_LAB, Map.of()).statusCode()).isEqualTo(200);
        annSearch = foundSearchOfAnn();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("GET /api/health", get("/api/health"), all(200)));
        rows.add(row("GET /api/labs", get("/api/labs"), all(200)));
        rows.add(row("GET /api/session", get("/api/session"), all(200)));
        rows.add(row("POST /api/session", (who, client) -> new Call(client, "POST", "/api/session",
                Map.of("email", "nobody-" + who.name().toLowerCase() + "@x.test", "password", "not the password")), all(401)));
        rows.add(row("DELETE /api/session", (who, client) -> new Call(fresh(who), "DELETE", "/api/session", null),
                signedIn(200)));
        rows.add(row("POST /api/signup", (who, client) -> new Call(fresh(who), "POST", "/api/signup", Map.of(
                "email", "new" + FRESH.incrementAndGet() + "@z.test", "displayName", "New Person",
                "password", Accounts.PASSWORD, "joinCode", joinCodeZ)), all(202)));
        rows.add(row("PUT /api/account/password", (who, client) -> new Call(client, "PUT", "/api/account/password",
                Map.of("currentPassword", "not the password", "newPassword", "a brand new password")), signedIn(400)));
        rows.add(row("GET /api/setup", get("/api/setup"), all(200)));
        rows.add(row("POST /api/setup", post("/api/setup",
                Map.of("token", "forged", "displayName", "Mallory", "password", "mallory's password")), all(400)));
        rows.add(row("POST /api/invitations/preview", post("/api/invitations/preview", Map.of("invitation", "forged")),
                all(400)));
        rows.add(row("POST /api/invitations/accept", post("/api/invitations/accept", Map.of("invitation", "forged")),
                signedIn(400)));
        rows.add(row("GET /api/courses", get("/api/courses"), signedIn(200)));
        rows.add(row("POST /api/courses", (who, client) -> new Call(client, "POST", "/api/courses",
                Map.of("code", "M-" + FRESH.incrementAndGet(), "title", "Matrix course")), courseCreators(201)));
        rows.add(row("POST /api/courses/join", post("/api/courses/join", Map.of("joinCode", joinCodeZ)), signedIn(200)));
        rows.add(row("GET /api/courses/{courseId}", get(x()), courseMembers(200)));
        rows.add(row("POST /api/courses/{courseId}/join-code", post(x() + "/join-code", null), courseInstructors(200)));
        rows.add(row("GET /api/courses/{courseId}/members", get(x() + "/members"), courseInstructors(200)));
        rows.add(row("DELETE /api/courses/{courseId}/students/{userId}", (who, client) -> {
            long target = accounts.createUser("leaving" + FRESH.incrementAndGet() + "@x.test", "Leaving Student", false);
            accounts.enroll(courseX, target, "STUDENT");
            return new Call(client, "DELETE", x() + "/students/" + target, null);
        }, courseInstructors(204)));
        rows.add(row("POST /api/courses/{courseId}/invitations", (who, client) -> new Call(client, "POST",
                x() + "/invitations", Map.of("email", "invited" + FRESH.incrementAndGet() + "@x.test", "role", "STUDENT")),
                courseInstructors(201)));
        rows.add(row("PUT /api/courses/{courseId}/labs/{labId}", put(x() + "/labs/" + LAB,
                Map.of("opensAt", "2020-01-01T00:00:00Z", "dueAt", "2099-01-01T00:00:00Z")), courseInstructors(200)));
        rows.add(row("DELETE /api/courses/{courseId}/labs/{labId}", (who, client) -> {
            clients.get(Who.INSTRUCTOR).put(x() + "/labs/" + LAB, Map.of());
            return new Call(client, "DELETE", x() + "/labs/" + LAB, null);
        }, courseInstructors(204)));
        String graded = x() + "/labs/" + GRADED_LAB;
        rows.add(row("GET /api/courses/{courseId}/labs/{labId}", get(graded), courseMembers(200)));
        rows.add(row("PUT /api/courses/{courseId}/labs/{labId}/exercises/{exerciseId}/draft",
                put(graded + "/exercises/agree/draft", Map.of("answer", Map.of("choices", List.of("agree")))),
                courseStudents(204)));
        // An answer no grader can read: it gets past the access checks, is refused, and uses no attempt.
        rows.add(row("POST /api/courses/{courseId}/labs/{labId}/exercises/{exerciseId}/submissions",
                (who, client) -> new Call(client, "POST", graded + "/exercises/round1/submissions", Map.of(
                        "submissionId", UUID.randomUUID().toString(),
                        "answer", Map.of("cells", Map.of("no-such/cell", "ATTACK")))),
                courseStudents(422)));
        rows.add(row("GET /api/courses/{courseId}/labs/{labId}/practice/{practice}", get(graded + "/practice/1"),
                courseMembers(200)));
        rows.add(row("POST /api/courses/{courseId}/labs/{labId}/practice/{practice}/exercises/{exerciseId}/check",
                post(graded + "/practice/1/exercises/agree/check", Map.of("answer", Map.of("choices", List.of("agree")))),
                courseMembers(200)));
        rows.add(row("GET /api/courses/{courseId}/labs/{labId}/practice/{practice}/exercises/{exerciseId}/solution",
                get(graded + "/practice/1/exercises/agree/solution"), courseMembers(200)));
        rows.add(row("GET /api/courses/{courseId}/grades", get(x() + "/grades"), courseStudents(200)));
        rows.add(row("GET /api/courses/{courseId}/gradebook", get(x() + "/gradebook"), courseInstructors(200)));
        rows.add(row("GET /api/courses/{courseId}/labs/{labId}/gradebook", get(graded + "/gradebook"),
                courseInstructors(200)));
        rows.add(row("GET /api/courses/{courseId}/labs/{labId}/gradebook.csv", get(graded + "/gradebook.csv"),
                courseInstructors(200)));
        rows.add(row("GET /api/courses/{courseId}/labs/{labId}/students/{userId}/attempts",
                (who, client) -> new Call(client, "GET", graded + "/students/" + studentB + "/attempts", null),
                courseInstructors(200)));
        rows.add(row("POST /api/courses/{courseId}/labs/{labId}/regrade", post(graded + "/regrade", Map.of("apply", false)),
                courseInstructors(200)));
        rows.add(row("GET /api/admin/users", get("/api/admin/users"), adminOnly(200)));
        rows.add(row("PUT /api/admin/users/{userId}/roles", (who, client) -> {
            long target = accounts.createUser("promoted" + FRESH.incrementAndGet() + "@x.test", "Promoted", false);
            return new Call(client, "PUT", "/api/admin/users/" + target + "/roles",
                    Map.of("isAdmin", false, "isInstructor", true));
        }, adminOnly(200)));
        rows.add(row("GET /api/admin/audit", get("/api/admin/audit"), adminOnly(200)));
        rows.add(row("GET /api/protocols", get("/api/protocols"), all(200)));
        rows.add(row("GET /api/runs", get("/api/runs"), signedIn(200)));
        rows.add(row("POST /api/runs", post("/api/runs", Map.of("recipe", RECIPE)), signedIn(201)));
        // A run outside any course: only its owner and administrators may see it; to others it does not exist.
        rows.add(row("GET /api/runs/{id}", get("/api/runs/" + annRun), runOwner(200)));
        rows.add(row("GET /api/runs/{id}/trace", get("/api/runs/" + annRun + "/trace"), runOwner(200)));
        rows.add(row("GET /api/runs/{id}/state", get("/api/runs/" + annRun + "/state?at=2"), runOwner(200)));
        rows.add(row("GET /api/runs/{id}/charts", get("/api/runs/" + annRun + "/charts?at=2"), runOwner(200)));
        rows.add(row("GET /api/runs/{id}/valency", get("/api/runs/" + annRun + "/valency?at=2"), runOwner(200)));
        rows.add(row("POST /api/runs/{id}/branch", post("/api/runs/" + annRun + "/branch", Map.of("atEvent", 3)),
                runOwner(201)));
        rows.add(row("DELETE /api/runs/{id}", (who, client) -> new Call(client, "DELETE", "/api/runs/" + newRunOfAnn(), null),
                runOwner(204)));
        rows.add(row("WEBSOCKET /api/runs/{id}/stream", (who, client) -> new Call(client, WEBSOCKET,
                "/api/runs/" + annRun + "/stream", null), runOwner(101)));
        rows.add(row("GET /api/searches", get("/api/searches"), signedIn(200)));
        // A search of one state ends at once: the row checks who may start one, not the explorer.
        rows.add(row("POST /api/searches", post("/api/searches", Map.of("runId", annRun, "bounds", Map.of("maxStates", 1))),
                runOwner(201)));
        rows.add(row("GET /api/searches/{id}", get("/api/searches/" + annSearch), runOwner(200)));
        // Ann's search has ended: its owner gets as far as "nothing to cancel", everyone else not even that.
        rows.add(row("POST /api/searches/{id}/cancel", post("/api/searches/" + annSearch + "/cancel", null), runOwner(409)));
        rows.add(row("POST /api/searches/{id}/open", post("/api/searches/" + annSearch + "/open", null), runOwner(201)));
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAdmitsExactlyTheRightPeople() {
        return rows().stream().flatMap(row -> row.expected().entrySet().stream().map(expected ->
                DynamicTest.dynamicTest(row.route() + " as " + expected.getKey(), () -> {
                    Who who = expected.getKey();
                    Call call = row.call().apply(who, clients.get(who));
                    if (call.method().equals(WEBSOCKET)) {
                        assertThat(handshake(call)).as("WebSocket %s as %s", call.path(), who).isEqualTo(expected.getValue());
                        return;
                    }
                    HttpResponse<String> response = call.client().send(call.method(), call.path(), call.body(),
                            call.client().csrfToken());
                    assertThat(response.statusCode()).as("%s %s as %s: %s", call.method(), call.path(), who,
                            response.body()).isEqualTo(expected.getValue());
                    if (response.statusCode() >= 400) {
                        assertThat(json(response).path("error").path("message").asText()).isNotBlank();
                    }
                })));
    }

    @Test
    void theMatrixCoversEveryApiRoute() {
        assertThat(rows().stream().map(Row::route)).containsExactlyInAnyOrderElementsOf(server.app().apiRoutes());
    }

    @Test
    void eachPersonListsOnlyTheirOwnCourses() {
        // Other tests add courses to people's lists (joining Z, a course made for Ann), never course Y.
        assertThat(codes(Who.STUDENT_A)).contains("X-101").doesNotContain("Y-201");
        assertThat(codes(Who.STUDENT_B)).contains("X-101").doesNotContain("Y-201");
        assertThat(codes(Who.OTHER_INSTRUCTOR)).doesNotContain("X-101").contains("Y-201");
        assertThat(codes(Who.INSTRUCTOR)).doesNotContain("Y-201").contains("X-101");
        assertThat(codes(Who.ADMIN)).contains("X-101", "Y-201", "Z-301");

        JsonNode asStudent = course(Who.STUDENT_A, "X-101");
        assertThat(asStudent.path("role").asText()).isEqualTo("STUDENT");
        assertThat(asStudent.path("canManage").asBoolean()).isFalse();
        assertThat(asStudent.has("joinCode")).isFalse();
        assertThat(course(Who.INSTRUCTOR, "X-101").path("joinCode").asText()).hasSize(10);
        assertThat(course(Who.ADMIN, "Y-201").path("canManage").asBoolean()).isTrue();
    }

    @Test
    void aStudentSeesTheCourseAndItsLabsButNeitherTheJoinCodeNorOtherStudents() {
        HttpResponse<String> response = clients.get(Who.STUDENT_A).get(x());

        JsonNode course = json(response);
        assertThat(course.path("title").asText()).isEqualTo("Course X");
        assertThat(course.has("joinCode")).isFalse();
        assertThat(response.body()).doesNotContain("bob@x.test").doesNotContain("Bob Student");
    }

    @Test
    void theInstructorSeesBothStudentsAndTheOtherInstructorSeesNothing() {
        JsonNode members = json(clients.get(Who.INSTRUCTOR).get(x() + "/members")).path("members");
        List<String> emailsSeen = StreamSupport.stream(members.spliterator(), false).map(m -> m.path("email").asText()).toList();

        assertThat(emailsSeen).contains("ann@x.test", "bob@x.test", "iris@x.test");
        HttpResponse<String> other = clients.get(Who.OTHER_INSTRUCTOR).get(x() + "/members");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("ann@x.test");
    }

    @Test
    void aStudentCannotRemoveAnotherStudent() {
        HttpResponse<String> response = clients.get(Who.STUDENT_A).delete(x() + "/students/" + studentB);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(accounts.isEnrolled(courseX, studentB)).isTrue();
    }

    @Test
    void aCourseThatDoesNotExistLooksLikeOneYouDoNotBelongTo() {
        HttpResponse<String> missing = clients.get(Who.STUDENT_A).get("/api/courses/999999");
        HttpResponse<String> foreign = clients.get(Who.STUDENT_A).get("/api/courses/" + courseY);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(json(foreign).path("error")).isEqualTo(json(missing).path("error"));
        assertThat(clients.get(Who.ADMIN).get("/api/courses/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyInstructorsAndAdministratorsSeeWhyALabDoesNotLoad() {
        for (Who who : Who.values()) {
            JsonNode catalog = json(clients.get(who).get("/api/labs"));
            boolean writesLabs = who == Who.INSTRUCTOR || who == Who.OTHER_INSTRUCTOR || who == Who.ADMIN;
            assertThat(catalog.path("labs").findValuesAsText("id")).as(who.name()).contains(GRADED_LAB);
            assertThat(catalog.has("problems")).as(who.name()).isEqualTo(writesLabs);
            if (writesLabs) {
                assertThat(catalog.path("problems").findValuesAsText("id")).as(who.name()).contains("broken-lab");
            }
        }
    }

    @Test
    void aStudentCannotReadAnotherStudentsWork() {
        String round1 = x() + "/labs/" + GRADED_LAB + "/exercises/round1/draft";
        assertThat(clients.get(Who.STUDENT_A).put(round1, Map.of("answer", Map.of("cells", Map.of("-/P1", "ANNS-DRAFT"))))
                .statusCode()).isEqualTo(204);

        HttpResponse<String> annsSheet = clients.get(Who.STUDENT_A).get(x() + "/labs/" + GRADED_LAB);
        HttpResponse<String> bobsSheet = clients.get(Who.STUDENT_B).get(x() + "/labs/" + GRADED_LAB);
        HttpResponse<String> bobsGrades = clients.get(Who.STUDENT_B).get(x() + "/grades");

        assertThat(annsSheet.body()).contains("ANNS-DRAFT");
        assertThat(bobsSheet.body()).doesNotContain("ANNS-DRAFT");
        assertThat(bobsGrades.body()).doesNotContain("ann@x.test").doesNotContain("Ann Student");
        assertThat(clients.get(Who.STUDENT_B).get(x() + "/gradebook").statusCode()).isEqualTo(403);
    }

    @Test
    void aMalformedIdIsA400NamingTheField() {
        HttpResponse<String> response = clients.get(Who.ADMIN).get("/api/courses/abc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("details").path("field").asText()).isEqualTo("courseId");
    }

    @Test
    void onlyAdministratorsCreateCoursesForSomeoneElse() {
        Map<String, String> forAnn = Map.of("code", "FOR-ANN", "title", "For Ann", "instructorEmail", "ann@x.test");

        assertThat(clients.get(Who.INSTRUCTOR).post("/api/courses", forAnn).statusCode()).isEqualTo(403);
        HttpResponse<String> created = clients.get(Who.ADMIN).post("/api/courses", forAnn);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(codes(Who.STUDENT_A)).contains("FOR-ANN");
        assertThat(course(Who.STUDENT_A, "FOR-ANN").path("role").asText()).isEqualTo("INSTRUCTOR");
    }

    private static List<String> codes(Who who) {
        JsonNode courses = json(clients.get(who).get("/api/courses")).path("courses");
        return StreamSupport.stream(courses.spliterator(), false).map(c -> c.path("code").asText()).toList();
    }

    private static JsonNode course(Who who, String code) {
        JsonNode courses = json(clients.get(who).get("/api/courses")).path("courses");
        return StreamSupport.stream(courses.spliterator(), false).filter(c -> c.path("code").asText().equals(code))
                .findFirst().orElseThrow();
    }

    /** A new browser signed in as the same person, for calls that end or replace its session. */
    private static ApiClient fresh(Who who) {
        return switch (who) {
            case ANONYMOUS -> accounts.anonymous();
            case ADMIN -> accounts.loginAsAdmin();
            default -> accounts.login(emails.get(who));
        };
    }

    private static String x() {
        return "/api/courses/" + courseX;
    }

    private static Row row(String route, BiFunction<Who, ApiClient, Call> call, Map<Who, Integer> expected) {
        return new Row(route, call, expected);
    }

    private static BiFunction<Who, ApiClient, Call> get(String path) {
        return (who, client) -> new Call(client, "GET", path, null);
    }

    private static BiFunction<Who, ApiClient, Call> post(String path, Object body) {
        return (who, client) -> new Call(client, "POST", path, body);
    }

    private static BiFunction<Who, ApiClient, Call> put(String path, Object body) {
        return (who, client) -> new Call(client, "PUT", path, body);
    }

    private static Map<Who, Integer> expect(int anonymous, int studentA, int studentB, int otherInstructor,
                                            int instructor, int admin) {
        Map<Who, Integer> expected = new EnumMap<>(Who.class);
        expected.put(Who.ANONYMOUS, anonymous);
        expected.put(Who.STUDENT_A, studentA);
        expected.put(Who.STUDENT_B, studentB);
        expected.put(Who.OTHER_INSTRUCTOR, otherInstructor);
        expected.put(Who.INSTRUCTOR, instructor);
        expected.put(Who.ADMIN, admin);
        return expected;
    }

    private static Map<Who, Integer> all(int status) {
        return expect(status, status, status, status, status, status);
    }

    private static Map<Who, Integer> signedIn(int status) {
        return expect(401, status, status, status, status, status);
    }

    private static Map<Who, Integer> runOwner(int status) {
        return expect(401, status, 404, 404, 404, status);
    }

    private static String newRunOfAnn() {
        HttpResponse<String> created = clients.get(Who.STUDENT_A).post("/api/runs", Map.of("recipe", RECIPE));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("run").path("id").asText();
    }

    /** A search of Ann's that found a violation, waited for until it has. */
    private static String foundSearchOfAnn() {
        HttpResponse<String> created = clients.get(Who.STUDENT_A).post("/api/runs", Map.of("recipe", BROKEN_FLOODING));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> started = clients.get(Who.STUDENT_A).post("/api/searches", Map.of(
                "runId", json(created).path("run").path("id").asText(), "property", "agreement",
                "bounds", Map.of("maxDepth", 30, "maxCrashes", 1, "probes", 0)));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String id = json(started).path("id").asText();
        SearchWait.awaitSearch(clients.get(Who.STUDENT_A), id, SearchWait.status("FOUND"), "Ann's search to find the violation");
        return id;
    }

    /** 101 when the socket opens, else the status the upgrade was refused with. */
    private static int handshake(Call call) {
        java.net.http.WebSocket.Builder builder = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder();
        call.client().cookie("faultlab_session").ifPresent(c -> builder.header("Cookie", "faultlab_session=" + c.getValue()));
        try {
            builder.buildAsync(java.net.URI.create("ws://localhost:" + server.app().port() + call.path()),
                    new java.net.http.WebSocket.Listener() { }).get(10, java.util.concurrent.TimeUnit.SECONDS).abort();
            return 101;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<Who, Integer> courseCreators(int status) {
        return expect(401, 403, 403, status, status, status);
    }

    private static Map<Who, Integer> courseMembers(int status) {
        return expect(401, status, status, 404, status, status);
    }

    /** Work of one's own in a course: its students only; its instructors and administrators have none there. */
    private static Map<Who, Integer> courseStudents(int status) {
        return expect(401, status, status, 404, 403, 403);
    }

    private static Map<Who, Integer> courseInstructors(int status) {
        return expect(401, 403, 403, 404, status, status);
    }

    private static Map<Who, Integer> adminOnly(int status) {
        return expect(401, 403, 403, 403, 403, status);
    }
}
