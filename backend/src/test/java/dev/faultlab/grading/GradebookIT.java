package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.Classroom;
import dev.faultlab.support.Classroom.Student;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static dev.faultlab.store.db.Tables.SUBMISSIONS;
import static dev.faultlab.support.Classroom.firstCell;
import static dev.faultlab.support.Classroom.flipped;
import static dev.faultlab.support.Classroom.otherChoice;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What instructors read and do about grades, and that students see only their own. */
class GradebookIT {
    @TempDir
    static Path dataDir;
    static TestServer server;
    /** Ann has full marks on round1 and agree; Bob one wrong cell on round1 and a wrong choice; Cid nothing. */
    static Classroom classroom;
    static Student ann;
    static Student bob;
    static Student cid;
    static String bobsWrongCell;

    @BeforeAll
    static void start() {
        Classroom.installLab(dataDir);
        server = TestServer.start(dataDir, Accounts.withAdmin());
        classroom = Classroom.open(server, dataDir, null, null);
        ann = classroom.join("Ann Able");
        bob = classroom.join("=HYPERLINK(\"http://evil.test\",\"Bob\")");
        cid = classroom.join("Cid Absent");
        accepted(classroom.submit(ann, "round1", classroom.expected(ann, "round1", 0)));
        accepted(classroom.submit(ann, "agree", classroom.expected(ann, "agree", 0)));
        JsonNode bobsRound1 = classroom.expected(bob, "round1", 0);
        bobsWrongCell = firstCell(bobsRound1);
        accepted(classroom.submit(bob, "round1", flipped(bobsRound1, bobsWrongCell)));
        accepted(classroom.submit(bob, "agree", otherChoice(classroom.expected(bob, "agree", 0))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static JsonNode row(JsonNode students, long userId) {
        return StreamSupport.stream(students.spliterator(), false)
                .filter(s -> s.path("userId").asLong() == userId).findFirst().orElseThrow();
    }

    private static JsonNode byField(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(e -> e.path(field).asText().equals(value)).findFirst().orElseThrow();
    }

    @Test
    void theLabGradebookHasEveryStudentWithCountedPointsAndAttempts() {
        JsonNode book = json(classroom.instructor().get(classroom.labPath() + "/gradebook"));
        JsonNode students = book.path("students");

        assertThat(students).hasSize(3);
        assertThat(row(students, ann.id()).path("points").asDouble()).isEqualTo(8.0);
        assertThat(row(students, ann.id()).path("attempts").asInt()).isEqualTo(2);
        JsonNode bobsRound1 = byField(row(students, bob.id()).path("exercises"), "exerciseId", "round1");
        assertThat(bobsRound1.path("points").asDouble()).isBetween(0.0, 6.0).isNotIn(0.0, 6.0);
        assertThat(row(students, cid.id()).path("points").asDouble()).isZero();
        assertThat(byField(row(students, cid.id()).path("exercises"), "exerciseId", "round1").path("points").isNull()).isTrue();
        assertThat(book.path("lab").path("exercises").findValuesAsText("id"))
                .containsExactlyElementsOf(classroom.lab().exercises().stream().map(e -> e.id()).toList());
    }

    @Test
    void theStatisticsAreOverEachStudentsCountedSubmission() {
        JsonNode stats = json(classroom.instructor().get(classroom.labPath() + "/gradebook")).path("stats");
        JsonNode round1 = byField(stats, "exerciseId", "round1");
        JsonNode agree = byField(stats, "exerciseId", "agree");
        JsonNode round2 = byField(stats, "exerciseId", "round2");

        assertThat(round1.path("attempted").asInt()).isEqualTo(2);
        assertThat(round1.path("distribution").get(9).asInt()).isEqualTo(1);
        assertThat(round1.path("mostMissed").get(0).path("cell").asText()).isEqualTo(bobsWrongCell);
        assertThat(round1.path("mostMissed").get(0).path("missed").asInt()).isEqualTo(1);
        assertThat(agree.path("mean").asDouble()).isEqualTo(1.0);
        assertThat(agree.path("distribution").get(0).asInt()).isEqualTo(1);
        assertThat(round2.path("attempted").asInt()).isZero();
        assertThat(round2.path("mean").isNull()).isTrue();
    }

    @Test
    void theCourseGradebookSumsEachLab() {
        JsonNode book = json(classroom.instructor().get("/api/courses/" + classroom.courseId() + "/gradebook"));

        assertThat(book.path("labs").findValuesAsText("labId")).containsExactly(Classroom.LAB);
        JsonNode annsLab = row(book.path("students"), ann.id()).path("labs").get(0);
        assertThat(annsLab.path("points").asDouble()).isEqualTo(8.0);
        assertThat(annsLab.path("attempts").asInt()).isEqualTo(2);
        assertThat(row(book.path("students"), ann.id()).path("points").asDouble()).isEqualTo(8.0);
    }

    @Test
    void theCsvReadsBackAndDefusesANameThatLooksLikeAFormula() throws IOException {
        HttpResponse<String> response = classroom.instructor().get(classroom.labPath() + "/gradebook.csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        List<List<String>> rows;
        try (MappingIterator<List<String>> read = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(response.body())) {
            rows = read.readAll();
        }
        assertThat(rows.get(0)).startsWith("userId", "email", "displayName", "round1").endsWith("points", "attempts");
        assertThat(rows).hasSize(4);
        List<String> bobs = rows.stream().filter(r -> r.get(0).equals(String.valueOf(bob.id()))).findFirst().orElseThrow();
        assertThat(bobs.get(2)).isEqualTo("'=HYPERLINK(\"http://evil.test\",\"Bob\")");
        List<String> anns = rows.stream().filter(r -> r.get(0).equals(String.valueOf(ann.id()))).findFirst().orElseThrow();
        assertThat(anns.get(rows.get(0).indexOf("points"))).isEqualTo("8.0");
    }

    @Test
    void aStudentSeesTheirOwnGradesOnly() {
        JsonNode annsGrades = json(ann.client().get("/api/courses/" + classroom.courseId() + "/grades"));
        HttpResponse<String> cidsGrades = cid.client().get("/api/courses/" + classroom.courseId() + "/grades");

        JsonNode lab = annsGrades.path("labs").get(0);
        assertThat(lab.path("points").asDouble()).isEqualTo(8.0);
        assertThat(byField(lab.path("exercises"), "exerciseId", "round1").path("points").asDouble()).isEqualTo(6.0);
        assertThat(json(cidsGrades).path("labs").get(0).path("points").asDouble()).isZero();
        assertThat(cidsGrades.body()).doesNotContain("Ann Able").doesNotContain("userId");
    }

    @Test
    void aStudentCannotReadTheGradebookAndAnotherCoursesInstructorCannotFindIt() {
        Classroom other = Classroom.open(server, dataDir, null, null);

        assertThat(ann.client().get(classroom.labPath() + "/gradebook").statusCode()).isEqualTo(403);
        assertThat(ann.client().get(classroom.labPath() + "/gradebook.csv").statusCode()).isEqualTo(403);
        assertThat(ann.client().get("/api/courses/" + classroom.courseId() + "/gradebook").statusCode()).isEqualTo(403);
        assertThat(other.instructor().get(classroom.labPath() + "/gradebook").statusCode()).isEqualTo(404);
        assertThat(other.instructor().post(classroom.labPath() + "/regrade", Map.of()).statusCode()).isEqualTo(404);
        assertThat(classroom.instructor().get("/api/courses/" + classroom.courseId() + "/grades").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aRegradePreviewChangesNothingAndApplyFixesAGradeStoredTooLow() {
        Classroom regrading = Classroom.open(server, dataDir, null, null);
        Student dan = regrading.join("Dan");
        long id = json(regrading.submit(dan, "agree", regrading.expected(dan, "agree", 0))).path("submission").path("id").asLong();
        storeGrade(id, 0.0, 0.0);

        JsonNode preview = json(regrading.instructor().post(regrading.labPath() + "/regrade", Map.of("apply", false)));
        double storedAfterPreview = storedPoints(id);
        JsonNode applied = json(regrading.instructor().post(regrading.labPath() + "/regrade",
                Map.of("apply", true, "neverLower", true)));

        JsonNode change = byField(preview.path("counted"), "exerciseId", "agree");
        assertThat(change.path("userId").asLong()).isEqualTo(dan.id());
        assertThat(change.path("before").asDouble()).isZero();
        assertThat(change.path("after").asDouble()).isEqualTo(2.0);
        assertThat(preview.path("applied").asBoolean()).isFalse();
        assertThat(storedAfterPreview).isZero();
        assertThat(applied.path("scoresChanged").asInt()).isEqualTo(1);
        assertThat(storedPoints(id)).isEqualTo(2.0);
        assertThat(regradeEvents()).anySatisfy(e -> assertThat(e.path("details").path("labId").asText()).isEqualTo(Classroom.LAB));
    }

    @Test
    void neverLowerKeepsAGradeStoredTooHighUnlessTurnedOff() {
        Classroom regrading = Classroom.open(server, dataDir, null, null);
        Student eve = regrading.join("Eve");
        long id = json(regrading.submit(eve, "agree", otherChoice(regrading.expected(eve, "agree", 0))))
                .path("submission").path("id").asLong();
        storeGrade(id, 1.0, 2.0);

        JsonNode kept = json(regrading.instructor().post(regrading.labPath() + "/regrade",
                Map.of("apply", true, "neverLower", true)));
        double afterKeeping = storedPoints(id);
        JsonNode lowered = json(regrading.instructor().post(regrading.labPath() + "/regrade",
                Map.of("apply", true, "neverLower", false)));

        assertThat(kept.path("regraded").asInt()).isZero();
        assertThat(afterKeeping).isEqualTo(2.0);
        assertThat(byField(lowered.path("counted"), "exerciseId", "agree").path("after").asDouble()).isZero();
        assertThat(storedPoints(id)).isZero();
    }

    /** Stands for a grade given by an older, wrong grader. */
    private static void storeGrade(long submissionId, double score, double points) {
        server.app().database().sql().update(SUBMISSIONS).set(SUBMISSIONS.SCORE, score).set(SUBMISSIONS.POINTS, points)
                .where(SUBMISSIONS.ID.eq(submissionId)).execute();
    }

    private static double storedPoints(long submissionId) {
        return server.app().database().sql().select(SUBMISSIONS.POINTS).from(SUBMISSIONS)
                .where(SUBMISSIONS.ID.eq(submissionId)).fetchSingle().value1();
    }

    private static List<JsonNode> regradeEvents() {
        JsonNode events = json(new Accounts(server).loginAsAdmin().get("/api/admin/audit")).path("events");
        return StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.path("action").asText().equals("lab.regraded")).toList();
    }
}
