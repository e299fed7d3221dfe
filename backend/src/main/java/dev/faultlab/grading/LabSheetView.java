package dev.faultlab.grading;

import dev.faultlab.lab.Figure;
import dev.faultlab.lab.Given;
import dev.faultlab.lab.LabPolicy;
import dev.faultlab.lab.Sheet;

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
                          String instructionsHtml, List<String> panels, List<Figure> figures, Instant opensAt,
                          Instant dueAt, double points) {
        static LabInfo of(LabInCourse lab, Sheet sheet) {
            return new LabInfo(lab.lab().id(), lab.lab().version(), sheet.title(), sheet.summary(), sheet.protocol(),
                    sheet.instructionsHtml(), sheet.panels(), sheet.figures(), lab.dates().opensAt(), lab.dates().dueAt(),
                    lab.lab().points());
        }
    }

    /** Whether the viewer may open the run of their variant now, and if not, why not. */
    public record RunPermission(boolean allowed, String reason) {
    }

    public record ExerciseView(String id, String type, String title, String promptHtml, double points,
                               LabPolicy policy, Object input, Progress progress) {
    }
}
