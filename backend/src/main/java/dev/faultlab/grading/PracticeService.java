package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.account.Course;
import dev.faultlab.lab.Exercise;
import dev.faultlab.lab.FeedbackLevel;
import dev.faultlab.lab.InvalidAnswer;
import dev.faultlab.lab.LabGrading;
import dev.faultlab.lab.Sheet;
import dev.faultlab.lab.VariantKey;
import dev.faultlab.sim.Recipe;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Practice variants of a lab, drawn apart from the student's graded one: open at any time the lab is open
 * (before the graded answers are revealed too), checked as often as the student likes with every cell's
 * feedback, their worked solutions on request. Nothing is stored and nothing counts. Callers have checked
 * that the viewer belongs to the course.
 */
public final class PracticeService {
    /** Practice variants are numbered 1 to this. */
    public static final int MAX_NUMBER = 1000;

    private final CourseLabs labs;
    private final LabGrading grading;
    private final Clock clock;

    PracticeService(CourseLabs labs, LabGrading grading, Clock clock) {
        this.labs = labs;
        this.grading = grading;
        this.clock = clock;
    }

    public PracticeViews.PracticeSheet sheet(Course course, String labId, long viewerId, boolean instructor, int number) {
        LabInCourse lab = open(course, labId, instructor, number);
        VariantKey key = lab.variantOf(viewerId).practice(number);
        Sheet sheet = grading.sheet(lab.lab(), key, Map.of());
        return new PracticeViews.PracticeSheet(new LabSheetView.CourseRef(course.id(), course.code(), course.title()),
                LabSheetView.LabInfo.of(lab, sheet),
                number, sheet.given(), sheet.exercises().stream().map(e -> new PracticeViews.PracticeExercise(e.id(), e.type(),
                e.title(), e.promptHtml(), e.points(), e.input())).toList());
    }

    /**
     * Grades a practice answer at the cells' level (the worked solution is one click away anyway); {@code others}
     * are the student's answers to the variant's other exercises, for error carried forward.
     */
    public PracticeViews.PracticeCheck check(Course course, String labId, String exerciseId, long viewerId, boolean instructor,
                                             int number, JsonNode answer, Map<String, JsonNode> others) {
        LabInCourse lab = open(course, labId, instructor, number);
        Exercise exercise = lab.exercise(exerciseId);
        Answers.require(answer);
        Map<String, JsonNode> earlier = new LinkedHashMap<>();
        if (others != null) {
            others.forEach((id, other) -> {
                if (!id.equals(exerciseId) && lab.lab().exercise(id).isPresent() && other != null && !other.isNull()) {
                    earlier.put(id, Answers.require(other));
                }
            });
        }
        try {
            return new PracticeViews.PracticeCheck(grading.grade(lab.lab(), lab.variantOf(viewerId).practice(number),
                    exercise.id(), 0, answer, earlier).at(FeedbackLevel.CELLS));
        } catch (InvalidAnswer e) {
            throw SubmissionService.unreadable(e);
        }
    }

    public PracticeViews.PracticeSolution solution(Course course, String labId, String exerciseId, long viewerId,
                                                   boolean instructor, int number) {
        LabInCourse lab = open(course, labId, instructor, number);
        Exercise exercise = lab.exercise(exerciseId);
        VariantKey key = lab.variantOf(viewerId).practice(number);
        return new PracticeViews.PracticeSolution(grading.expected(lab.lab(), key, exercise.id(), 0),
                grading.solution(lab.lab(), key, exercise.id(), 0));
    }

    /** The recipe of a practice variant, to open in the run view: always allowed where practice is. */
    public Recipe run(Course course, String labId, long viewerId, boolean instructor, int number) {
        LabInCourse lab = open(course, labId, instructor, number);
        return grading.recipe(lab.lab(), lab.variantOf(viewerId).practice(number));
    }

    /** Why practice is not offered in this lab, or null when it is. */
    static String refusal(LabInCourse lab) {
        return lab.lab().definition().practice() ? null
                : "This lab does not offer practice variants: every student works on the lab's own variant.";
    }

    private LabInCourse open(Course course, String labId, boolean instructor, int number) {
        if (number < 1 || number > MAX_NUMBER) {
            throw GradingException.invalid("practice", "Practice variants are numbered 1 to " + MAX_NUMBER + ".");
        }
        LabInCourse lab = labs.resolve(course, labId);
        if (!instructor) {
            lab.requireOpened(clock.instant());
        }
        String refused = refusal(lab);
        if (refused != null) {
            throw new GradingException(GradingException.Problem.FORBIDDEN, "practice_not_offered", refused, Map.of());
        }
        return lab;
    }
}
