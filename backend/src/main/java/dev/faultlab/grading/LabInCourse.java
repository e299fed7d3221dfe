package dev.faultlab.grading;

import dev.faultlab.account.Course;
import dev.faultlab.account.CourseLab;
import dev.faultlab.lab.Exercise;
import dev.faultlab.lab.Lab;
import dev.faultlab.lab.VariantKey;

import java.time.Instant;

/** A lab as one course uses it: the loaded lab and the course's dates for it. */
record LabInCourse(Course course, CourseLab dates, Lab lab) {

    boolean opened(Instant now) {
        return dates.opensAt() == null || !now.isBefore(dates.opensAt());
    }

    boolean pastDue(Instant now) {
        return dates.dueAt() != null && !now.isBefore(dates.dueAt());
    }

    VariantKey variantOf(long userId) {
        return new VariantKey(course.id(), userId, lab.id());
    }

    Exercise exercise(String exerciseId) {
        return lab.exercise(exerciseId).orElseThrow(() ->
                GradingException.notFound("The lab '" + lab.id() + "' has no exercise '" + exerciseId + "'."));
    }

    /** Refuses the lab to students before it opens. */
    void requireOpened(Instant now) {
        if (!opened(now)) {
            throw GradingException.conflict("not_open", "This lab opens at " + dates.opensAt() + ".");
        }
    }

    /** Refuses answers before the lab opens and after it is due. */
    void requireTakingAnswers(Instant now) {
        requireOpened(now);
        if (pastDue(now)) {
            throw GradingException.conflict("past_due", "This lab was due at " + dates.dueAt()
                    + "; it takes no more answers.");
        }
    }
}
