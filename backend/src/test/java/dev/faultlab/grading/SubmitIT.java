package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.faultlab.support.Classroom.exercise;
import static dev.faultlab.support.Classroom.firstCell;
import static dev.faultlab.support.Classroom.flipped;
import static dev.faultlab.support.Classroom.otherChoice;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Submitting answers over HTTP: grading, attempts and their penalty, retries, drafts and the lab's dates. */
class SubmitIT {
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant FAR_AHEAD = Instant.parse("2099-01-01T00:00:00Z");

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Classroom open;

    @BeforeAll
    static void start() {
        Classroom.installLab(dataDir);
        server = TestServer.start(dataDir, Accounts.withAdmin());
        open = Classroom.open(server, dataDir, LONG_AGO, FAR_AHEAD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theExpectedAnswerEarnsEveryPointAtOnce() {
        Student ann = open.join("Ann");

        HttpResponse<String> response = open.submit(ann, "round1", open.expected(ann, "round1", 0));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("submission").path("attempt").asInt()).isZero();
        assertThat(body.path("submission").path("grade").path("score").asDouble()).isEqualTo(1.0);
        assertThat(body.path("submission").path("points").asDouble()).isEqualTo(6.0);
        assertThat(body.path("progress").path("attemptsUsed").asInt()).isEqualTo(1);
        assertThat(body.path("progress").path("points").asDouble()).isEqualTo(6.0);
    }

    /** The student is told the row (ATTACK/RETREAT cells would give themselves away); the instructor reads the cell. */
    @Test
    void aWrongCellCostsItsShareAndIsNamedInTheFeedback() {
        Student bob = open.join("Bob");
        JsonNode expected = open.expected(bob, "round1", 0);
        String cell = firstCell(expected);

        JsonNode seen = json(open.submit(bob, "round1", flipped(expected, cell))).path("submission").path("grade");
        JsonNode grade = json(open.instructor().get(open.labPath() + "/students/" + bob.id() + "/attempts"))
                .at("/exercises/0/attempts/0/grade");

        assertThat(seen.path("score").asDouble()).isLessThan(1.0).isGreaterThan(0.0);
        assertThat(seen.path("rows").findValuesAsText("wrong")).contains("1");
        assertThat(grade.path("cells").findValuesAsText("cell")).contains(cell);
        for (JsonNode judged : grade.path("cells")) {
            assertThat(judged.path("correct").asBoolean()).as(judged.toString())
                    .isEqualTo(!judged.path("cell").asText().equals(cell));
        }
    }

    @Test
    void eachAttemptBeforeTheGradedOneCostsThePenaltyAndBestCounts() {
        Student cid = open.join("Cid");
        JsonNode right = open.expected(cid, "agree", 0);

        JsonNode first = json(open.submit(cid, "agree", otherChoice(right)));
        JsonNode third;
        open.submit(cid, "agree", otherChoice(right));
        third = json(open.submit(cid, "agree", right));

        assertThat(first.path("submission").path("points").asDouble()).isZero();
        assertThat(third.path("submission").path("attempt").asInt()).isEqualTo(2);
        assertThat(third.path("submission").path("points").asDouble()).isCloseTo(2 * 0.8, within(1e-9));
        assertThat(third.path("progress").path("points").asDouble()).isCloseTo(1.6, within(1e-9));
        assertThat(third.path("progress").path("attemptsLeft").asInt()).isZero();

        HttpResponse<String> fourth = open.submit(cid, "agree", right);
        assertThat(fourth.statusCode()).isEqualTo(409);
        assertThat(json(fourth).path("error").path("code").asText()).isEqualTo("no_attempts_left");
    }

    @Test
    void anAnswerTheGraderCannotReadIsRefusedAndUsesNoAttempt() {
        Student dee = open.join("Dee");
        ObjectNode unreadable = JsonNodeFactory.instance.objectNode();
        unreadable.putObject("cells").put("no-such/cell", "ATTACK");

        HttpResponse<String> response = open.submit(dee, "round1", unreadable);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_answer");
        assertThat(error.path("details").path("problems").isArray()).isTrue();
        assertThat(error.path("details").path("problems")).isNotEmpty();
        assertThat(exercise(open.sheet(dee.client()), "round1").path("progress").path("attemptsUsed").asInt()).isZero();
    }

    @Test
    void aRetriedSubmitReturnsTheFirstResultAndUsesNoAttempt() {
        Student eve = open.join("Eve");
        UUID submissionId = UUID.randomUUID();
        JsonNode answer = otherChoice(open.expected(eve, "agree", 0));

        JsonNode first = json(open.submit(eve, "agree", submissionId, answer));
        HttpResponse<String> retry = open.submit(eve, "agree", submissionId, answer);

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json(retry).path("submission")).isEqualTo(first.path("submission"));
        assertThat(json(retry).path("progress").path("attemptsUsed").asInt()).isEqualTo(1);
    }

