package dev.faultlab.grading;

import dev.faultlab.account.CourseService;
import dev.faultlab.lab.LabCatalog;
import dev.faultlab.lab.LabGrading;
import org.jooq.DSLContext;

import java.time.Clock;

/** The grading services, built over one database, catalog and grader. */
public record Grading(LabSheets sheets, SubmissionService submissions, GradebookService gradebook,
                      RegradeService regrades, PracticeService practice, StudentAttempts attempts) {

    public static Grading create(DSLContext sql, CourseService courses, LabCatalog catalog, LabGrading grading,
                                 Clock clock) {
        CourseLabs labs = new CourseLabs(courses, catalog);
        // One for the lab page and the submit, so a reveal worked out for one is there for the other.
        ExerciseProgress progress = new ExerciseProgress(grading);
        return new Grading(new LabSheets(sql, labs, grading, progress, clock),
                new SubmissionService(sql, labs, grading, progress, clock),
                new GradebookService(sql, courses, labs), new RegradeService(sql, courses, labs, grading, clock),
                new PracticeService(labs, grading, clock), new StudentAttempts(sql, courses, labs, grading));
    }
}
