package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.lab.exercise.GradedExercise;
import dev.faultlab.lab.key.Earlier;
import dev.faultlab.lab.key.Reference;
import dev.faultlab.sim.Recipe;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link LabGrading} by reference runs: each variant's recipe is run by the platform and every answer read from it. */
public final class ReferenceGrading implements LabGrading {
    private static final int CACHED_RUNS = 1024;
    private final ReferenceRuns runs = new ReferenceRuns(CACHED_RUNS);

    @Override
    public Sheet sheet(Lab lab, VariantKey key, Map<String, Integer> attempts) {
        LabDefinition definition = lab.definition();
        Map<String, JsonNode> variables = Variants.draw(definition, Variants.seed(key, null, 0));
        List<Sheet.ExerciseSheet> exercises = new ArrayList<>();
        for (Exercise exercise : lab.exercises()) {
            GradedExercise graded = (GradedExercise) exercise;
            Reference reference = reference(lab, key, graded, attempts.getOrDefault(exercise.id(), 0));
            exercises.add(new Sheet.ExerciseSheet(graded.id(), graded.type(), graded.title(), graded.info().promptHtml(),
                    graded.points(), graded.policy(), graded.input(reference)));
        }
        return new Sheet(lab.id(), lab.version(), lab.title(), lab.summary(), lab.protocol(), definition.instructionsHtml(),
                definition.panels(), Variants.given(definition, variables), exercises);
    }

    @Override
    public Grade grade(Lab lab, VariantKey key, String exerciseId, int attempt, JsonNode answer,
                       Map<String, JsonNode> otherAnswers) throws InvalidAnswer {
        GradedExercise exercise = exercise(lab, exerciseId);
        return exercise.grade(reference(lab, key, exercise, attempt), answer, earlier(lab, otherAnswers));
    }

    @Override
    public JsonNode expected(Lab lab, VariantKey key, String exerciseId, int attempt) {
        GradedExercise exercise = exercise(lab, exerciseId);
        return exercise.expected(reference(lab, key, exercise, attempt));
    }

    @Override
    public Recipe recipe(Lab lab, VariantKey key) {
        long seed = Variants.seed(key, null, 0);
        return Variants.recipe(lab.protocol(), lab.definition(), Variants.draw(lab.definition(), seed), seed);
    }

    /** The reference run an exercise is graded on: the lab's variant, or the exercise's own for this attempt. */
    Reference reference(Lab lab, VariantKey key, GradedExercise exercise, int attempt) {
        boolean own = exercise.policy().newVariantPerAttempt();
        long seed = Variants.seed(key, own ? exercise.id() : null, own ? attempt : 0);
        return runs.of(new ReferenceRuns.Variant(lab.id(), lab.version(), seed, false),
                () -> Variants.recipe(lab.protocol(), lab.definition(), Variants.draw(lab.definition(), seed), seed));
    }

    /** The default variant's reference run, which `validate` and loading check every lab against. */
    Reference defaultReference(Lab lab) {
        LabDefinition definition = lab.definition();
        return runs.of(new ReferenceRuns.Variant(lab.id(), lab.version(), 0, true),
                () -> Variants.recipe(lab.protocol(), definition, Variants.defaults(definition), 0));
    }

    private static GradedExercise exercise(Lab lab, String exerciseId) {
        return (GradedExercise) lab.exercise(exerciseId).orElseThrow(() ->
                new IllegalArgumentException("lab " + lab.id() + " has no exercise '" + exerciseId + "'"));
    }

    /** The student's answers to other exercises, found by the key and arguments they are graded with. */
    static Earlier earlier(Lab lab, Map<String, JsonNode> otherAnswers) {
        return (keyName, args) -> {
            for (Exercise exercise : lab.exercises()) {
                GradedExercise graded = (GradedExercise) exercise;
                JsonNode answer = otherAnswers.get(graded.id());
                if (answer != null && graded.key().name().equals(keyName)
                        && args.entrySet().stream().allMatch(a -> a.getValue().equals(graded.info().args().get(a.getKey())))) {
                    return cells(answer);
                }
            }
            return Optional.empty();
        };
    }

    private static Optional<Map<String, String>> cells(JsonNode answer) {
        JsonNode cells = answer.path("cells");
        if (!cells.isObject()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = cells.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> cell = it.next();
            values.put(cell.getKey(), cell.getValue().asText());
        }
        return Optional.of(values);
    }
}
