package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.Classroom;
import dev.faultlab.support.Classroom.Student;
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
import java.util.stream.Stream;

import static dev.faultlab.support.Classroom.exercise;
import static dev.faultlab.support.Classroom.flipped;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a student learns from a graded attempt, over HTTP: unreadable cells refused for free, true cells never
 * marked wrong by error carried forward, feedback at the exercise's level with the rule behind each wrong row,
 * the worked solution on reveal, and what the instructor reads of it all.
 */
class FeedbackIT {
    static final String FLOODING = "flooding-consensus";

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Classroom byzantine;

    @BeforeAll
    static void start() {
        Classroom.installLab(dataDir);
        Labs.copyFromRepository(dataDir, FLOODING);
        server = TestServer.start(dataDir);
        byzantine = Classroom.open(server, dataDir, null, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSetCellThatIsNotASetIsRefusedNamingTheCellAndUsesNoAttempt() {
        Accounts accounts = new Accounts(server);
        accounts.createUser("flood-teacher@x.test", "Flo Teacher", true);
        ApiClient teacher = accounts.login("flood-teacher@x.test");
        long course = Accounts.createCourse(teacher, "FLOOD-1", "Flooding").path("id").asLong();
        Map<String, Object> dates = new HashMap<>();
        dates.put("opensAt", null);
        dates.put("dueAt", null);
        assertThat(teacher.put("/api/courses/" + course + "/labs/" + FLOODING, dates).statusCode()).isEqualTo(200);
        long id = accounts.createUser("flood-student@x.test", "Flo Student", false);
        accounts.enroll(course, id, "STUDENT");
        ApiClient student = accounts.login("flood-student@x.test");
        String lab = "/api/courses/" + course + "/labs/" + FLOODING;
        JsonNode input = exercise(json(student.get(lab)), "known").path("input");
        assertThat(input.path("formats").path("V").path("kind").asText()).isEqualTo("SET");

        for (String unreadable : List.of("{banana}", "{1;4;8}", "{1, 4")) {
            Map<String, String> cells = new HashMap<>();
            input.path("cells").forEach(cell -> cells.put(cell.asText(), "{1, 4}"));
            cells.put("P1/V", unreadable);
            HttpResponse<String> response = student.post(lab + "/exercises/known/submissions",
                    Map.of("submissionId", UUID.randomUUID().toString(), "answer", Map.of("cells", cells)));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
            assertThat(json(response).at("/error/details/problems/0").asText())
                    .isEqualTo("Row 'P1', column 'V after round 1': '" + unreadable + "' is not a set of whole numbers such as {1, 4} or 'crashed'.");
        }
        assertThat(exercise(json(student.get(lab)), "known").at("/progress/attemptsUsed").asInt()).isZero();
    }

    @Test
    void aCellEqualToTheRunsValueIsRightWhateverCameBefore() {
        Student ada = byzantine.join("Ada");
        String loyal = loyalOrigin(ada);
        byzantine.submit(ada, "round1", flipped(byzantine.expected(ada, "round1", 0), "-/" + loyal));
        submitExpected(ada, "round2");
        submitExpected(ada, "round3");

        JsonNode round2 = json(byzantine.instructor().get(byzantine.labPath() + "/students/" + ada.id() + "/attempts"));
        JsonNode vector = json(byzantine.submit(ada, "vector", byzantine.expected(ada, "vector", 0))).path("submission");

        assertThat(vector.at("/grade/score").asDouble()).isEqualTo(1.0);
        assertThat(vector.at("/grade/feedback").asText()).doesNotContain("earlier answers");
        JsonNode round2Grade = exerciseAttempts(round2, "round2").get(0).path("grade");
        assertThat(round2Grade.path("score").asDouble()).as("the true round 2, after a wrong round 1").isEqualTo(1.0);
    }

    @Test
    void aCellThatFollowsFromTheStudentsOwnEarlierAnswerIsAlsoRightAndOnlyThenSaysSo() {
        Student bo = byzantine.join("Bo");
        String loyal = loyalOrigin(bo);
        byzantine.submit(bo, "round1", flipped(byzantine.expected(bo, "round1", 0), "-/" + loyal));
        JsonNode right = byzantine.expected(bo, "round2", 0);
        String followsCell = loyalRelayCell(bo, right, loyal);

        JsonNode grade = json(byzantine.submit(bo, "round2", flipped(right, followsCell))).at("/submission/grade");

        assertThat(grade.path("score").asDouble()).isEqualTo(1.0);
        assertThat(grade.path("feedback").asText()).contains("1 cell is right by what follows from your earlier answers");
    }

    @Test
    void onATwoValuedGridTheStudentLearnsHowManyCellsOfARowAreWrongAndTheRuleNotWhichCell() {
        Student cy = byzantine.join("Cy");
        JsonNode right = byzantine.expected(cy, "round2", 0);
        String traitor = traitors(cy).get(0);
        String cell = traitor + "/" + firstOrigin(right, traitor);

        JsonNode body = json(byzantine.submit(cy, "round2", flipped(right, cell)));
        JsonNode grade = body.at("/submission/grade");

        assertThat(grade.path("level").asText()).isEqualTo("ROWS");
        assertThat(grade.path("cells")).isEmpty();
        assertThat(grade.toString()).doesNotContain(cell);
        assertThat(body.at("/progress/last/grade").toString()).doesNotContain(cell);
        JsonNode row = rowGrade(grade, traitor);
        assertThat(row.path("wrong").asInt()).isEqualTo(1);
        assertThat(row.path("feedback").asText()).isEqualTo(traitor + " is a traitor: what it tells P3 comes from its lie table "
                + "(its lie for P3), whatever it heard");
        assertThat(grade.path("rows").findValuesAsText("feedback").stream().filter(f -> !f.isEmpty())).hasSize(1);
        assertThat(exercise(byzantine.sheet(cy.client()), "round2").at("/progress/last/grade/cells")).isEmpty();

        JsonNode full = exerciseAttempts(json(byzantine.instructor().get(byzantine.labPath() + "/students/" + cy.id()
                + "/attempts")), "round2").get(0).path("grade");
        assertThat(full.path("cells").findValuesAsText("cell")).contains(cell);
        JsonNode missed = json(byzantine.instructor().get(byzantine.labPath() + "/gradebook")).path("stats");
        assertThat(missed.findValues("mostMissed").stream().flatMap(m -> Stream.of(m.findValuesAsText("label").toArray(String[]::new))))
                .contains("Row '" + traitor + " says', column '" + cell.substring(cell.indexOf('/') + 1) + "'");
    }

    @Test
    void aStudentWhoUsedEveryAttemptSeesTheWorkedSolutionAndEveryCell() {
        Student di = byzantine.join("Di");
        JsonNode wrong = flipped(byzantine.expected(di, "vector", 0), "vector/P3");
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(byzantine.submit(di, "vector", wrong).statusCode()).isEqualTo(200);
        }

        JsonNode progress = exercise(byzantine.sheet(di.client()), "vector").path("progress");

        assertThat(progress.path("revealed").isObject()).isTrue();
        JsonNode steps = progress.at("/solution/steps");
        assertThat(steps).hasSize(7);
        assertThat(steps.get(0).path("text").asText()).contains("heard directly").contains("P2 says").contains("votes");
        assertThat(steps.get(0).path("events")).isNotEmpty();
        assertThat(progress.at("/last/grade/cells").findValuesAsText("cell")).contains("vector/P3");
        assertThat(progress.at("/last/grade/cells").findValuesAsText("feedback"))
                .contains("Row 'vector', column 'P3': P3's own entry is its own initial value.");
    }

    @Test
    void theAgreementQuestionsOptionsDoNotArgueForAnAnswer() {
        JsonNode options = exercise(byzantine.sheet(byzantine.instructor()), "agree").at("/input/options");
        for (JsonNode option : options) {
            assertThat(option.path("text").asText()).doesNotContain("3m+1").doesNotContain("too many").doesNotContain(":");
        }
    }

    @Test
    void onlyTheCoursesInstructorsReadAStudentsAttempts() {
        Student ed = byzantine.join("Ed");
        Student fay = byzantine.join("Fay");
        submitExpected(ed, "agree");

        assertThat(ed.client().get(byzantine.labPath() + "/students/" + ed.id() + "/attempts").statusCode()).isEqualTo(403);
        assertThat(byzantine.instructor().get(byzantine.labPath() + "/students/999999/attempts").statusCode()).isEqualTo(404);
        JsonNode view = json(byzantine.instructor().get(byzantine.labPath() + "/students/" + ed.id() + "/attempts"));
        assertThat(view.at("/student/displayName").asText()).isEqualTo("Ed");
        assertThat(exerciseAttempts(view, "agree")).hasSize(1);
        assertThat(exerciseAttempts(view, "round1")).isEmpty();
        assertThat(exerciseAttempts(json(byzantine.instructor().get(byzantine.labPath() + "/students/" + fay.id() + "/attempts")),
                "agree")).isEmpty();
    }

    private static void submitExpected(Student student, String exerciseId) {
        HttpResponse<String> response = byzantine.submit(student, exerciseId, byzantine.expected(student, exerciseId, 0));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static List<String> traitors(Student student) {
        return byzantine.sheet(student.client()).path("given").get(1).path("rows").findValuesAsText("label");
    }

    private static String loyalOrigin(Student student) {
        List<String> traitors = traitors(student);
        return Stream.of("P1", "P2", "P4", "P5", "P6", "P7").filter(p -> !traitors.contains(p)).findFirst().orElseThrow();
    }

    /** A round 2 cell where a loyal relay repeats what {@code origin} (loyal) told P3 in round 1. */
    private static String loyalRelayCell(Student student, JsonNode round2, String origin) {
        List<String> traitors = traitors(student);
        for (var it = round2.path("cells").fieldNames(); it.hasNext(); ) {
            String cell = it.next();
            String relay = cell.substring(0, cell.indexOf('/'));
            if (cell.endsWith("/" + origin) && !traitors.contains(relay)) {
                return cell;
            }
        }
        throw new AssertionError("no loyal relay of " + origin + " in " + round2);
    }

    private static String firstOrigin(JsonNode answer, String row) {
        for (var it = answer.path("cells").fieldNames(); it.hasNext(); ) {
            String cell = it.next();
            if (cell.startsWith(row + "/")) {
                return cell.substring(row.length() + 1);
            }
        }
        throw new AssertionError("no row " + row + " in " + answer);
    }

    private static JsonNode rowGrade(JsonNode grade, String row) {
        for (JsonNode r : grade.path("rows")) {
            if (r.path("row").asText().equals(row)) {
                return r;
            }
        }
        throw new AssertionError("no row " + row + " in " + grade);
    }

    static JsonNode exerciseAttempts(JsonNode view, String exerciseId) {
        for (JsonNode exercise : view.path("exercises")) {
            if (exercise.path("id").asText().equals(exerciseId)) {
                return exercise.path("attempts");
            }
        }
        throw new AssertionError("no exercise " + exerciseId + " in " + view);
    }
}
