package dev.faultlab.grading;

import java.util.List;

/**
 * What a regrade changes (preview) or changed (applied).
 *
 * @param submissions every stored submission of the lab in the course
 * @param regraded    submissions given a new grade (all but those kept by {@code neverLower}, unreadable ones and
 *                    those to exercises the lab no longer has)
 * @param scoresChanged submissions whose score differs from the stored one
 * @param counted     per student and exercise with submissions: the counted points before and after
 * @param unreadable  answers the current grader cannot read; they keep their grade
 */
public record RegradeReport(long courseId, String labId, String labVersion, String graderVersion, boolean applied,
                            boolean neverLower, int submissions, int regraded, int scoresChanged,
                            List<CountedChange> counted, List<Unreadable> unreadable) {

    /** {@code email} and {@code displayName} are null for someone no longer in the course. */
    public record CountedChange(long userId, String email, String displayName, String exerciseId, double before,
                                double after) {
    }

    public record Unreadable(long submissionId, long userId, String exerciseId, List<String> problems) {
    }
}
