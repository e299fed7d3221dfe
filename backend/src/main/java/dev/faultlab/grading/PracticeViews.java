package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.lab.Given;
import dev.faultlab.lab.Grade;
import dev.faultlab.key.Solution;

import java.util.List;

/** What the practice routes return (see docs/API.md): nothing here is stored, and nothing counts. */
public final class PracticeViews {
    private PracticeViews() {
    }

    /** A practice variant of a lab: its data and its exercises' forms. */
    public record PracticeSheet(LabSheetView.CourseRef course, LabSheetView.LabInfo lab, int practice, List<Given> given,
                                List<PracticeExercise> exercises) {
    }

    public record PracticeExercise(String id, String type, String title, String promptHtml, double points, Object input) {
    }

    /** A checked practice answer: every cell judged, with its reason. */
    public record PracticeCheck(Grade grade) {
    }

    /** A practice exercise's expected answer and how it follows from the practice run. */
    public record PracticeSolution(JsonNode expected, Solution solution) {
    }
}
