package dev.faultlab.protocols.twoarmy.key;

import dev.faultlab.key.Grid;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.twoarmy.TwoArmy;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two-army keys read the lecture's argument off runs: who attacks alone, that one more message does not help, the proof table. */
class TwoArmyKeysTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    private static Reference reference(int k) {
        Simulation run = Simulation.start(Recipe.of(TwoArmy.ID, Map.of("k", k), 1), REGISTRY);
        run.runToEnd();
        return new Reference(run, REGISTRY);
    }

    @Test
    void theProofTableCatchesTheLastMessengerOfEachLengthAndTheGeneralsTakeTurnsAttackingAlone() {
        Grid proof = new ProofKey().expected(reference(3), Map.of("upTo", 4));

        assertThat(proof.values()).containsExactly(
                Map.entry("k1/lost", "1"), Map.entry("k1/alone", "sparta"),
                Map.entry("k2/lost", "2"), Map.entry("k2/alone", "carthage"),
                Map.entry("k3/lost", "3"), Map.entry("k3/alone", "sparta"),
                Map.entry("k4/lost", "4"), Map.entry("k4/alone", "carthage"));
    }

    @Test
    void theOutcomeOfACaughtMessengerIsReadFromItsRun() {
        OutcomeKey key = new OutcomeKey();

        assertThat(key.expected(reference(4), Map.of("lost", 1))).containsExactly("neither-attacks");
        assertThat(key.expected(reference(4), Map.of("lost", "last"))).containsExactly("carthage-alone");
        assertThatThrownBy(() -> key.expected(reference(2), Map.of("lost", 3))).isInstanceOf(KeyException.class)
                .hasMessageContaining("only 2 messages");
    }

    @Test
    void oneMoreMessageStillBreaks() {
        assertThat(new OneMoreKey().expected(reference(3), Map.of())).containsExactly("still-breaks");
    }

    @Test
    void theChallengeIsMetByClosingTheLastMessengersWayAndNotTheFirsts() {
        Reference reference = reference(3);
        DisagreeKey key = new DisagreeKey();
        List<Fault> plan = key.find(reference, Set.of("LINK_DOWN"), 1, Map.of()).orElseThrow();

        assertThat(plan).singleElement().satisfies(fault -> {
            assertThat(fault.kind()).isEqualTo(FaultKind.LINK_DOWN);
            assertThat(fault.at()).isEqualTo(20L);
        });
        Simulation first = Simulation.start(reference.run().recipe().withFault(Fault.at(0, FaultKind.LINK_DOWN, 0, Map.of("to", 1))), REGISTRY);
        first.runToEnd();
        assertThat(key.check(first, REGISTRY, Map.of()).holds()).isFalse();
        assertThat(key.check(first, REGISTRY, Map.of()).explanation()).isEqualTo("The generals agree: neither general attacks.");
        assertThat(key.find(reference, Set.of("CRASH"), 1, Map.of())).isEmpty();
    }
}
