package dev.faultlab.grading;

import dev.faultlab.lab.LabPolicy;

import java.util.List;

/**
 * What a student's progress on an exercise needs of their attempts at it: how many, the points that count (null
 * before any), and whether some attempt earned the whole score. Read from the attempts themselves on the lab page,
 * or kept up by a submit from what PostgreSQL sums up ({@link ExerciseHistory}).
 */
record AttemptTally(int used, Double counted, boolean fullMarks) {

    static AttemptTally of(List<Submission> submissions, LabPolicy.Scoring scoring) {
        return new AttemptTally(submissions.size(), Scoring.counted(submissions, scoring).map(Submission::points).orElse(null),
                Scoring.fullMarks(submissions));
    }
}
