package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.support.Accounts;
import dev.faultlab.support.Classroom;
import dev.faultlab.support.Classroom.Student;
import dev.faultlab.support.SqlRecorder;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.faultlab.support.Classroom.otherChoice;
import static dev.faultlab.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What one submit costs the database, counted at the JDBC level, so it cannot silently grow back. */
class SubmitCostIT {
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant FAR_AHEAD = Instant.parse("2099-01-01T00:00:00Z");
    private static final String INSERT_SUBMISSION = "insert\\s+into\\s+\\S*submissions";

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
        System.out.println("one submit sent:\n" + listing);
        // The session with its user; then, in one transaction, the locked seat in the course with the lab's dates,
        // the history on the exercise, the other answers (this exercise carries errors forward), the insert, the audit.
        assertThat(statements).as(listing).hasSizeLessThanOrEqualTo(6);
        assertThat(transactions).as(listing).isEqualTo(2);
        assertThat(sent.stream().filter(SqlRecorder.Sent::isCommit)).as(listing).hasSize(1);
    }

    private static JsonNode accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }
}
