package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.Classroom;
import dev.faultlab.support.Classroom.Student;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static dev.faultlab.support.Classroom.exercise;
import static dev.faultlab.support.Classroom.otherChoice;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expected answers and the run of a student's own variant reach the browser only when the lab's policy allows:
 * byzantine-generals reveals after the last attempt (or full marks) and opens the run once everything is revealed.
 */
class RevealIT {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static Classroom classroom;

    @BeforeAll
    static void start() {
        Classroom.installLab(dataDir);
        server = TestServer.start(dataDir, Accounts.withAdmin());
        classroom = Classroom.open(server, dataDir, null, Instant.parse("2099-01-01T00:00:00Z"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSheetGivesAwayNoExpectedAnswerBeforeAnAttempt() {
        Student ann = classroom.join("Ann");

        HttpResponse<String> response = ann.client().get(classroom.labPath());
        JsonNode sheet = json(response);

        for (JsonNode exercise : sheet.path("exercises")) {
            assertThat(exercise.path("progress").path("revealed").isNull()).as(exercise.path("id").asText()).isTrue();
        }
        assertThat(sheet.path("lab").path("points").asDouble()).isEqualTo(classroom.lab().points());
        assertThat(sheet.path("course").path("id").asLong()).isEqualTo(classroom.courseId());
        assertThat(sheet.path("run").path("allowed").asBoolean()).isFalse();
        assertThat(sheet.path("run").path("reason").asText()).isNotBlank();
    }

    @Test
    void wrongAnswersRevealNothingUntilTheLastAttemptIsUsed() {
        Student bob = classroom.join("Bob");
        JsonNode right = classroom.expected(bob, "agree", 0);

        classroom.submit(bob, "agree", otherChoice(right));
        JsonNode afterOne = exercise(classroom.sheet(bob.client()), "agree").path("progress");
        classroom.submit(bob, "agree", otherChoice(right));
        JsonNode afterLast = json(classroom.submit(bob, "agree", otherChoice(right))).path("progress");

        assertThat(afterOne.path("revealed").isNull()).isTrue();
        assertThat(afterLast.path("revealed")).isEqualTo(right);
        assertThat(exercise(classroom.sheet(bob.client()), "agree").path("progress").path("revealed")).isEqualTo(right);
    }

    @Test
    void fullMarksRevealTheAnswerOfThatExerciseOnly() {
        Student cid = classroom.join("Cid");
        JsonNode right = classroom.expected(cid, "agree", 0);

        JsonNode progress = json(classroom.submit(cid, "agree", right)).path("progress");

        assertThat(progress.path("revealed")).isEqualTo(right);
        assertThat(exercise(classroom.sheet(cid.client()), "round1").path("progress").path("revealed").isNull()).isTrue();
    }

    @Test
    void theRunOfTheVariantOpensOnlyOnceEveryAnswerIsRevealed() {
        Student dee = classroom.join("Dee");
        Map<String, Object> labRun = Map.of("lab", Map.of("courseId", classroom.courseId(), "labId", Classroom.LAB));

        HttpResponse<String> tooEarly = dee.client().post("/api/runs", labRun);
        for (JsonNode exercise : classroom.sheet(dee.client()).path("exercises")) {
            String id = exercise.path("id").asText();
            assertThat(classroom.submit(dee, id, classroom.expected(dee, id, 0)).statusCode()).as(id).isEqualTo(200);
        }
        HttpResponse<String> afterReveal = dee.client().post("/api/runs", labRun);

        assertThat(tooEarly.statusCode()).isEqualTo(403);
        assertThat(json(tooEarly).path("error").path("code").asText()).isEqualTo("run_not_allowed");
        assertThat(classroom.sheet(dee.client()).path("run").path("allowed").asBoolean()).isTrue();
        assertThat(afterReveal.statusCode()).as(afterReveal.body()).isEqualTo(201);
        assertThat(json(afterReveal).path("recipe").path("protocol").asText()).isEqualTo(classroom.lab().protocol());
        String runId = json(afterReveal).path("run").path("id").asText();
        assertThat(classroom.instructor().get("/api/runs/" + runId).statusCode())
                .as("the course's instructor sees a run of its lab").isEqualTo(200);
    }

    @Test
    void anInstructorPreviewingSeesEveryAnswerAndMayOpenTheRun() {
        JsonNode sheet = classroom.sheet(classroom.instructor());

        for (JsonNode exercise : sheet.path("exercises")) {
            assertThat(exercise.path("progress").path("revealed").isNull()).as(exercise.path("id").asText()).isFalse();
        }
        assertThat(sheet.path("run").path("allowed").asBoolean()).isTrue();
        assertThat(classroom.instructor().post("/api/runs",
                Map.of("lab", Map.of("courseId", classroom.courseId(), "labId", Classroom.LAB))).statusCode()).isEqualTo(201);
    }

    @Test
    void aRunNeedsEitherARecipeOrALabAndOnlyACourseMemberGetsTheLab() {
        Student eve = classroom.join("Eve");
        Student outsider = Classroom.open(server, dataDir, null, null).join("Fay");
        Map<String, Object> labRun = Map.of("lab", Map.of("courseId", classroom.courseId(), "labId", Classroom.LAB));

        HttpResponse<String> neither = eve.client().post("/api/runs", Map.of());
        HttpResponse<String> noLabId = eve.client().post("/api/runs", Map.of("lab", Map.of("courseId", classroom.courseId())));
        HttpResponse<String> fromAnotherCourse = outsider.client().post("/api/runs", labRun);

        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(noLabId.statusCode()).isEqualTo(400);
        assertThat(json(noLabId).path("error").path("details").path("field").asText()).isEqualTo("lab.labId");
        assertThat(fromAnotherCourse.statusCode()).isEqualTo(404);
    }
}
