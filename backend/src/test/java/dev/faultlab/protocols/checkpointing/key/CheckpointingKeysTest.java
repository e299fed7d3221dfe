package dev.faultlab.protocols.checkpointing.key;

import dev.faultlab.key.Reference;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.checkpointing.Checkpointing;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys on the lab's default scenario, worked by hand with the rollback rule: P2 crashes after the last step and
 * restores CP_2(2), undoing m7 and m10; P1 saved INT_2(3) → INT_1(2) (m7) with CP_1(2), so it rolls back to CP_1(1),
 * undoing m5; P2 saved INT_1(2) → INT_2(2) (m5) with CP_2(2), so it rolls back to CP_2(1); CP_1(1) and CP_2(1)
 * depend on nothing undone.
 */
class CheckpointingKeysTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();
    private static final List<String> SCRIPT = List.of("P1 -> P2", "P2 -> P1", "P1 checkpoint", "P2 checkpoint", "P1 -> P2",
            "P2 checkpoint", "P2 -> P1", "P1 checkpoint", "P1 -> P2", "P2 -> P1");
    private static final Recipe SCENARIO = Recipe.of(Checkpointing.ID, Map.of("n", 2, "method", "independent", "script", SCRIPT), 1)
            .withFaults(List.of(Fault.at(115, FaultKind.CRASH, 1)));

    private static Reference reference(Recipe recipe) {
        Simulation run = Simulation.start(recipe, REGISTRY);
        run.runToEnd();
        return new Reference(run, REGISTRY);
    }

    @Test
    void theRecoveryLineAndTheRollbacksFollowTheRule() {
        Reference reference = reference(SCENARIO);

        assertThat(new RollbacksKey().expected(reference, Map.of()).values())
                .containsExactly(Map.entry("P1/restores", "CP_1(1)"), Map.entry("P2/restores", "CP_2(1)"));
        List<String> picked = new ArrayList<>();
        for (int event : new RecoveryLineKey().expected(reference, Map.of())) {
            picked.add(((Output.Checkpoint) Output.of(reference.run().trace().event(event))).label());
        }
        assertThat(picked).containsExactly("CP_1(1)", "CP_2(1)");
    }

    @Test
    void checkpointsRightAfterEachReceiptAndAnEarlyCrashMakeTheDominoesFall() {
        DominoKey key = new DominoKey();
        List<Fault> plan = List.of(Fault.at(12, FaultKind.REQUEST, 1, Map.of("command", "checkpoint")),
                Fault.at(22, FaultKind.REQUEST, 0, Map.of("command", "checkpoint")), Fault.at(25, FaultKind.CRASH, 1));
        List<Fault> all = new ArrayList<>(SCENARIO.faults());
        all.addAll(plan);

        assertThat(key.check(reference(SCENARIO.withFaults(all)).run(), REGISTRY, Map.of()).holds()).isTrue();
        assertThat(key.check(reference(SCENARIO).run(), REGISTRY, Map.of()).explanation())
                .isEqualTo("After P2's crash the recovery line is CP_1(1), CP_2(1): it stops before the start.");
        List<Fault> tooEarly = new ArrayList<>(List.of(Fault.at(5, FaultKind.CRASH, 1)));
        tooEarly.addAll(SCENARIO.faults());
        assertThat(key.check(reference(SCENARIO.withFaults(tooEarly)).run(), REGISTRY, Map.of()).explanation())
                .isEqualTo("P1 has taken no checkpoint of its own when P2 crashes: a domino effect needs checkpoints that all turn out useless.");
        assertThat(key.find(reference(SCENARIO), Set.of("REQUEST", "CRASH"), 3, Map.of())).isPresent();
        assertThat(key.find(reference(SCENARIO), Set.of("CRASH"), 3, Map.of())).isEmpty();
    }
}
