package dev.faultlab.protocols.checkpointing;

import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.faultlab.protocols.checkpointing.CkptRuns.DOMINO;
import static dev.faultlab.protocols.checkpointing.CkptRuns.checkpoints;
import static dev.faultlab.protocols.checkpointing.CkptRuns.cuts;
import static dev.faultlab.protocols.checkpointing.CkptRuns.dump;
import static dev.faultlab.protocols.checkpointing.CkptRuns.notes;
import static dev.faultlab.protocols.checkpointing.CkptRuns.params;
import static dev.faultlab.protocols.checkpointing.CkptRuns.run;
import static dev.faultlab.protocols.checkpointing.CkptRuns.violation;
import static org.assertj.core.api.Assertions.assertThat;

/** Scripted runs that follow the lecture's slides step by step. */
class CheckpointingScenarioTest {
    private static final List<Fault> P2_CRASHES_AND_RECOVERS = List.of(Fault.at(95, FaultKind.CRASH, 1), Fault.at(120, FaultKind.RECOVER, 1));

    @Test
    void theSlidesDominoExampleRollsBothProcessesBackToTheStart() {
        Simulation sim = run(params("n", 2, "method", "independent", "script", DOMINO), 1, P2_CRASHES_AND_RECOVERS);

        assertThat(checkpoints(sim, 2)).as(dump(sim)).containsExactly(List.of("CP_1(0)", "CP_1(1)", "CP_1(2)"),
                List.of("CP_2(0)", "CP_2(1)", "CP_2(2)"));
        assertThat(cuts(sim, "recovery line")).singleElement()
                .satisfies(cut -> assertThat(cut.points()).containsExactly("CP_1(0)", "CP_2(0)"));
        assertThat(notes(sim)).contains("P2 restores its latest checkpoint CP_2(2) and asks every other process for its dependencies",
                "P1 rolls back to CP_1(0)", "P2 rolls back to CP_2(0)");
        assertThat(violation(sim, ConsistentAfterRecovery.NAME)).as(dump(sim)).isNull();
    }

    @Test
    void theRollbackRuleFollowsTheDependenciesSavedWithEachCheckpoint() {
        Simulation sim = run(params("n", 2, "method", "independent", "script", DOMINO), 1, List.of());
        List<Object> p2 = sim.processes().get(1).stable().get(Worker.CHECKPOINTS) instanceof List<?> list ? List.copyOf(list) : List.of();

        // CP_2(1) saves INT_1(1) → INT_2(1) (m1), CP_2(2) saves INT_1(2) → INT_2(2) (m5); m9 is in INT_2(3), not saved yet.
        assertThat(p2).extracting(cp -> ((SavedCheckpoint) cp).dependencies().stream().map(d -> d.describe(1)).toList())
                .containsExactly(List.of(), List.of("INT_1(1) → INT_2(1)"), List.of("INT_1(2) → INT_2(2)"));
        assertThat(sim.processes().get(1).state().get("dependencies")).isEqualTo(List.of(new Dependency(0, 3, 3)));
        assertThat(sim.trace().events().stream().filter(e -> e.payload() instanceof App).map(e -> ((App) e.payload()).tag()).distinct())
                .containsExactly("(1, 1)", "(2, 2)", "(1, 2)", "(2, 3)", "(1, 3)");
    }

    @Test
    void checkpointsPlacedApartFromTheMessagesKeepTheRecoveryLineRecent() {
        List<String> script = List.of("P1 -> P2", "P2 -> P1", "P1 checkpoint", "P2 checkpoint", "P1 -> P2", "P2 -> P1");
        Simulation sim = run(params("n", 2, "method", "independent", "script", script), 1,
                List.of(Fault.at(75, FaultKind.CRASH, 1), Fault.at(90, FaultKind.RECOVER, 1)));

        // P2 loses INT_2(2), where it sent m6; P1 received m6 in INT_1(2), so P1 rolls back to CP_1(1) and no further.
        assertThat(cuts(sim, "recovery line")).singleElement()
                .satisfies(cut -> assertThat(cut.points()).containsExactly("CP_1(1)", "CP_2(1)"));
        assertThat(violation(sim, ConsistentAfterRecovery.NAME)).isNull();
    }

