package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.account.Course;
import dev.faultlab.account.CourseRole;
import dev.faultlab.account.CourseService;
import dev.faultlab.account.Member;
import dev.faultlab.lab.Exercise;
import dev.faultlab.lab.Grade;
import dev.faultlab.lab.LabGrading;
import dev.faultlab.lab.Sheet;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One student's submitted answers to a lab, attempt by attempt, with the whole grade of each (every cell,
 * whatever the student was shown) and the forms of the student's variant to show them in. Callers have
 * checked that the viewer teaches the course.
 */
public final class StudentAttempts {
    private final DSLContext sql;
    private final CourseService courses;
    private final CourseLabs labs;
    private final LabGrading grading;

    StudentAttempts(DSLContext sql, CourseService courses, CourseLabs labs, LabGrading grading) {
        this.sql = sql;
        this.courses = courses;
        this.labs = labs;
        this.grading = grading;
    }

    public record Attempt(int attempt, Instant submittedAt, double points, JsonNode answer, Grade grade, String shownAt) {
    }

    public record ExerciseAttempts(String id, String type, String title, double points, Object input, List<Attempt> attempts) {
    }

    public record StudentRef(long userId, String email, String displayName) {
    }

    /** GET /api/courses/{courseId}/labs/{labId}/students/{userId}/attempts. */
    public record View(long courseId, String labId, String title, StudentRef student, List<ExerciseAttempts> exercises) {
    }

    public View of(Course course, String labId, long studentId) {
        LabInCourse lab = labs.resolve(course, labId);
        Member student = courses.members(course.id()).stream()
                .filter(m -> m.userId() == studentId && m.role() == CourseRole.STUDENT).findFirst()
                .orElseThrow(() -> GradingException.notFound("The course has no student with id " + studentId + "."));
        StudentWork work = StudentWork.of(new SubmissionStore(sql).of(course.id(), studentId, labId), List.of());
        Map<String, Integer> shown = new LinkedHashMap<>();
        for (Exercise exercise : lab.lab().exercises()) {
            shown.put(exercise.id(), ExerciseProgress.shownAttempt(exercise, work.of(exercise.id()).size()));
        }
        Sheet sheet = grading.sheet(lab.lab(), lab.variantOf(studentId), shown);
        List<ExerciseAttempts> exercises = sheet.exercises().stream().map(e -> new ExerciseAttempts(e.id(), e.type(), e.title(),
                e.points(), e.input(), work.of(e.id()).stream().map(s -> new Attempt(s.attempt(), s.submittedAt(), s.points(),
                s.answer(), s.grade(), s.grade().level().name())).toList())).toList();
        return new View(course.id(), labId, lab.lab().title(),
                new StudentRef(student.userId(), student.email(), student.displayName()), exercises);
    }
}
