package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.faultlab.lab.Grade;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StudentWorkTest {

    private static Submission answered(long id, String exerciseId, int attempt, String value) {
        return new Submission(id, 1, 1, "lab", "v1", exerciseId, attempt, UUID.randomUUID(), answer(value),
                new Grade(0, List.of(), ""), 0, "1", Instant.EPOCH, null);
    }

    private static JsonNode answer(String value) {
        return JsonNodeFactory.instance.objectNode().put("value", value);
    }

    private final StudentWork work = StudentWork.of(List.of(
            answered(1, "round1", 0, "first round1"),
            answered(2, "round2", 0, "first round2"),
            answered(3, "round1", 1, "second round1"),
            answered(4, "vector", 0, "first vector"),
            answered(5, "round2", 1, "second round2")), List.of());

    @Test
    void aNewSubmissionIsGradedWithTheLatestAnswerToEveryOtherExercise() {
        assertThat(work.otherAnswers("vector", Long.MAX_VALUE)).isEqualTo(Map.of(
                "round1", answer("second round1"), "round2", answer("second round2")));
    }

    @Test
    void aRegradeSeesOnlyTheAnswersGivenBeforeTheSubmission() {
        assertThat(work.otherAnswers("vector", 4)).isEqualTo(Map.of(
                "round1", answer("second round1"), "round2", answer("first round2")));
        assertThat(work.otherAnswers("round2", 2)).isEqualTo(Map.of("round1", answer("first round1")));
    }

    @Test
    void anExercisesSubmissionsComeInAttemptOrder() {
        assertThat(work.of("round1")).extracting(Submission::attempt).containsExactly(0, 1);
    }
}
