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
import java.util.Map;

import static dev.faultlab.support.Classroom.exercise;
import static dev.faultlab.support.Classroom.flipped;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Practice variants over HTTP: drawn apart from the graded one, checked as often as wanted, never counted. */
class PracticeIT {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static Classroom classroom;

    @BeforeAll
    static void start() {
        Classroom.installLab(dataDir);
        Labs.install(dataDir, "one-variant", "A lab with one variant");
        server = TestServer.start(dataDir);
        classroom = Classroom.open(server, dataDir, null, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String practice(int number) {
        return classroom.labPath() + "/practice/" + number;
    }

    @Test
    void aPracticeVariantDiffersFromTheGradedOneAndItsChecksNeverCount() {
        Student ann = classroom.join("Ann");
        JsonNode graded = classroom.sheet(ann.client());
        assertThat(graded.at("/practice/offered").asBoolean()).isTrue();

        JsonNode sheet = json(ann.client().get(practice(1)));
        assertThat(sheet.path("practice").asInt()).isEqualTo(1);
        assertThat(sheet.path("given")).isNotEqualTo(graded.path("given"));

        JsonNode right = classroom.expectedInPractice(ann, "round1", 1);
        JsonNode wrong = flipped(right, Classroom.firstCell(right));
        for (int i = 0; i < 5; i++) {
            JsonNode check = json(ann.client().post(practice(1) + "/exercises/round1/check", Map.of("answer", wrong)));
            assertThat(check.at("/grade/score").asDouble()).isLessThan(1.0);
            assertThat(check.at("/grade/cells").findValuesAsText("cell")).as("practice shows every cell").isNotEmpty();
        }
        JsonNode check = json(ann.client().post(practice(1) + "/exercises/round1/check", Map.of("answer", right)));
        assertThat(check.at("/grade/score").asDouble()).isEqualTo(1.0);

        JsonNode progress = exercise(classroom.sheet(ann.client()), "round1").path("progress");
        assertThat(progress.path("attemptsUsed").asInt()).isZero();
        assertThat(progress.path("revealed").isNull()).isTrue();
        JsonNode own = json(ann.client().get("/api/courses/" + classroom.courseId() + "/grades"));
        assertThat(own.at("/labs/0/points").asDouble()).isZero();
    }

    @Test
    void aPracticeVariantsWorkedSolutionAndRunAreOpenBeforeTheGradedAnswersAreRevealed() {
        Student bo = classroom.join("Bo");

        JsonNode solution = json(bo.client().get(practice(2) + "/exercises/vector/solution"));
        assertThat(solution.path("expected")).isEqualTo(classroom.expectedInPractice(bo, "vector", 2));
        assertThat(solution.at("/solution/steps")).hasSize(7);

        Map<String, Object> lab = new HashMap<>();
        lab.put("courseId", classroom.courseId());
        lab.put("labId", Classroom.LAB);
        lab.put("practice", 2);
        HttpResponse<String> run = bo.client().post("/api/runs", Map.of("lab", lab));
        assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
        lab.remove("practice");
        assertThat(bo.client().post("/api/runs", Map.of("lab", lab)).statusCode()).as("the graded run opens after reveal").isEqualTo(403);
    }

    @Test
    void practiceCarriesErrorsForwardFromThePracticeAnswersSent() {
        Student cy = classroom.join("Cy");
        JsonNode round2 = classroom.expectedInPractice(cy, "round2", 3);

        JsonNode check = json(cy.client().post(practice(3) + "/exercises/round2/check",
                Map.of("answer", round2, "others", Map.of("round1", classroom.expectedInPractice(cy, "round1", 3)))));

        assertThat(check.at("/grade/score").asDouble()).isEqualTo(1.0);
    }

    @Test
    void practiceNumbersAreCheckedAndALabWithOneVariantOffersNone() {
        Student dee = classroom.join("Dee");
        HttpResponse<String> zero = dee.client().get(practice(0));
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(json(zero).at("/error/message").asText()).isEqualTo("practice must be a positive whole number, got '0'.");
        assertThat(dee.client().get(practice(1001)).statusCode()).isEqualTo(400);

        Accounts accounts = new Accounts(server);
        accounts.createUser("one@x.test", "One Teacher", true);
        ApiClient teacher = accounts.login("one@x.test");
        long course = Accounts.createCourse(teacher, "ONE-1", "One variant").path("id").asLong();
        Map<String, Object> dates = new HashMap<>();
        dates.put("opensAt", null);
        dates.put("dueAt", null);
        teacher.put("/api/courses/" + course + "/labs/one-variant", dates);
        JsonNode sheet = json(teacher.get("/api/courses/" + course + "/labs/one-variant"));
        assertThat(sheet.at("/practice/offered").asBoolean()).isFalse();
        HttpResponse<String> refused = teacher.get("/api/courses/" + course + "/labs/one-variant/practice/1");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).at("/error/code").asText()).isEqualTo("practice_not_offered");
    }
}
