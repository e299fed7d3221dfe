package dev.faultlab.grading;

import dev.faultlab.account.Course;
import dev.faultlab.account.CourseRole;
import dev.faultlab.account.CourseService;
import dev.faultlab.account.Member;
import dev.faultlab.lab.Exercise;
import dev.faultlab.lab.Lab;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Grades as they count: a student's own, and the gradebooks of a course's instructors. Callers have checked
 * who may read what (a student their own grades, the course's instructors the gradebooks).
 */
public final class GradebookService {
    private final DSLContext sql;
    private final CourseService courses;
    private final CourseLabs labs;

    GradebookService(DSLContext sql, CourseService courses, CourseLabs labs) {
        this.sql = sql;
        this.courses = courses;
        this.labs = labs;
    }

    /** The student's counted points in every lab of the course that loads. */
    public GradeViews.OwnGrades ownGrades(Course course, long studentId) {
        SubmissionStore store = new SubmissionStore(sql);
        List<GradeViews.LabScore> scores = labs.all(course).stream().map(lab -> {
            StudentWork work = StudentWork.of(store.of(course.id(), studentId, lab.lab().id()), List.of());
            List<GradeViews.ExerciseScore> exercises = lab.lab().exercises().stream()
                    .map(e -> new GradeViews.ExerciseScore(e.id(), e.title(),
                            work.counted(e).map(Submission::points).orElse(null), e.points(),
                            work.of(e.id()).size(), e.policy().maxAttempts()))
                    .toList();
            return new GradeViews.LabScore(lab.lab().id(), lab.lab().title(), lab.dates().dueAt(),
                    total(lab.lab(), work), lab.lab().points(), exercises);
        }).toList();
        return new GradeViews.OwnGrades(course.id(), scores);
    }

    public GradeViews.CourseGradebook courseGradebook(Course course) {
        List<LabInCourse> courseLabs = labs.all(course);
        Map<Long, List<Submission>> byStudent = groupByStudent(new SubmissionStore(sql).ofCourse(course.id()));
        List<GradeViews.StudentRow> rows = students(course).stream().map(student -> {
            List<Submission> theirs = byStudent.getOrDefault(student.userId(), List.of());
            List<GradeViews.StudentLabCell> cells = courseLabs.stream().map(lab -> {
                StudentWork work = workIn(theirs, lab.lab().id());
                return new GradeViews.StudentLabCell(lab.lab().id(), total(lab.lab(), work), work.submissions().size());
            }).toList();
            double points = Scoring.round(cells.stream().mapToDouble(GradeViews.StudentLabCell::points).sum());
            return new GradeViews.StudentRow(student.userId(), student.email(), student.displayName(), points, cells);
        }).toList();
        List<GradeViews.LabColumn> columns = courseLabs.stream()
                .map(l -> new GradeViews.LabColumn(l.lab().id(), l.lab().title(), l.lab().points())).toList();
        return new GradeViews.CourseGradebook(course.id(), columns, rows);
    }

    public GradeViews.LabGradebook labGradebook(Course course, String labId) {
        LabInCourse lab = labs.resolve(course, labId);
        Map<Long, List<Submission>> byStudent = groupByStudent(new SubmissionStore(sql).ofLab(course.id(), labId, false));
        List<GradeViews.StudentLabRow> rows = new ArrayList<>();
        Map<String, List<Submission>> countedPerExercise = lab.lab().exercises().stream()
                .collect(Collectors.toMap(Exercise::id, e -> new ArrayList<>()));
        for (Member student : students(course)) {
            StudentWork work = StudentWork.of(byStudent.getOrDefault(student.userId(), List.of()), List.of());
            List<GradeViews.StudentExerciseCell> cells = new ArrayList<>();
            for (Exercise exercise : lab.lab().exercises()) {
                Optional<Submission> counted = work.counted(exercise);
                counted.ifPresent(countedPerExercise.get(exercise.id())::add);
                cells.add(new GradeViews.StudentExerciseCell(exercise.id(), counted.map(Submission::points).orElse(null),
                        counted.map(s -> s.grade().score()).orElse(null), work.of(exercise.id()).size()));
            }
            rows.add(new GradeViews.StudentLabRow(student.userId(), student.email(), student.displayName(),
                    total(lab.lab(), work), work.submissions().size(), cells));
        }
        List<ExerciseStats> stats = lab.lab().exercises().stream()
                .map(e -> ExerciseStats.of(e.id(), e.points(), countedPerExercise.get(e.id()))).toList();
        List<GradeViews.ExerciseColumn> columns = lab.lab().exercises().stream()
                .map(e -> new GradeViews.ExerciseColumn(e.id(), e.title(), e.points())).toList();
        return new GradeViews.LabGradebook(course.id(), new GradeViews.LabHeader(lab.lab().id(), lab.lab().title(),
                lab.lab().version(), lab.lab().points(), columns), rows, stats);
    }

    /** The sum of the counted points of the lab's exercises (submissions to exercises since removed do not count). */
    static double total(Lab lab, StudentWork work) {
        return Scoring.round(lab.exercises().stream()
                .mapToDouble(e -> work.counted(e).map(Submission::points).orElse(0.0)).sum());
    }

    private List<Member> students(Course course) {
        return courses.members(course.id()).stream().filter(m -> m.role() == CourseRole.STUDENT).toList();
    }

    private static Map<Long, List<Submission>> groupByStudent(List<Submission> submissions) {
        return submissions.stream().collect(Collectors.groupingBy(Submission::userId));
    }

    private static StudentWork workIn(List<Submission> submissions, String labId) {
        return StudentWork.of(submissions.stream().filter(s -> s.labId().equals(labId)).toList(), List.of());
    }
}