    @Test
    void aSubmissionIdReusedForAnotherAnswerIsAConflict() {
        Student fay = open.join("Fay");
        UUID submissionId = UUID.randomUUID();
        JsonNode right = open.expected(fay, "agree", 0);
        open.submit(fay, "agree", submissionId, otherChoice(right));

        HttpResponse<String> reused = open.submit(fay, "agree", submissionId, right);

        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(json(reused).path("error").path("code").asText()).isEqualTo("submission_id_reused");
        assertThat(exercise(open.sheet(fay.client()), "agree").path("progress").path("attemptsUsed").asInt()).isEqualTo(1);
    }

    @Test
    void aSubmitWithoutItsIdOrAnswerIsABadRequestNamingTheField() {
        Student gus = open.join("Gus");

        HttpResponse<String> noId = gus.client().post(open.labPath() + "/exercises/agree/submissions",
                Map.of("answer", Map.of("choices", new String[] {"agree"})));
        HttpResponse<String> noAnswer = gus.client().post(open.labPath() + "/exercises/agree/submissions",
                Map.of("submissionId", UUID.randomUUID().toString()));
        HttpResponse<String> notAUuid = gus.client().post(open.labPath() + "/exercises/agree/submissions",
                Map.of("submissionId", "first", "answer", Map.of("choices", new String[] {"agree"})));

        assertThat(json(noId).path("error").path("details").path("field").asText()).isEqualTo("submissionId");
        assertThat(json(noAnswer).path("error").path("details").path("field").asText()).isEqualTo("answer");
        assertThat(json(notAUuid).path("error").path("details").path("field").asText()).isEqualTo("submissionId");
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(noAnswer.statusCode()).isEqualTo(400);
        assertThat(notAUuid.statusCode()).isEqualTo(400);
    }

    @Test
    void anExerciseOrLabTheCourseDoesNotHaveIsNotFound() {
        Student hal = open.join("Hal");

        assertThat(open.submit(hal, "round9", Map.of("choices", new String[] {"agree"})).statusCode()).isEqualTo(404);
        assertThat(hal.client().get("/api/courses/" + open.courseId() + "/labs/flooding-consensus").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aDraftIsKeptUntilTheAnswerIsSubmitted() {
        Student ida = open.join("Ida");
        JsonNode draft = otherChoice(open.expected(ida, "agree", 0));

        HttpResponse<String> saved = ida.client().put(open.labPath() + "/exercises/agree/draft", Map.of("answer", draft));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
        assertThat(exercise(open.sheet(ida.client()), "agree").path("progress").path("draft")).isEqualTo(draft);
        open.submit(ida, "agree", draft);
        assertThat(exercise(open.sheet(ida.client()), "agree").path("progress").path("draft").isNull()).isTrue();
    }

    @Test
    void aDraftHasASizeLimitAndOnlyStudentsKeepOne() {
        Student jay = open.join("Jay");
        ObjectNode huge = JsonNodeFactory.instance.objectNode();
        huge.put("text", "x".repeat(70_000));

        HttpResponse<String> tooBig = jay.client().put(open.labPath() + "/exercises/agree/draft", Map.of("answer", huge));
        HttpResponse<String> byInstructor = open.instructor().put(open.labPath() + "/exercises/agree/draft",
                Map.of("answer", Map.of("choices", new String[] {"agree"})));

        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(json(tooBig).path("error").path("details").path("field").asText()).isEqualTo("answer");
        assertThat(byInstructor.statusCode()).isEqualTo(403);
    }

    @Test
    void afterTheDueDateNothingIsTakenButARetryStillAnswers() {
        Classroom closing = Classroom.open(server, dataDir, LONG_AGO, FAR_AHEAD);
        Student kim = closing.join("Kim");
        UUID submissionId = UUID.randomUUID();
        JsonNode answer = closing.expected(kim, "agree", 0);
        JsonNode first = json(closing.submit(kim, "agree", submissionId, answer));
        closing.setDates(LONG_AGO, Instant.now().minus(1, ChronoUnit.MINUTES));

        HttpResponse<String> late = closing.submit(kim, "round1", closing.expected(kim, "round1", 0));
        HttpResponse<String> lateDraft = kim.client().put(closing.labPath() + "/exercises/round1/draft",
                Map.of("answer", answer));
        HttpResponse<String> retry = closing.submit(kim, "agree", submissionId, answer);

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json(late).path("error").path("code").asText()).isEqualTo("past_due");
        assertThat(lateDraft.statusCode()).isEqualTo(409);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json(retry).path("submission")).isEqualTo(first.path("submission"));
    }

