package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.explore.SearchTarget;
import dev.faultlab.key.Reference;
import dev.faultlab.lab.exercise.ExerciseInfo;
import dev.faultlab.lab.exercise.FindRunExercise;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.flooding.FloodingConsensus;
import dev.faultlab.sim.Recipe;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The find-run grader, on the flooding lab's "too few rounds" exercise (three processes with 5, 2 and 7, one round,
 * one crash allowed): the student's run is replayed and must break agreement within the limits.
 */
class FindRunGradingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReferenceGrading GRADING = new ReferenceGrading(Protocols.registry());
    private static final LabCatalog CATALOG = new LabCatalog(Path.of("..", "labs"), GRADING, Clock.systemUTC());
    private static final Lab LAB = CATALOG.lab("flooding-consensus").orElseThrow();
    private static final VariantKey STUDENT = new VariantKey(1, 42, LAB.id());
    private static final String EXERCISE = "too-few-rounds";
    /** P2 (value 2) crashes in round 1 having reached only P1: P1 decides 2, P3 decides 5. */
    private static final Map<String, Object> CRASH_REACHING_P1 = Map.of("at", 0, "kind", "CRASH", "target", 1,
            "params", Map.of("reaches", List.of(0)));

    private static Grade grade(Object answer) throws InvalidAnswer {
        return GRADING.grade(LAB, STUDENT, EXERCISE, 0, JSON.valueToTree(answer), Map.of());
    }

    private static FindRunExercise exercise() {
        return (FindRunExercise) LAB.exercise(EXERCISE).orElseThrow();
    }

    private static Recipe start() {
        return exercise().start(GRADING.reference(LAB, STUDENT, exercise(), 0));
    }

    @Test
    void aRunThatBreaksAgreementWithOneCrashGetsFullMarks() throws InvalidAnswer {
        Grade graded = grade(Map.of("recipe", start().withFaults(List.of(dev.faultlab.sim.Fault.at(0,
                dev.faultlab.sim.FaultKind.CRASH, 1, Map.of("reaches", List.of(0)))))));

        assertThat(graded.score()).isEqualTo(1.0);
        assertThat(graded.feedback()).startsWith("Your run shows a violation of agreement");
    }

    @Test
    void theExplorersRunIsTheExpectedAnswerAndScoresFullMarks() throws InvalidAnswer {
        JsonNode expected = GRADING.expected(LAB, STUDENT, EXERCISE, 0);

        assertThat(expected.at("/recipe/faults/0/kind").asText()).isEqualTo("CRASH");
        assertThat(expected.at("/recipe/params/rounds").asInt()).isEqualTo(1);
        assertThat(grade(expected).score()).isEqualTo(1.0);
    }

    @Test
    void aRunWithoutFaultsEndsWithEveryMonitorGreen() throws InvalidAnswer {
        Grade graded = grade(Map.of("recipe", start()));

        assertThat(graded.score()).isZero();
        assertThat(graded.feedback()).isEqualTo("Your run ends with every monitor green: it shows no violation of agreement.");
    }

    @Test
    void aRunThatBreaksAnotherPropertyThanTheOneAskedForIsWrong() throws InvalidAnswer {
        FindRunExercise validity = new FindRunExercise(new ExerciseInfo("validity", "Break validity", "", 1, LAB.policy(), null,
                Map.of(), List.of()), SearchTarget.violating(Set.of("validity")), exercise().scenario(), Set.of(), null,
                exercise().bounds());
        Reference reference = GRADING.reference(LAB, STUDENT, exercise(), 0);

        Grade graded = validity.grade(reference, JSON.valueToTree(Map.of("faults", List.of(CRASH_REACHING_P1))), null);

        assertThat(graded.score()).isZero();
        assertThat(graded.feedback()).isEqualTo("Your run breaks agreement, but not what the exercise asks for: a violation of validity.");
    }

    @Test
    void aRunOverTheFaultLimitOrWithAKindNotAllowedIsWrongAndSaysWhy() throws InvalidAnswer {
        Map<String, Object> second = Map.of("at", 0, "kind", "CRASH", "target", 2, "params", Map.of());
        Grade twoCrashes = grade(Map.of("faults", List.of(CRASH_REACHING_P1, second)));
        Grade omission = grade(Map.of("faults", List.of(Map.of("at", 0, "kind", "SEND_OMISSION", "target", 1, "params", Map.of()))));

        assertThat(twoCrashes.score()).isZero();
        assertThat(twoCrashes.feedback()).isEqualTo("Your run uses 2 faults (2 crashes); at most 1.");
        assertThat(omission.score()).isZero();
        assertThat(omission.feedback()).isEqualTo("Your run uses a send omission; this exercise allows only [crash].");
    }

    @Test
    void aRunOfAnotherScenarioOrWithoutARecipeIsRefusedWithoutCost() {
        Recipe twoRounds = new Recipe(FloodingConsensus.ID, Map.of("n", 3, "f", 1, "rounds", 2, "values", List.of(5, 2, 7)),
                start().seed(), List.of(), null, null);

        assertThatThrownBy(() -> grade(Map.of("recipe", twoRounds))).isInstanceOf(InvalidAnswer.class)
                .hasMessageContaining("does not start from the exercise's scenario").hasMessageContaining("rounds=2");
        assertThatThrownBy(() -> grade(Map.of("run", "4b0c3f6e-0000-0000-0000-000000000000"))).isInstanceOf(InvalidAnswer.class)
                .hasMessageContaining("must name one of your runs");
    }
}
