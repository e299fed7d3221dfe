package dev.faultlab.protocols.flooding.key;

import dev.faultlab.key.Grid;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The flooding keys read the run: its rounds from the trace, each process's own value from the state it was set up in. */
class FloodingKeysTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    /** P1 (input 5) crashes at time 0, before it sends anything; P2 (3) and P3 (8) flood for f+1 = 2 rounds. */
    private static Reference crashedAtStart() {
        Recipe recipe = Recipe.of("flooding", Map.of("n", 3, "f", 1, "values", List.of(5, 3, 8)), 1)
                .withFault(Fault.at(0, FaultKind.CRASH, 0));
        Simulation run = Simulation.start(recipe, REGISTRY);
        run.runToEnd();
        return new Reference(run, REGISTRY);
    }

    @Test
    void aProcessDownBeforeItsFirstEventStillHasItsOwnValueInTheSolution() {
        Reference reference = crashedAtStart();
        FloodingKnownKey known = new FloodingKnownKey();

        Grid grid = known.expected(reference, Map.of("round", 1));
        Solution solution = known.solution(reference, Map.of("round", 1));

        assertThat(grid.values()).containsExactly(Map.entry("P1/V", "crashed"), Map.entry("P2/V", "{3, 8}"),
                Map.entry("P3/V", "{3, 8}"));
        assertThat(solution.steps().get(0).text()).isEqualTo("P1 starts with 5 by the end of round 1: V = crashed.");
        assertThat(solution.steps().get(1).text()).isEqualTo("P2 starts with 3 and hears from P3 by the end of round 1: V = {3, 8}.");
    }

    @Test
    void decisionsComeAtTheEndOfTheRunsLastRound() {
        Grid grid = new FloodingDecisionsKey().expected(crashedAtStart(), Map.of());

        assertThat(grid.values()).containsExactly(Map.entry("P1/value", "crashed"), Map.entry("P1/round", "crashed"),
                Map.entry("P2/value", "3"), Map.entry("P2/round", "2"), Map.entry("P3/value", "3"), Map.entry("P3/round", "2"));
    }

    @Test
    void aRoundTheRunDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> new FloodingKnownKey().expected(crashedAtStart(), Map.of("round", 3)))
                .hasMessage("round 3 does not exist; this run has rounds 1 to 2");
    }
}