    @Test
    void coordinatedRoundRequestsHoldsBackAcknowledgesAndEndsWithDone() {
        List<String> script = List.of("P1 -> P2", "P2 -> P3", "P1 checkpoint", "P3 -> P1", "P2 -> P1");
        Simulation sim = run(params("n", 3, "method", "coordinated", "script", script), 1, List.of());

        List<String> types = sim.trace().events().stream().filter(e -> e.kind() == dev.faultlab.sim.EventKind.SEND)
                .map(e -> e.payload().getClass().getSimpleName()).toList();
        assertThat(types).containsSubsequence("CheckpointRequest", "CheckpointRequest", "CheckpointAck", "CheckpointAck",
                "CheckpointDone", "CheckpointDone");
        assertThat(cuts(sim, "checkpoint round")).singleElement()
                .satisfies(cut -> assertThat(cut.points()).containsExactly("CP_1(1)", "CP_2(1)", "CP_3(1)"));
        assertThat(violation(sim, RoundsConsistent.NAME)).isNull();
    }

    @Test
    void aParticipantHoldsItsMessagesBackUntilTheRoundIsDone() {
        // P3's step 2 comes while P3 waits for CHECKPOINT_DONE: the link to P3 is slow, so the round is still open.
        List<String> script = List.of("P1 checkpoint", "P3 -> P2");
        Simulation sim = Simulation.start(dev.faultlab.sim.Recipe.of(Checkpointing.ID, params("n", 3, "method", "coordinated",
                        "script", script, "gap", 3), 1).withNetwork(new dev.faultlab.sim.NetworkSpec(dev.faultlab.sim.Delay.constant(1), 0, 0, true,
                        List.of(new dev.faultlab.sim.LinkSpec(0, 2, dev.faultlab.sim.Delay.constant(1), null),
                                new dev.faultlab.sim.LinkSpec(2, 0, dev.faultlab.sim.Delay.constant(4), null)))),
                dev.faultlab.protocols.Protocols.registry(), dev.faultlab.sim.MonitorSource.PROTOCOL);
        sim.runToEnd();

        assertThat(notes(sim)).as(dump(sim)).contains("P3 holds m2 back (holding)");
        int done = sim.trace().events().stream().filter(e -> e.payload() instanceof CheckpointDone && e.node() == 2
                && e.kind() == dev.faultlab.sim.EventKind.DELIVER).findFirst().orElseThrow().seq();
        int sent = sim.trace().events().stream().filter(e -> e.payload() instanceof App app && app.id().equals("m2")
                && e.kind() == dev.faultlab.sim.EventKind.SEND).findFirst().orElseThrow().seq();
        assertThat(sent).isGreaterThan(done);
    }

    @Test
    void incrementalRoundsReachOnlyTheProcessesThatDependOnTheCoordinator() {
        // Since its last checkpoint P1 sent only to P2, and P2 only to P3: P4 is left out.
        List<String> script = List.of("P1 -> P2", "P2 -> P3", "P4 -> P3", "P1 checkpoint");
        Simulation sim = run(params("n", 4, "method", "coordinated", "incremental", true, "script", script), 1, List.of());

        assertThat(cuts(sim, "checkpoint round")).singleElement()
                .satisfies(cut -> assertThat(cut.points()).containsExactly("CP_1(1)", "CP_2(1)", "CP_3(1)", null));
        assertThat(violation(sim, RoundsConsistent.NAME)).isNull();
    }

    @Test
    void restoringEveryLatestCheckpointWithoutTheRuleLeavesAnOrphanTheMonitorNames() {
        Simulation sim = run(params("n", 2, "method", "independent", "script", DOMINO, "recovery", "latest-checkpoints"), 1,
                P2_CRASHES_AND_RECOVERS);

        assertThat(cuts(sim, "recovery line")).singleElement()
                .satisfies(cut -> assertThat(cut.points()).containsExactly("CP_1(2)", "CP_2(2)"));
        assertThat(violation(sim, ConsistentAfterRecovery.NAME)).as(dump(sim)).isNotNull()
                .satisfies(v -> assertThat(v.explanation()).isEqualTo("P1's state after the recovery has received m7 from P2, "
                        + "but P2's state never sent it: m7 is an orphan message"));
    }

    @Test
    void aScriptLineThatIsNoStepIsRefusedInTheStudentsWords() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(params("n", 2, "script", List.of("P1 -> P3")), 1, List.of()))
                .hasMessageContaining("params.script[0]").hasMessageContaining("outside P1 to P2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(params("n", 3, "method", "coordinated",
                        "script", List.of("P2 checkpoint")), 1, List.of()))
                .hasMessageContaining("only the coordinator P1 starts checkpoints");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(params("n", 2, "method", "both"), 1, List.of()))
                .hasMessageContaining("params.method");
    }
}
