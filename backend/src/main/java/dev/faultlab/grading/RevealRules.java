package dev.faultlab.grading;

import dev.faultlab.lab.LabPolicy;

import java.util.Collection;

/** When the expected answers and the run of a student's own variant may reach their browser. */
public final class RevealRules {
    private RevealRules() {
    }

    /**
     * What the rule needs to know about one viewer and one exercise.
     *
     * @param preview a course instructor looking at the lab: they always see everything
     */
    public record Situation(boolean preview, int attemptsUsed, int maxAttempts, boolean fullMarks, boolean pastDue) {
    }

    /** Whether the expected answer may be shown; never to a student who has not used an attempt yet. */
    public static boolean answerShown(LabPolicy.Reveal rule, Situation s) {
        if (s.preview()) {
            return true;
        }
        if (s.attemptsUsed() == 0) {
            return false;
        }
        return switch (rule) {
            case AFTER_LAST_ATTEMPT -> s.attemptsUsed() >= s.maxAttempts() || s.fullMarks();
            case AFTER_FULL_MARKS -> s.fullMarks() || s.pastDue();
            case AFTER_DUE -> s.pastDue();
            case NEVER -> false;
        };
    }

    /** Whether the viewer may open the run of their variant, given which of the lab's answers they may see. */
    public static boolean runAllowed(LabPolicy.RunAccess rule, boolean preview, Collection<Boolean> answersShown) {
        if (preview) {
            return true;
        }
        return switch (rule) {
            case ALWAYS -> true;
            case AFTER_REVEAL -> answersShown.stream().allMatch(Boolean::booleanValue);
            case NEVER -> false;
        };
    }
}
