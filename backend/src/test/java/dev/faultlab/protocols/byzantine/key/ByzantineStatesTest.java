package dev.faultlab.protocols.byzantine.key;

import dev.faultlab.key.Reference;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.byzantine.Statement;
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

/** The Byzantine keys read what each process heard, its value and its vector from the states the inspector shows. */
class ByzantineStatesTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    /** Four loyal processes, m=1 (two rounds); P4 crashes in round 2, after its relays arrived. */
    private static ByzantineStates states() {
        Recipe recipe = Recipe.of("byzantine", Map.of("n", 4, "m", 1, "values", List.of("a", "b", "c", "d")), 1)
                .withFault(Fault.at(15, FaultKind.CRASH, 3));
        Simulation run = Simulation.start(recipe, REGISTRY);
        run.runToEnd();
        return ByzantineStates.of(new Reference(run, REGISTRY));
    }

    @Test
    void aLoyalProcessHeardEachValueDirectlyThenRelayedAndBuiltTheVectorOfThem() {
        ByzantineStates states = states();

        assertThat(states.value(0)).contains("a");
        assertThat(states.received(0, 1)).containsExactly(new Statement(List.of(1), "b"), new Statement(List.of(2), "c"),
                new Statement(List.of(3), "d"));
        assertThat(states.received(0, 2)).containsExactly(new Statement(List.of(1, 2), "c"), new Statement(List.of(1, 3), "d"),
                new Statement(List.of(2, 1), "b"), new Statement(List.of(2, 3), "d"), new Statement(List.of(3, 1), "b"),
                new Statement(List.of(3, 2), "c"));
        assertThat(states.finalVector(0)).contains(List.of("a", "b", "c", "d"));
    }

    @Test
    void aCrashedProcessHasLostWhatItHeard() {
        ByzantineStates states = states();

        assertThat(states.value(3)).isEmpty();
        assertThat(states.received(3, 1)).isEmpty();
        assertThat(states.finalVector(3)).isEmpty();
    }

    @Test
    void theValuesTheRunStartedWithIncludeTheCrashedProcesses() {
        assertThat(states().initialValues()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void roundsAndProcessesTheRunDoesNotHaveAreRefused() {
        ByzantineStates states = states();

        assertThatThrownBy(() -> states.received(0, 3)).hasMessage("round 3 does not exist; this run has rounds 1 to 2");
        assertThatThrownBy(() -> states.value(4)).hasMessage("P5 does not exist (n=4)");
    }
}
