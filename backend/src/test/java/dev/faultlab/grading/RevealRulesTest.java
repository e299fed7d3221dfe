package dev.faultlab.grading;

import dev.faultlab.lab.LabPolicy.Reveal;
import dev.faultlab.lab.LabPolicy.RunAccess;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RevealRulesTest {
    private static final int MAX = 3;

    private static RevealRules.Situation student(int used, boolean fullMarks, boolean pastDue) {
        return new RevealRules.Situation(false, used, MAX, fullMarks, pastDue);
    }

    private static boolean shown(Reveal rule, RevealRules.Situation situation) {
        return RevealRules.answerShown(rule, situation);
    }

    @Test
    void afterLastAttemptWaitsForTheAttemptsToBeUsedOrFullMarks() {
        assertThat(shown(Reveal.AFTER_LAST_ATTEMPT, student(2, false, true))).isFalse();
        assertThat(shown(Reveal.AFTER_LAST_ATTEMPT, student(3, false, false))).isTrue();
        assertThat(shown(Reveal.AFTER_LAST_ATTEMPT, student(1, true, false))).isTrue();
    }

    @Test
    void afterFullMarksAlsoOpensAtTheDueDate() {
        assertThat(shown(Reveal.AFTER_FULL_MARKS, student(3, false, false))).isFalse();
        assertThat(shown(Reveal.AFTER_FULL_MARKS, student(1, true, false))).isTrue();
        assertThat(shown(Reveal.AFTER_FULL_MARKS, student(1, false, true))).isTrue();
    }

    @Test
    void afterDueWaitsForTheDueDateWhateverTheScore() {
        assertThat(shown(Reveal.AFTER_DUE, student(3, true, false))).isFalse();
        assertThat(shown(Reveal.AFTER_DUE, student(1, false, true))).isTrue();
    }

    @Test
    void neverIsNeverForStudents() {
        assertThat(shown(Reveal.NEVER, student(3, true, true))).isFalse();
    }

    @Test
    void aStudentWhoNeverSubmittedSeesNoAnswer() {
        for (Reveal rule : Reveal.values()) {
            assertThat(shown(rule, student(0, false, true))).as(rule.name()).isFalse();
        }
    }

    @Test
    void anInstructorPreviewingSeesEveryAnswer() {
        for (Reveal rule : Reveal.values()) {
            assertThat(shown(rule, new RevealRules.Situation(true, 0, MAX, false, false)))
                    .as(rule.name()).isTrue();
        }
    }

    @Test
    void theRunAfterRevealOpensOnceEveryAnswerIsShown() {
        assertThat(RevealRules.runAllowed(RunAccess.AFTER_REVEAL, false, List.of(true, false))).isFalse();
        assertThat(RevealRules.runAllowed(RunAccess.AFTER_REVEAL, false, List.of(true, true))).isTrue();
    }

    @Test
    void theRunPolicyBindsStudentsButNotInstructors() {
        assertThat(RevealRules.runAllowed(RunAccess.ALWAYS, false, List.of(false))).isTrue();
        assertThat(RevealRules.runAllowed(RunAccess.NEVER, false, List.of(true))).isFalse();
        assertThat(RevealRules.runAllowed(RunAccess.NEVER, true, List.of(false))).isTrue();
    }
}
