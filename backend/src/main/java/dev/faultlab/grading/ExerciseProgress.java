package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.lab.Exercise;
import dev.faultlab.lab.LabGrading;
import dev.faultlab.lab.LabPolicy;
import dev.faultlab.key.Solution;

import java.time.Instant;
import java.util.List;

/** A viewer's progress on an exercise, with the expected answer when the reveal policy allows it. */
final class ExerciseProgress {
    private final LabGrading grading;

    ExerciseProgress(LabGrading grading) {
        this.grading = grading;
    }

    /**
     * The attempt whose variant the viewer works on: the next one while attempts are left, else the last one,
     * so a revealed answer belongs to the variant of the student's last submission.
     */
    static int shownAttempt(Exercise exercise, int attemptsUsed) {
        return Math.max(0, Math.min(attemptsUsed, exercise.policy().maxAttempts() - 1));
    }

    static boolean answerShown(LabInCourse lab, Exercise exercise, List<Submission> submissions, Instant now,
                               boolean preview) {
        LabPolicy policy = exercise.policy();
        return RevealRules.answerShown(policy.reveal(), new RevealRules.Situation(preview, submissions.size(),
                policy.maxAttempts(), Scoring.fullMarks(submissions), lab.pastDue(now)));
    }

    Progress of(LabInCourse lab, long viewerId, Exercise exercise, StudentWork work, Instant now, boolean preview) {
        List<Submission> submissions = work.of(exercise.id());
        LabPolicy policy = exercise.policy();
        int used = submissions.size();
        Double points = Scoring.counted(submissions, policy.scoring()).map(Submission::points).orElse(null);
        boolean shown = answerShown(lab, exercise, submissions, now, preview);
        int attempt = shownAttempt(exercise, used);
        JsonNode revealed = shown ? grading.expected(lab.lab(), lab.variantOf(viewerId), exercise.id(), attempt) : null;
        Solution solution = shown ? grading.solution(lab.lab(), lab.variantOf(viewerId), exercise.id(), attempt) : null;
        return new Progress(used, Math.max(0, policy.maxAttempts() - used), points,
                work.draft(exercise.id()).map(Draft::answer).orElse(null),
                submissions.isEmpty() ? null : Progress.Last.of(submissions.get(used - 1), shown), revealed, solution);
    }
}
