package dev.faultlab.grading;

import dev.faultlab.lab.Given;
import dev.faultlab.lab.LabPolicy;

import java.time.Instant;
import java.util.List;

/** A lab as one course member sees it: their variant, and their progress on each exercise (see docs/API.md). */
public record LabSheetView(CourseRef course, LabInfo lab, RunPermission run, Practice practice, List<Given> given,
                           List<ExerciseView> exercises) {

    /** Whether the lab offers practice variants, and if not, why not. */
    public record Practice(boolean offered, String reason) {
    }

    public record CourseRef(long id, String code, String title) {
    }

    public record LabInfo(String id, String version, String title, String summary, String protocol,
                          String instructionsHtml, List<String> panels, Instant opensAt, Instant dueAt, double points) {
    }

    /** Whether the viewer may open the run of their variant now, and if not, why not. */
    public record RunPermission(boolean allowed, String reason) {
    }

    public record ExerciseView(String id, String type, String title, String promptHtml, double points,
                               LabPolicy policy, Object input, Progress progress) {
    }
}
