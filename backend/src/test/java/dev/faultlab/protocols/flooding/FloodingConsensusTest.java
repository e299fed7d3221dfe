package dev.faultlab.protocols.flooding;

import dev.faultlab.check.Agreement;
import dev.faultlab.check.Termination;
import dev.faultlab.check.Validity;
import dev.faultlab.check.Verdict;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FloodingConsensusTest {
    private static final List<Integer> VALUES = List.of(3, 0, 5, 7);

    static Simulation run(Map<String, Object> params, List<Fault> faults) {
        Simulation sim = Simulation.start(Recipe.of(FloodingConsensus.ID, params, 1).withFaults(faults), Protocols.registry());
        sim.runToEnd();
        return sim;
    }

    @Test
    void withoutFailuresEveryoneDecidesTheMinimum() {
        Simulation sim = run(Map.of("n", 4, "f", 1, "values", VALUES), List.of());

        assertThat(sim.endReason().completed()).isTrue();
        assertThat(sim.decisions()).isEqualTo(Map.of(0, 0, 1, 0, 2, 0, 3, 0));
        assertThat(Agreement.check(sim).holds()).isTrue();
        assertThat(Validity.check(sim, VALUES).holds()).isTrue();
        assertThat(Termination.check(sim).holds()).isTrue();
    }

    @Test
    void eachRoundEveryProcessBroadcastsToAllOthers() {
        Simulation sim = run(Map.of("n", 4, "f", 1, "values", VALUES), List.of());

        long sendsInRound1 = sim.trace().events().stream()
                .filter(e -> e.kind() == EventKind.SEND && e.round() == 1).count();
        assertThat(sendsInRound1).isEqualTo(4 * 3);
        assertThat(sim.trace().events().stream().filter(e -> e.kind() == EventKind.ROUND).map(TraceEvent::round))
                .containsExactly(1, 2, 2);
        assertThat(sim.trace().events()).filteredOn(e -> e.kind() == EventKind.DECIDE)
                .as("decisions belong to the last round").isNotEmpty().allSatisfy(e -> assertThat(e.round()).isEqualTo(2));
    }

    @Test
    void aCrashMidBroadcastIsToleratedWithFPlusOneRounds() {
        // P1 holds the minimum and crashes in round 1 after reaching only P2.
        Fault crash = Fault.at(0, FaultKind.CRASH, 1, Map.of("reaches", List.of(2)));

        Simulation sim = run(Map.of("n", 4, "f", 1, "values", VALUES), List.of(crash));

        assertThat(sim.faultyNodes().get(1)).isTrue();
        assertThat(sim.decisions()).isEqualTo(Map.of(0, 0, 2, 0, 3, 0));
        assertThat(Agreement.check(sim).holds()).isTrue();
    }

    @Test
    void withOnlyFRoundsAChainOfCrashesEachReachingOneProcessBreaksAgreement() {
        // P1 holds the minimum 0. Round 1: it reaches only P0, then crashes. Round 2: P0 sends to P1 (crashed)
        // and P2, then crashes. After 2 rounds P2 knows 0 but P3 never heard of it.
        List<Fault> chain = List.of(
                Fault.at(0, FaultKind.CRASH, 1, Map.of("afterSends", 1)),
                Fault.at(Simulation.ROUND_TICKS, FaultKind.CRASH, 0, Map.of("afterSends", 2)));

        Simulation twoRounds = run(Map.of("n", 4, "f", 2, "rounds", 2, "values", VALUES), chain);
        Simulation threeRounds = run(Map.of("n", 4, "f", 2, "values", VALUES), chain);

        Verdict agreement = Agreement.check(twoRounds);
        assertThat(agreement.holds()).isFalse();
        assertThat(agreement.explanation()).isEqualTo("P3 decided 0 but P4 decided 3");
        assertThat(agreement.witnesses()).extracting(seq -> twoRounds.trace().event(seq))
                .extracting(TraceEvent::kind, TraceEvent::node, TraceEvent::payload)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventKind.DECIDE, 2, 0),
                        org.assertj.core.groups.Tuple.tuple(EventKind.DECIDE, 3, 3));
        assertThat(FloodingCheckers.verdicts(threeRounds)).allSatisfy(v -> assertThat(v.holds()).as(v.toString()).isTrue());
        assertThat(threeRounds.decisions()).isEqualTo(Map.of(2, 0, 3, 0));
    }

    @Test
    void theExampleOfTheDocsDecidesAsTheDocsSay() {
        Recipe recipe = Recipe.of("flooding", Map.of("n", 4, "f", 1, "values", List.of(3, 0, 5, 7)), 1)
                .withFault(Fault.at(0, FaultKind.CRASH, 1, Map.of("afterSends", 1)));
        Simulation run = Simulation.start(recipe, Protocols.registry());
        run.runToEnd();

        assertThat(FloodingCheckers.verdicts(run)).allSatisfy(v -> assertThat(v.holds()).isTrue());
        assertThat(run.decisions()).isEqualTo(Map.of(0, 0, 2, 0, 3, 0));
    }

    @Test
    void valuesLeftOutAreDrawnFromTheSeed() {
        Recipe recipe = Recipe.of(FloodingConsensus.ID, Map.of("n", 5, "f", 1), 7);

        List<Integer> inputs = FloodingConsensus.inputs(recipe);

        assertThat(inputs).hasSize(5).allSatisfy(v -> assertThat(v).isBetween(0, 9)).isEqualTo(FloodingConsensus.inputs(recipe));
        assertThat(IntStream.range(0, 20).mapToObj(seed -> FloodingConsensus.inputs(Recipe.of(FloodingConsensus.ID, Map.of("n", 5, "f", 1), seed))).distinct().count())
                .isGreaterThan(10);
        Simulation sim = Simulation.start(recipe, Protocols.registry());
        sim.runToEnd();
        assertThat(sim.decisions().values()).containsOnly(inputs.stream().min(Integer::compare).orElseThrow());
    }

    @Test
    void withOnlyFRoundsTheSameCrashBreaksAgreement() {
        Fault crash = Fault.at(0, FaultKind.CRASH, 1, Map.of("reaches", List.of(2)));
        Fault crashRelay = Fault.at(Simulation.ROUND_TICKS, FaultKind.CRASH, 2, Map.of("reaches", List.of(3)));

        Simulation sim = run(Map.of("n", 4, "f", 2, "rounds", 2, "values", VALUES), List.of(crash, crashRelay));

        Verdict agreement = Agreement.check(sim);
        assertThat(agreement.holds()).isFalse();
        assertThat(agreement.explanation()).contains("P1 decided 3").contains("P4 decided 0");
        assertThat(agreement.witnesses()).hasSize(2)
                .allSatisfy(seq -> assertThat(sim.trace().kind(seq)).isEqualTo(EventKind.DECIDE));
    }
}
