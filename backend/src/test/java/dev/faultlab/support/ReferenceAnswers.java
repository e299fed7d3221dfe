package dev.faultlab.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.lab.Exercise;
import dev.faultlab.lab.Lab;
import dev.faultlab.lab.LabCatalog;
import dev.faultlab.lab.ReferenceGrading;
import dev.faultlab.lab.Sheet;
import dev.faultlab.lab.VariantKey;
import dev.faultlab.protocols.Protocols;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lab shipped in labs/, installed for a test server, with the server's own reference answers for any
 * student's variant: the lab package built as App builds it, so a test answers exactly what the grader expects.
 */
public final class ReferenceAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReferenceGrading grading = new ReferenceGrading(Protocols.registry());
    private final Lab lab;

    /** Reads the lab from the folder {@link #installLab} copied it to. */
    public ReferenceAnswers(Path dataDir, String labId) {
        LabCatalog catalog = new LabCatalog(dataDir.resolve("labs"), grading, Clock.systemUTC());
        this.lab = catalog.lab(labId).orElseThrow(() -> new IllegalStateException(
                "The lab " + labId + " does not load: " + catalog.list().problems()));
    }

    /** Copies the shipped lab {@code labId} to where TestServer reads labs ({@code dataDir/labs}). */
    public static void installLab(Path dataDir, String labId) {
        Labs.copyFromRepository(dataDir, labId);
    }

    public String title() {
        return lab.title();
    }

    public double points() {
        return lab.points();
    }

    public double exercisePoints(String exerciseId) {
        return lab.exercise(exerciseId).map(Exercise::points).orElseThrow();
    }

    /** The expected answer to every exercise for the student's first attempt, by exercise id. */
    public Map<String, JsonNode> answers(long courseId, long userId) {
        VariantKey key = new VariantKey(courseId, userId, lab.id());
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (Exercise exercise : lab.exercises()) {
            answers.put(exercise.id(), grading.expected(lab, key, exercise.id(), 0));
        }
        return answers;
    }

    /** The expected answer to every exercise in the student's practice variant {@code number}, by exercise id. */
    public Map<String, JsonNode> practiceAnswers(long courseId, long userId, int number) {
        VariantKey key = new VariantKey(courseId, userId, lab.id(), number);
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (Exercise exercise : lab.exercises()) {
            answers.put(exercise.id(), grading.expected(lab, key, exercise.id(), 0));
        }
        return answers;
    }

    /** A value of the grid exercise's vocabulary other than {@code value}: a wrong answer for that cell. */
    public String otherValue(String exerciseId, String value) {
        Sheet sheet = grading.sheet(lab, new VariantKey(0, 0, lab.id()), Map.of());
        Sheet.ExerciseSheet exercise = sheet.exercises().stream().filter(e -> e.id().equals(exerciseId)).findFirst().orElseThrow();
        for (JsonNode word : JSON.valueToTree(exercise.input()).path("vocabulary")) {
            if (!word.asText().equals(value)) {
                return word.asText();
            }
        }
        throw new IllegalStateException(exerciseId + " has no vocabulary with another value than " + value);
    }
}
