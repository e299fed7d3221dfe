package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.lab.Exercise;
import dev.faultlab.lab.LabGrading;
import dev.faultlab.lab.LabPolicy;

import java.time.Instant;
import java.util.List;

/** A viewer's progress on an exercise, with the expected answer when the reveal policy allows it. */
final class ExerciseProgress {
    /** A class of a few hundred students over a lab's handful of exercises. */
    private static final int CACHED_REVEALS = 2048;

    private final Reveals reveals;

    ExerciseProgress(LabGrading grading) {
        this.reveals = new Reveals(grading, CACHED_REVEALS);
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
        return answerShown(lab, exercise, AttemptTally.of(submissions, exercise.policy().scoring()), now, preview);
    }

    private static boolean answerShown(LabInCourse lab, Exercise exercise, AttemptTally tally, Instant now,
                                       boolean preview) {
        LabPolicy policy = exercise.policy();
        return RevealRules.answerShown(policy.reveal(), new RevealRules.Situation(preview, tally.used(),
                policy.maxAttempts(), tally.fullMarks(), lab.pastDue(now)));
    }

    Progress of(LabInCourse lab, long viewerId, Exercise exercise, StudentWork work, Instant now, boolean preview) {
        List<Submission> submissions = work.of(exercise.id());
        return of(lab, viewerId, exercise, AttemptTally.of(submissions, exercise.policy().scoring()),
                submissions.isEmpty() ? null : submissions.get(submissions.size() - 1),
                work.draft(exercise.id()).map(Draft::answer).orElse(null), now, preview);
    }

    /** From a tally of the attempts, the latest of them ({@code last}, null before any) and the draft, if any. */
    Progress of(LabInCourse lab, long viewerId, Exercise exercise, AttemptTally tally, Submission last, JsonNode draft,
                Instant now, boolean preview) {
        boolean shown = answerShown(lab, exercise, tally, now, preview);
        int attempt = shownAttempt(exercise, tally.used());
        Reveals.Reveal reveal = shown ? reveals.of(lab.lab(), lab.variantOf(viewerId), exercise.id(), attempt) : null;
        return new Progress(tally.used(), Math.max(0, exercise.policy().maxAttempts() - tally.used()), tally.counted(),
                draft, last == null ? null : Progress.Last.of(last, shown), shown ? reveal.expected() : null,
                shown ? reveal.solution() : null);
    }
}