    @Test
    void beforeTheLabOpensStudentsCannotSeeOrAnswerItButItsInstructorsCan() {
        Classroom upcoming = Classroom.open(server, dataDir, FAR_AHEAD, null);
        Student lou = upcoming.join("Lou");

        HttpResponse<String> sheet = lou.client().get(upcoming.labPath());
        HttpResponse<String> submit = upcoming.submit(lou, "agree", Map.of("choices", new String[] {"agree"}));

        assertThat(sheet.statusCode()).isEqualTo(409);
        assertThat(json(sheet).path("error").path("code").asText()).isEqualTo("not_open");
        assertThat(submit.statusCode()).isEqualTo(409);
        assertThat(json(submit).path("error").path("code").asText()).isEqualTo("not_open");
        assertThat(upcoming.instructor().get(upcoming.labPath()).statusCode()).isEqualTo(200);
    }

    /**
     * round2 carries errors forward: a loyal relay of a loyal process repeats what P3 heard from that process in
     * round 1, so a student who got such a round 1 cell wrong is graded on round 2 against their own answer.
     */
    @Test
    void aMistakeInRoundOneIsCarriedForwardIntoRoundTwoAndKeptByARegrade() {
        Classroom carrying = Classroom.open(server, dataDir, LONG_AGO, FAR_AHEAD);
        Student nia = carrying.join("Nia");
        Student oz = carrying.join("Oz");
        List<String> traitors = carrying.sheet(nia.client()).path("given").get(1).path("rows").findValuesAsText("label");
        String loyal = Stream.of("P1", "P2", "P4", "P5", "P6", "P7").filter(p -> !traitors.contains(p)).findFirst().orElseThrow();
        accepted(carrying.submit(nia, "round1", flipped(carrying.expected(nia, "round1", 0), "-/" + loyal)));

        JsonNode nias = json(carrying.submit(nia, "round2", echoingMistake(carrying.expected(nia, "round2", 0), loyal, traitors)));
        JsonNode ozs = json(carrying.submit(oz, "round2", echoingMistake(carrying.expected(oz, "round2", 0), loyal, traitors)));
        JsonNode preview = json(carrying.instructor().post(carrying.labPath() + "/regrade", Map.of("apply", false)));

        assertThat(nias.path("submission").path("grade").path("score").asDouble()).isEqualTo(1.0);
        assertThat(ozs.path("submission").path("grade").path("score").asDouble()).as("no round 1 to carry forward")
                .isLessThan(1.0);
        for (JsonNode counted : preview.path("counted")) {
            assertThat(counted.path("after").asDouble()).as(counted.toString()).isEqualTo(counted.path("before").asDouble());
        }
    }

    /** Round 2 as expected, but with what loyal relays say about {@code origin} flipped, as a wrong round 1 implies. */
    static JsonNode echoingMistake(JsonNode round2, String origin, List<String> traitors) {
        JsonNode answer = round2;
        Iterator<String> cells = round2.path("cells").fieldNames();
        while (cells.hasNext()) {
            String cell = cells.next();
            String relay = cell.substring(0, cell.indexOf('/'));
            if (cell.endsWith("/" + origin) && !traitors.contains(relay)) {
                answer = flipped(answer, cell);
            }
        }
        assertThat(answer).isNotEqualTo(round2);
        return answer;
    }

    private static void accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void everySubmissionIsAudited() {
        Student max = open.join("Max");
        long submissionId = json(open.submit(max, "agree", open.expected(max, "agree", 0)))
                .path("submission").path("id").asLong();

        JsonNode events = json(new Accounts(server).loginAsAdmin().get("/api/admin/audit")).path("events");

        assertThat(events.findParents("action").stream()
                .filter(e -> e.path("action").asText().equals("submission.graded"))
                .map(e -> e.path("details").path("submissionId").asLong()))
                .contains(submissionId);
    }
}
