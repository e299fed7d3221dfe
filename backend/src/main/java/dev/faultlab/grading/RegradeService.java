package dev.faultlab.grading;

import dev.faultlab.account.Actor;
import dev.faultlab.account.AuditAction;
import dev.faultlab.account.AuditLog;
import dev.faultlab.account.Course;
import dev.faultlab.account.CourseService;
import dev.faultlab.account.Member;
import dev.faultlab.lab.Exercise;
import dev.faultlab.lab.Grade;
import dev.faultlab.lab.InvalidAnswer;
import dev.faultlab.lab.LabGrading;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Grades every stored submission of a lab in a course again, with the lab as it is now and the current grader:
 * after a lab's reference run or a grader was fixed. A preview changes nothing; applying updates the grades in
 * one transaction and writes one audit event. Callers have checked that the actor teaches the course.
 */
public final class RegradeService {
    private final DSLContext sql;
    private final CourseService courses;
    private final CourseLabs labs;
    private final LabGrading grading;
    private final Clock clock;

    RegradeService(DSLContext sql, CourseService courses, CourseLabs labs, LabGrading grading, Clock clock) {
        this.sql = sql;
        this.courses = courses;
        this.labs = labs;
        this.grading = grading;
        this.clock = clock;
    }

    /** {@code neverLower} keeps a stored grade that the new one would lower. */
    public RegradeReport regrade(Course course, String labId, boolean apply, boolean neverLower, Actor actor) {
        LabInCourse lab = labs.resolve(course, labId);
        if (!apply) {
            return run(sql, lab, false, neverLower);
        }
        return sql.transactionResult(tx -> {
            RegradeReport report = run(tx.dsl(), lab, true, neverLower);
            new AuditLog(tx.dsl()).record(actor, AuditAction.LAB_REGRADED, "course:" + course.id(), audited(report));
            return report;
        });
    }

    private RegradeReport run(DSLContext db, LabInCourse lab, boolean apply, boolean neverLower) {
        SubmissionStore store = new SubmissionStore(db);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Submission> stored = store.ofLab(lab.course().id(), lab.lab().id(), apply);
        Map<Long, Member> people = courses.members(lab.course().id()).stream()
                .collect(Collectors.toMap(Member::userId, Function.identity()));
        Map<Long, List<Submission>> byStudent = stored.stream()
                .collect(Collectors.groupingBy(Submission::userId, TreeMap::new, Collectors.toList()));
        List<Submission> regraded = new ArrayList<>();
        List<RegradeReport.Unreadable> unreadable = new ArrayList<>();
        List<RegradeReport.CountedChange> counted = new ArrayList<>();
        for (var entry : byStudent.entrySet()) {
            StudentWork before = StudentWork.of(entry.getValue(), List.of());
            List<Submission> after = new ArrayList<>();
            for (Submission submission : entry.getValue()) {
                Optional<Exercise> exercise = lab.lab().exercise(submission.exerciseId());
                Optional<Submission> again = exercise.flatMap(e ->
                        regradeOne(lab, e, before, submission, neverLower, now, unreadable));
                again.ifPresent(regraded::add);
                after.add(again.orElse(submission));
            }
            counted.addAll(countedChanges(lab, people.get(entry.getKey()), entry.getKey(), before,
                    StudentWork.of(after, List.of())));
        }
        if (apply) {
            regraded.forEach(store::updateGrade);
        }
        Map<Long, Double> oldScores = stored.stream().collect(Collectors.toMap(Submission::id, s -> s.grade().score()));
        int scoresChanged = (int) regraded.stream().filter(s -> s.grade().score() != oldScores.get(s.id())).count();
        return new RegradeReport(lab.course().id(), lab.lab().id(), lab.lab().version(), LabGrading.GRADER_VERSION,
                apply, neverLower, stored.size(), regraded.size(), scoresChanged, counted, unreadable);
    }

    /** The submission with its new grade, or empty when it keeps the stored one. */
    private Optional<Submission> regradeOne(LabInCourse lab, Exercise exercise, StudentWork work, Submission submission,
                                            boolean neverLower, Instant now, List<RegradeReport.Unreadable> unreadable) {
        Grade grade;
        try {
            grade = grading.grade(lab.lab(), lab.variantOf(submission.userId()), exercise.id(), submission.attempt(),
                    submission.answer(), work.otherAnswers(exercise.id(), submission.id()));
        } catch (InvalidAnswer e) {
            unreadable.add(new RegradeReport.Unreadable(submission.id(), submission.userId(), exercise.id(),
                    e.problems()));
            return Optional.empty();
        }
        if (neverLower && grade.score() < submission.grade().score()) {
            return Optional.empty();
        }
        double points = Scoring.points(exercise.points(), grade.score(), exercise.policy().penaltyPerAttempt(),
                submission.attempt());
        return Optional.of(submission.withGrade(grade, points, lab.lab().version(), LabGrading.GRADER_VERSION, now));
    }

    private static List<RegradeReport.CountedChange> countedChanges(LabInCourse lab, Member person, long userId,
                                                                    StudentWork before, StudentWork after) {
        List<RegradeReport.CountedChange> changes = new ArrayList<>();
        for (Exercise exercise : lab.lab().exercises()) {
            Optional<Submission> was = before.counted(exercise);
            if (was.isPresent()) {
                changes.add(new RegradeReport.CountedChange(userId, person == null ? null : person.email(),
                        person == null ? null : person.displayName(), exercise.id(), was.get().points(),
                        after.counted(exercise).orElseThrow().points()));
            }
        }
        return changes;
    }

    private static Map<String, Object> audited(RegradeReport report) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("labId", report.labId());
        details.put("labVersion", report.labVersion());
        details.put("graderVersion", report.graderVersion());
        details.put("neverLower", report.neverLower());
        details.put("submissions", report.submissions());
        details.put("regraded", report.regraded());
        details.put("scoresChanged", report.scoresChanged());
        details.put("countedChanges", report.counted().stream().filter(c -> c.before() != c.after())
                .map(c -> Map.of("userId", c.userId(), "exerciseId", c.exerciseId(), "before", c.before(),
                        "after", c.after()))
                .toList());
        return details;
    }
}
