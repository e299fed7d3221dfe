package dev.faultlab.grading;

import dev.faultlab.account.Course;
import dev.faultlab.lab.Exercise;
import dev.faultlab.lab.LabGrading;
import dev.faultlab.lab.LabPolicy;
import dev.faultlab.lab.Sheet;
import dev.faultlab.sim.Recipe;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a course member sees of a lab: the sheet of their variant with their progress, and the run of their
 * variant when the lab's run policy allows. Callers have checked that the viewer belongs to the course;
 * {@code preview} is true for the course's instructors, who see every answer and may always open the run.
 */
public final class LabSheets {
    private final DSLContext sql;
    private final CourseLabs labs;
    private final LabGrading grading;
    private final ExerciseProgress progress;
    private final Clock clock;

    LabSheets(DSLContext sql, CourseLabs labs, LabGrading grading, ExerciseProgress progress, Clock clock) {
        this.sql = sql;
        this.labs = labs;
        this.grading = grading;
        this.progress = progress;
        this.clock = clock;
    }

    public LabSheetView sheet(Course course, String labId, long viewerId, boolean preview) {
        LabInCourse lab = labs.resolve(course, labId);
        Instant now = clock.instant();
        if (!preview) {
            lab.requireOpened(now);
        }
        StudentWork work = workOf(lab, viewerId, preview);
        Sheet sheet = grading.sheet(lab.lab(), lab.variantOf(viewerId), shownAttempts(lab, work));
        List<LabSheetView.ExerciseView> exercises = sheet.exercises().stream().map(e -> new LabSheetView.ExerciseView(
                e.id(), e.type(), e.title(), e.promptHtml(), e.points(), e.policy(), e.input(),
                progress.of(lab, viewerId, lab.exercise(e.id()), work, now, preview))).toList();
        return new LabSheetView(
                new LabSheetView.CourseRef(course.id(), course.code(), course.title()),
                LabSheetView.LabInfo.of(lab, sheet),
                runPermission(lab, work, now, preview), practice(lab), sheet.given(), exercises);
    }

    /** The recipe of the viewer's variant, if the lab's run policy lets them open it now. */
    public Recipe variantRun(Course course, String labId, long viewerId, boolean preview) {
        LabInCourse lab = labs.resolve(course, labId);
        Instant now = clock.instant();
        if (!preview) {
            lab.requireOpened(now);
        }
        LabSheetView.RunPermission permission = runPermission(lab, workOf(lab, viewerId, preview), now, preview);
        if (!permission.allowed()) {
            throw new GradingException(GradingException.Problem.FORBIDDEN, "run_not_allowed", permission.reason(),
                    Map.of());
        }
        return grading.recipe(lab.lab(), lab.variantOf(viewerId));
    }

    private static LabSheetView.Practice practice(LabInCourse lab) {
        String refused = PracticeService.refusal(lab);
        return new LabSheetView.Practice(refused == null, refused);
    }

    private StudentWork workOf(LabInCourse lab, long viewerId, boolean preview) {
        if (preview) {
            return StudentWork.NONE;
        }
        long courseId = lab.course().id();
        return StudentWork.of(new SubmissionStore(sql).of(courseId, viewerId, lab.lab().id()),
                new DraftStore(sql).of(courseId, viewerId, lab.lab().id()));
    }

    private static Map<String, Integer> shownAttempts(LabInCourse lab, StudentWork work) {
        Map<String, Integer> attempts = new LinkedHashMap<>();
        for (Exercise exercise : lab.lab().exercises()) {
            attempts.put(exercise.id(), ExerciseProgress.shownAttempt(exercise, work.of(exercise.id()).size()));
        }
        return attempts;
    }

    private static LabSheetView.RunPermission runPermission(LabInCourse lab, StudentWork work, Instant now,
                                                            boolean preview) {
        LabPolicy.RunAccess rule = lab.lab().policy().run();
        List<Boolean> shown = lab.lab().exercises().stream()
                .map(e -> ExerciseProgress.answerShown(lab, e, work.of(e.id()), now, preview)).toList();
        if (RevealRules.runAllowed(rule, preview, shown)) {
            return new LabSheetView.RunPermission(true, null);
        }
        return new LabSheetView.RunPermission(false, rule == LabPolicy.RunAccess.NEVER
                ? "This lab does not let students open the run of their variant."
                : "The run of your variant opens once the answers are revealed.");
    }
}
