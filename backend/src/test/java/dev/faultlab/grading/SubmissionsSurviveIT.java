package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.lab.Lab;
import dev.faultlab.lab.LabCatalog;
import dev.faultlab.lab.ReferenceGrading;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.lab.VariantKey;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.ApiClient;
import dev.faultlab.support.Classroom;
import dev.faultlab.support.KillableServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 while students submit steadily: every submission that was answered 200 is there after the restart. */
class SubmissionsSurviveIT {
    private static final String PASSWORD = "a password nobody guesses";
    private static final List<String> EXERCISES = List.of("round1", "round2", "round3", "vector", "others", "agree");
    private static final int STUDENTS = 6;

    /** What a student was told: the exercise, the attempt and the submission's id, for the submissionId they chose. */
    private record Acknowledged(long studentId, UUID submissionId, String exercise, int attempt, long id) {
    }

    @TempDir
    Path dataDir;
    private final ReferenceGrading grading = new ReferenceGrading(Protocols.registry());
    private Lab lab;

    @Test
    void everyAcknowledgedSubmissionSurvivesAKill() throws Exception {
        Classroom.installLab(dataDir);
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        long courseId;
        List<ApiClient> students = new ArrayList<>();
        List<Long> studentIds = new ArrayList<>();
        String base;
        try (KillableServer doomed = KillableServer.start(dataDir)) {
            base = doomed.baseUrl();
            ApiClient admin = login(base, Accounts.ADMIN_EMAIL, Accounts.ADMIN_PASSWORD);
            JsonNode course = Accounts.createCourse(admin, "KILL-1", "Submissions that survive");
            courseId = course.path("id").asLong();
            assertThat(admin.put(labPath(courseId), Map.of()).statusCode()).isEqualTo(200);
            for (int i = 0; i < STUDENTS; i++) {
                ApiClient student = ApiClient.at(base);
                String email = "survivor" + i + "@grading.test";
                assertThat(student.post("/api/signup", Map.of("email", email, "displayName", "Survivor " + i,
                        "password", PASSWORD, "joinCode", course.path("joinCode").asText())).statusCode()).isEqualTo(202);
                students.add(login(base, email, PASSWORD));
                studentIds.add(json(students.get(i).get("/api/session")).path("user").path("id").asLong());
            }
            // Each student submits to every exercise in turn, until their attempts run out or the server dies.
            CountDownLatch enough = new CountDownLatch(30);
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                ApiClient student = students.get(i);
                long studentId = studentIds.get(i);
                Map<String, JsonNode> answers = EXERCISES.stream().collect(Collectors.toMap(e -> e, e -> answer(courseId, studentId, e)));
                Thread worker = new Thread(() -> submitUntilRefused(student, courseId, studentId, answers, acknowledged, enough));
                worker.setDaemon(true);
                worker.start();
                workers.add(worker);
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("30 submissions answered").isTrue();
            doomed.kill();
            for (Thread worker : workers) {
                worker.join(TimeUnit.SECONDS.toMillis(60));
            }
        }

        try (KillableServer revived = KillableServer.start(dataDir)) {
            ApiClient admin = login(revived.baseUrl(), Accounts.ADMIN_EMAIL, Accounts.ADMIN_PASSWORD);
            for (long studentId : studentIds) {
                HttpResponse<String> attempts = admin.get(labPath(courseId) + "/students/" + studentId + "/attempts");
                assertThat(attempts.statusCode()).as(attempts.body()).isEqualTo(200);
                Set<String> stored = new HashSet<>();
                for (JsonNode exercise : json(attempts).path("exercises")) {
                    for (JsonNode attempt : exercise.path("attempts")) {
                        stored.add(exercise.path("id").asText() + "#" + attempt.path("attempt").asInt());
                    }
                }
                Set<String> told = acknowledged.stream().filter(a -> a.studentId() == studentId)
                        .map(a -> a.exercise() + "#" + a.attempt()).collect(Collectors.toSet());
                assertThat(stored).as("student %d", studentId).containsAll(told);
            }
            // A retry of an answered submit after the restart finds it, and uses no attempt.
            Acknowledged first = acknowledged.peek();
            ApiClient student = login(revived.baseUrl(), "survivor" + studentIds.indexOf(first.studentId()) + "@grading.test", PASSWORD);
            HttpResponse<String> retry = student.post(labPath(courseId) + "/exercises/" + first.exercise() + "/submissions",
                    Map.of("submissionId", first.submissionId().toString(),
                            "answer", answer(courseId, first.studentId(), first.exercise())));
            assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
            assertThat(json(retry).path("submission").path("id").asLong()).isEqualTo(first.id());
        }
    }

    private static void submitUntilRefused(ApiClient student, long courseId, long studentId, Map<String, JsonNode> answers,
                                           ConcurrentLinkedQueue<Acknowledged> acknowledged, CountDownLatch enough) {
        try {
            for (int turn = 0; turn < 3 * EXERCISES.size(); turn++) {
                String exercise = EXERCISES.get(turn % EXERCISES.size());
                UUID submissionId = UUID.randomUUID();
                HttpResponse<String> response = student.post(labPath(courseId) + "/exercises/" + exercise + "/submissions",
                        Map.of("submissionId", submissionId.toString(), "answer", answers.get(exercise)));
                if (response.statusCode() != 200) {
                    return;
                }
                JsonNode submission = json(response).path("submission");
                acknowledged.add(new Acknowledged(studentId, submissionId, exercise, submission.path("attempt").asInt(),
                        submission.path("id").asLong()));
                enough.countDown();
            }
        } catch (RuntimeException serverGone) {
            // The kill cut this submit off: it was never answered, so it may or may not be stored.
        }
    }

    /** The student's expected answer, as the server's own grader works it out: one it reads and grades. */
    private JsonNode answer(long courseId, long studentId, String exercise) {
        if (lab == null) {
            lab = new LabCatalog(dataDir.resolve("labs"), grading, Clock.systemUTC()).lab(Classroom.LAB).orElseThrow();
        }
        return grading.expected(lab, new VariantKey(courseId, studentId, Classroom.LAB), exercise, 0);
    }

    private static ApiClient login(String base, String email, String password) {
        ApiClient client = ApiClient.at(base);
        HttpResponse<String> response = client.post("/api/session", Map.of("email", email, "password", password));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return client;
    }

    private static String labPath(long courseId) {
        return "/api/courses/" + courseId + "/labs/" + Classroom.LAB;
    }
}
