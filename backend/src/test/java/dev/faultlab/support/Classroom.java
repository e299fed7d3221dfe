package dev.faultlab.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.lab.Lab;
import dev.faultlab.lab.LabCatalog;
import dev.faultlab.lab.LabGrading;
import dev.faultlab.lab.ReferenceGrading;
import dev.faultlab.lab.VariantKey;
import dev.faultlab.protocols.Protocols;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A course using the byzantine-generals lab of the repository, its instructor and students who join it, for the
 * grading tests. Expected answers come from the lab package's own grader, as the server computes them.
 */
public final class Classroom {
    public static final String LAB = "byzantine-generals";
    private static final AtomicInteger FRESH = new AtomicInteger();

    /** A student of the course: their browser and their user id. */
    public record Student(ApiClient client, long id) {
    }

    private final Accounts accounts;
    private final Lab lab;
    private final LabGrading grading;
    private final ApiClient instructor;
    private final long courseId;
    private final String joinCode;

    private Classroom(Accounts accounts, Lab lab, LabGrading grading, ApiClient instructor,
                      JsonNode course) {
        this.accounts = accounts;
        this.lab = lab;
        this.grading = grading;
        this.instructor = instructor;
        this.courseId = course.path("id").asLong();
        this.joinCode = course.path("joinCode").asText();
    }

    /** Puts the lab where {@link TestServer#start} will find it; call before starting the server. */
    public static void installLab(Path dataDir) {
        Labs.copyFromRepository(dataDir, LAB);
    }

    /** A new course with a new instructor, using the lab between the given dates (null for none). */
    public static Classroom open(TestServer server, Path dataDir, Instant opensAt, Instant dueAt) {
        Accounts accounts = new Accounts(server);
        int n = FRESH.incrementAndGet();
        String email = "teacher" + n + "@grading.test";
        accounts.createUser(email, "Teacher " + n, true);
        ApiClient instructor = accounts.login(email);
        JsonNode course = Accounts.createCourse(instructor, "G-" + n, "Grading course " + n);
        // The server's own way of grading, so the answers the tests compute are the ones the server expects.
        ReferenceGrading grading = new ReferenceGrading(Protocols.registry());
        Lab lab = new LabCatalog(dataDir.resolve("labs"), grading, Clock.systemUTC()).lab(LAB).orElseThrow();
        Classroom classroom = new Classroom(accounts, lab, grading, instructor, course);
        classroom.setDates(opensAt, dueAt);
        return classroom;
    }

    public void setDates(Instant opensAt, Instant dueAt) {
        Map<String, Object> dates = new HashMap<>();
        dates.put("opensAt", opensAt == null ? null : opensAt.toString());
        dates.put("dueAt", dueAt == null ? null : dueAt.toString());
        HttpResponse<String> response = instructor.put("/api/courses/" + courseId + "/labs/" + LAB, dates);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Signs a new student up with the course's join code. */
    public Student join(String displayName) {
        ApiClient client = accounts.signUp("student" + FRESH.incrementAndGet() + "@grading.test", displayName, joinCode);
        return new Student(client, json(client.get("/api/session")).path("user").path("id").asLong());
    }

    public ApiClient instructor() {
        return instructor;
    }

    public long courseId() {
        return courseId;
    }

    public Lab lab() {
        return lab;
    }

    public String labPath() {
        return "/api/courses/" + courseId + "/labs/" + LAB;
    }

    /** The answer that earns full marks for this student's variant at that attempt. */
    public JsonNode expected(Student student, String exerciseId, int attempt) {
        return grading.expected(lab, new VariantKey(courseId, student.id(), LAB), exerciseId, attempt);
    }

    /** The answer that earns full marks in the student's practice variant {@code number}. */
    public JsonNode expectedInPractice(Student student, String exerciseId, int number) {
        return grading.expected(lab, new VariantKey(courseId, student.id(), LAB, number), exerciseId, 0);
    }

    public HttpResponse<String> submit(Student student, String exerciseId, Object answer) {
        return submit(student, exerciseId, UUID.randomUUID(), answer);
    }

    public HttpResponse<String> submit(Student student, String exerciseId, UUID submissionId, Object answer) {
        Map<String, Object> body = new HashMap<>();
        body.put("submissionId", submissionId.toString());
        body.put("answer", answer);
        return student.client().post(labPath() + "/exercises/" + exerciseId + "/submissions", body);
    }

    /** The student's sheet, after checking it was served. */
    public JsonNode sheet(ApiClient viewer) {
        HttpResponse<String> response = viewer.get(labPath());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** One exercise of a sheet. */
    public static JsonNode exercise(JsonNode sheet, String exerciseId) {
        for (JsonNode exercise : sheet.path("exercises")) {
            if (exercise.path("id").asText().equals(exerciseId)) {
                return exercise;
            }
        }
        throw new AssertionError("the sheet has no exercise " + exerciseId + ": " + sheet);
    }

    /** A grid answer with one cell's value swapped between ATTACK and RETREAT. */
    public static JsonNode flipped(JsonNode gridAnswer, String cell) {
        ObjectNode answer = gridAnswer.deepCopy();
        String value = answer.path("cells").path(cell).asText();
        assertThat(value).as("cell %s of %s", cell, gridAnswer).isIn("ATTACK", "RETREAT");
        ((ObjectNode) answer.path("cells")).put(cell, value.equals("ATTACK") ? "RETREAT" : "ATTACK");
        return answer;
    }

    /** The first cell of a grid answer, in the grader's order. */
    public static String firstCell(JsonNode gridAnswer) {
        return gridAnswer.path("cells").fieldNames().next();
    }

    /** A choice answer picking the option the expected one does not. */
    public static JsonNode otherChoice(JsonNode choiceAnswer) {
        String chosen = choiceAnswer.path("choices").path(0).asText();
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.putArray("choices").add(chosen.equals("agree") ? "disagree" : "agree");
        return answer;
    }
}
