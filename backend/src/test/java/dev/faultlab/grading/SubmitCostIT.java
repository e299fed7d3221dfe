package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.Classroom;
import dev.faultlab.support.Classroom.Student;
import dev.faultlab.support.SqlRecorder;
import dev.faultlab.support.TestServer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static dev.faultlab.support.Classroom.exercise;
import static dev.faultlab.support.Classroom.flipped;
import static dev.faultlab.support.Classroom.otherChoice;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one submit costs the database, counted at the JDBC level so it cannot silently grow back, and that a long
 * history changes neither that cost nor the result: the grade, the attempt number, the points that count and the
 * reveal are what the lab page, which reads the whole history, says.
 */
class SubmitCostIT {
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant FAR_AHEAD = Instant.parse("2099-01-01T00:00:00Z");
    private static final String INSERT_SUBMISSION = "insert\\s+into\\s+\\S*submissions";

    @TempDir
    static Path dataDir;
    static TestServer server;
    static Classroom open;

    /** The most a lab allows (lab.schema.json), so the history below is as long as one can be. */
    private static final int MAX_ATTEMPTS = 100;

    @BeforeAll
    static void start() throws IOException {
        Classroom.installLab(dataDir);
        Path yaml = dataDir.resolve("labs").resolve(Classroom.LAB).resolve("lab.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("maxAttempts: 3", "maxAttempts: " + MAX_ATTEMPTS));
        server = TestServer.start(dataDir, Accounts.withAdmin());
        open = Classroom.open(server, dataDir, LONG_AGO, FAR_AHEAD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSubmitIsOneTransactionOfAHandfulOfStatements() {
        Student ann = open.join("Ann");
        accepted(open.submit(ann, "round1", open.expected(ann, "round1", 0)));
        accepted(open.submit(ann, "agree", otherChoice(open.expected(ann, "agree", 0))));

        List<SqlRecorder.Sent> sent;
        try (SqlRecorder recorder = SqlRecorder.install(server.app().database().sql())) {
            // round2 carries round 1 forward: the grader asks for the student's other answers.
            accepted(open.submit(ann, "round2", open.expected(ann, "round2", 0)));
            sent = recorder.sentByThreadThatSent(INSERT_SUBMISSION);
        }

        List<SqlRecorder.Sent> statements = sent.stream().filter(s -> !s.isCommit() && !s.isRollback()).toList();
        long transactions = sent.stream().filter(s -> s.isCommit() || s.autoCommit()).count();
        String listing = String.join("\n", sent.stream().map(s -> (s.autoCommit() ? "[auto] " : "") + s.sql()).toList());
        // The session with its user; then, in one transaction, the locked seat in the course with the lab's dates,
        // the history on the exercise, the other answers (this exercise carries errors forward), the insert, the audit.
        assertThat(statements).as(listing).hasSizeLessThanOrEqualTo(6);
        assertThat(transactions).as(listing).isEqualTo(2);
        assertThat(sent.stream().filter(SqlRecorder.Sent::isCommit)).as(listing).hasSize(1);
    }

    /**
     * 494 earlier submissions to the lab (99 to most exercises, the 120-cell round 3 among them), which the submit
     * used to read and parse in full.
     */
    @Test
    void aLongHistoryChangesNeitherTheCostNorTheResult() {
        Student pat = open.join("Pat");
        List<String> traitors = open.sheet(pat.client()).path("given").get(1).path("rows").findValuesAsText("label");
        String loyal = Stream.of("P1", "P2", "P4", "P5", "P6", "P7").filter(p -> !traitors.contains(p)).findFirst().orElseThrow();
        JsonNode round1 = open.expected(pat, "round1", 0);
        DSLContext sql = server.app().database().sql();
        // round1: 99 attempts, all right but the last, whose mistake round2 must carry forward.
        repeat(sql, firstOf(open.submit(pat, "round1", round1)), MAX_ATTEMPTS - 2);
        sql.execute("update submissions set answer = cast(? as jsonb) where id = (select max(id) from submissions where user_id = ?)",
                flipped(round1, "-/" + loyal).toString(), pat.id());
        // agree: 98 wrong attempts, one of which (attempt 7) had full marks, for 0.3 of its point.
        repeat(sql, firstOf(open.submit(pat, "agree", otherChoice(open.expected(pat, "agree", 0)))), MAX_ATTEMPTS - 3);
        sql.execute("update submissions set score = 1, points = 0.3 where user_id = ? and exercise_id = 'agree' and attempt = 7",
                pat.id());
        for (String other : List.of("round3", "vector", "others")) {
            repeat(sql, firstOf(open.submit(pat, other, open.expected(pat, other, 0))), MAX_ATTEMPTS - 2);
        }
        assertThat(sql.fetchCount(sql.selectFrom("submissions").where("user_id = ?", pat.id()))).isEqualTo(494);

        JsonNode agree;
        List<SqlRecorder.Sent> sent;
        try (SqlRecorder recorder = SqlRecorder.install(sql)) {
            agree = accepted(open.submit(pat, "agree", otherChoice(open.expected(pat, "agree", 0))));
            sent = recorder.sentByThreadThatSent(INSERT_SUBMISSION);
        }
        JsonNode round2 = accepted(open.submit(pat, "round2",
                SubmitIT.echoingMistake(open.expected(pat, "round2", 0), loyal, traitors)));
        JsonNode lastRound1 = accepted(open.submit(pat, "round1", round1));
        HttpResponse<String> oneTooMany = open.submit(pat, "round1", round1);
        JsonNode sheet = open.sheet(pat.client());

        assertThat(sent.stream().filter(s -> !s.isCommit())).hasSizeLessThanOrEqualTo(6);
        assertThat(agree.path("submission").path("attempt").asInt()).isEqualTo(MAX_ATTEMPTS - 2);
        assertThat(agree.path("progress").path("attemptsLeft").asInt()).isEqualTo(1);
        assertThat(agree.path("progress").path("points").asDouble()).as("the best attempt counts").isEqualTo(0.3);
        assertThat(agree.path("progress").path("revealed").isNull()).as("full marks once reveal the answer").isFalse();
        assertThat(round2.path("submission").path("attempt").asInt()).isZero();
        assertThat(round2.path("submission").path("grade").path("score").asDouble())
                .as("graded against the latest round 1 answer").isEqualTo(1.0);
        assertThat(lastRound1.path("submission").path("attempt").asInt()).isEqualTo(MAX_ATTEMPTS - 1);
        assertThat(lastRound1.path("progress").path("attemptsLeft").asInt()).isZero();
        assertThat(lastRound1.path("progress").path("revealed").isNull()).as("the last attempt reveals").isFalse();
        assertThat(oneTooMany.statusCode()).isEqualTo(409);
        assertThat(agree.path("progress")).isEqualTo(exercise(sheet, "agree").path("progress"));
        assertThat(lastRound1.path("progress")).isEqualTo(exercise(sheet, "round1").path("progress"));
        assertThat(round2.path("progress")).isEqualTo(exercise(sheet, "round2").path("progress"));
    }

    private static long firstOf(HttpResponse<String> submitted) {
        return accepted(submitted).path("submission").path("id").asLong();
    }

    /** Copies of a stored submission as the next {@code times} attempts at its exercise. */
    private static void repeat(DSLContext sql, long submissionId, int times) {
        sql.execute("""
                insert into submissions (course_id, user_id, lab_id, lab_version, exercise_id, attempt, client_id, answer,
                                         score, points, cells, row_grades, feedback_level, feedback, grader_version,
                                         submitted_at)
                select course_id, user_id, lab_id, lab_version, exercise_id, attempt + g, gen_random_uuid(), answer,
                       score, points, cells, row_grades, feedback_level, feedback, grader_version,
                       submitted_at + g * interval '1 second'
                  from submissions, generate_series(1, ?) g where id = ? order by g""", times, submissionId);
    }

    private static JsonNode accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }
}
