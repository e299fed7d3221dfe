package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.key.Solution;
import dev.faultlab.sim.Recipe;

import java.util.Map;

/**
 * Grades answers against the reference run of each student's variant. Expected answers are computed
 * here on the server and cached; nothing in a {@link Sheet} or a {@link Grade} gives one away.
 */
public interface LabGrading {
    /** Changes whenever a grader changes the score it gives to some answer; stored with each grade. */
    String GRADER_VERSION = "2";

    /** The lab as the student sees it; {@code attempts} counts each exercise's submissions so far. */
    Sheet sheet(Lab lab, VariantKey key, Map<String, Integer> attempts);

    /**
     * Grades {@code answer} to one exercise. {@code attempt} is 0 for the first submission;
     * {@code otherAnswers} are the student's latest answers to the lab's other exercises, by exercise
     * id, for exercises graded with error carried forward.
     */
    Grade grade(Lab lab, VariantKey key, String exerciseId, int attempt, JsonNode answer,
                Map<String, JsonNode> otherAnswers) throws InvalidAnswer;

    /** The expected answer, in the same shape as an answer; only for a reveal the policy allows. */
    JsonNode expected(Lab lab, VariantKey key, String exerciseId, int attempt);

    /** How the expected answer follows from the run: shown with it, only when it may be shown. */
    Solution solution(Lab lab, VariantKey key, String exerciseId, int attempt);

    /** The recipe of the student's variant, to open in the run view when the policy allows. */
    Recipe recipe(Lab lab, VariantKey key);
}
