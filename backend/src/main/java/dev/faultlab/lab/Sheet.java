package dev.faultlab.lab;

import java.util.List;

/**
 * A lab as one student sees it: their variant's data and the exercises' inputs, never an expected answer.
 *
 * @param panels what the lab shows besides its exercises: "instructions", "run"
 */
public record Sheet(String labId, String version, String title, String summary, String protocol,
                    String instructionsHtml, List<String> panels, List<Given> given, List<Figure> figures,
                    List<ExerciseSheet> exercises) {

    /**
     * One exercise's form. {@code input} depends on {@code type} (see docs/API.md): "grid" has rows,
     * columns and cells; "choice" options; "number" a unit; "fault-plan" the nodes and kinds allowed;
     * "trace" the recipe of the run to pick events from.
     */
    public record ExerciseSheet(String id, String type, String title, String promptHtml, double points,
                                LabPolicy policy, Object input) {
    }
}
