package dev.faultlab.lab;

/**
 * How a lab (or one exercise of it) is attempted and revealed.
 *
 * @param maxAttempts       submissions that count, at least 1
 * @param penaltyPerAttempt fraction of the points lost for each attempt before the one graded (0 to 1)
 * @param scoring           which attempt's score counts
 * @param reveal            when the expected answer may reach the student's browser
 * @param run               when the student may open the run of their own variant
 * @param newVariantPerAttempt whether an exercise's own variables are drawn again for each attempt
 */
public record LabPolicy(int maxAttempts, double penaltyPerAttempt, Scoring scoring, Reveal reveal, RunAccess run,
                        boolean newVariantPerAttempt) {

    public enum Scoring { BEST, LAST }

    /** When the expected answer is shown: never before the student has used an attempt. */
    public enum Reveal { AFTER_LAST_ATTEMPT, AFTER_FULL_MARKS, AFTER_DUE, NEVER }

    public enum RunAccess { ALWAYS, AFTER_REVEAL, NEVER }

    public static LabPolicy defaults() {
        return new LabPolicy(3, 0.0, Scoring.BEST, Reveal.AFTER_LAST_ATTEMPT, RunAccess.ALWAYS, false);
    }
}
