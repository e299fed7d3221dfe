package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.lab.exercise.GradedExercise;
import dev.faultlab.key.AnswerKeys;
import dev.faultlab.key.ChartKeys;
import dev.faultlab.key.Earlier;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link LabGrading} by reference runs: each variant's recipe is run by the platform and every answer read from it.
 * The protocol registry it is given runs every reference run, and its protocols bring the answer keys labs name.
 */
public final class ReferenceGrading implements LabGrading {
    private static final int CACHED_RUNS = 1024;
    private final ProtocolRegistry registry;
    private final AnswerKeys keys;
    private final ChartKeys chartKeys;
    private final ReferenceRuns runs;

    public ReferenceGrading(ProtocolRegistry registry) {
        this.registry = registry;
        this.keys = AnswerKeys.of(registry);
        this.chartKeys = ChartKeys.of(registry);
        this.runs = new ReferenceRuns(registry, CACHED_RUNS);
    }

    ProtocolRegistry registry() {
        return registry;
    }

    AnswerKeys keys() {
        return keys;
    }

    ChartKeys chartKeys() {
        return chartKeys;
    }

    /** A lab-wide variant: the seed its variables were drawn from, and their values. */
    private record Drawn(long seed, Map<String, JsonNode> variables) {
    }

    /** Tries at drawing a practice variant that differs from the graded one, before settling for a repeat. */
    private static final int PRACTICE_DRAWS = 32;

    /**
     * The variables of the variant: the graded one as {@link Variants#draw} gives it; a practice one drawn
     * (even in a lab of fixed variants) until it differs from the student's graded variant.
     */
    private static Drawn drawn(Lab lab, VariantKey key) {
        LabDefinition definition = lab.definition();
        long seed = Variants.seed(key, null, 0);
        if (!key.isPractice()) {
            return new Drawn(seed, Variants.draw(definition, seed));
        }
        Map<String, JsonNode> graded = drawn(lab, key.graded()).variables();
        for (int draw = 0; draw < PRACTICE_DRAWS; draw++) {
            long practiceSeed = Variants.seed(key, "practice-draw", draw);
            Map<String, JsonNode> variables = Variants.drawAny(definition, practiceSeed);
            if (!variables.equals(graded)) {
                return new Drawn(practiceSeed, variables);
            }
        }
        return new Drawn(seed, Variants.drawAny(definition, seed));
    }

    @Override
    public Sheet sheet(Lab lab, VariantKey key, Map<String, Integer> attempts) {
        LabDefinition definition = lab.definition();
        Map<String, JsonNode> variables = drawn(lab, key).variables();
        List<Sheet.ExerciseSheet> exercises = new ArrayList<>();
        for (Exercise exercise : lab.exercises()) {
            GradedExercise graded = (GradedExercise) exercise;
            Reference reference = reference(lab, key, graded, attempts.getOrDefault(exercise.id(), 0));
            exercises.add(new Sheet.ExerciseSheet(graded.id(), graded.type(), graded.title(), graded.info().promptHtml(),
                    graded.points(), graded.policy(), graded.input(reference)));
        }
        return new Sheet(lab.id(), lab.version(), lab.title(), lab.summary(), lab.protocol(), definition.instructionsHtml(),
                definition.panels(), Variants.given(definition, variables), definition.figures(), exercises);
    }

    @Override
    public Grade grade(Lab lab, VariantKey key, String exerciseId, int attempt, JsonNode answer,
                       Map<String, JsonNode> otherAnswers) throws InvalidAnswer {
        GradedExercise exercise = exercise(lab, exerciseId);
        Reference reference = reference(lab, key, exercise, attempt);
        return exercise.grade(reference, answer, earlier(lab, otherAnswers)).at(exercise.feedback(reference));
    }

    @Override
    public Solution solution(Lab lab, VariantKey key, String exerciseId, int attempt) {
        GradedExercise exercise = exercise(lab, exerciseId);
        return exercise.solution(reference(lab, key, exercise, attempt));
    }

    @Override
    public JsonNode expected(Lab lab, VariantKey key, String exerciseId, int attempt) {
        GradedExercise exercise = exercise(lab, exerciseId);
        return exercise.expected(reference(lab, key, exercise, attempt));
    }

    @Override
    public Recipe recipe(Lab lab, VariantKey key) {
        Drawn drawn = drawn(lab, key);
        return Variants.recipe(lab.protocol(), lab.definition(), drawn.variables(), drawn.seed());
    }

    /**
     * The reference run an exercise is graded on: the lab's variant, or the exercise's own for this attempt; a
     * practice variant is one for the whole lab.
     */
    Reference reference(Lab lab, VariantKey key, GradedExercise exercise, int attempt) {
        boolean own = exercise.policy().newVariantPerAttempt() && !key.isPractice();
        Drawn drawn = own ? null : drawn(lab, key);
        long seed = own ? Variants.seed(key, exercise.id(), attempt) : drawn.seed();
        return runs.of(new ReferenceRuns.Variant(lab.id(), lab.version(), seed, false),
                () -> Variants.recipe(lab.protocol(), lab.definition(),
                        own ? Variants.draw(lab.definition(), seed) : drawn.variables(), seed));
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
                if (answer != null && graded.key() != null && graded.key().name().equals(keyName)
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
