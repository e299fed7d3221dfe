package dev.faultlab.protocols.cap;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CAP on three replicas, as the lecture states it: P3 is cut off, a client writes 7 at P1 and another reads at P3.
 * In consistency mode P3 cannot reach a majority and refuses (availability is given up, the history stays
 * linearizable); in availability mode P3 answers 0, a stale read (consistency is given up, every request answered).
 */
class CapTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    static Recipe scenario(Mode mode) {
        return new Recipe(Cap.ID, Map.of("n", 3, "mode", mode.id()), 1, List.of(
                Fault.at(20, FaultKind.REQUEST, 0, Map.of("command", "write 7")),
                Fault.at(40, FaultKind.REQUEST, 2, Map.of("command", "read")),
                Fault.at(60, FaultKind.REQUEST, 0, Map.of("command", "read"))), null, null);
    }

    static Recipe partitioned(Mode mode) {
        return scenario(mode).withFault(CapRuns.isolating(2, 10));
    }

    private static List<Output.Reply> replies(Simulation run) {
        return run.trace().events().stream().filter(e -> e.kind() == EventKind.OUTPUT && e.payload() instanceof Output.Reply)
                .map(e -> (Output.Reply) e.payload()).toList();
    }

    @Test
    void withoutAPartitionBothModesServeTheLatestWriteAndKeepBothProperties() {
        for (Mode mode : Mode.values()) {
            Simulation run = CapRuns.played(REGISTRY, scenario(mode));

            assertThat(replies(run)).extracting(Output.Reply::result).as(mode.id()).containsExactly("ok", 7, 7);
            assertThat(CapRuns.violation(run, Linearizable.NAME)).isEmpty();
            assertThat(CapRuns.violation(run, Available.NAME)).isEmpty();
        }
    }

    @Test
    void consistencyModeQueriesThenStoresThroughAMajorityBeforeItAnswers() {
        Simulation run = CapRuns.played(REGISTRY, scenario(Mode.CONSISTENCY));

        List<String> firstRequest = run.trace().events().stream().filter(e -> e.time() >= 20 && e.time() < 40)
                .filter(e -> e.kind() == EventKind.SEND && e.node() == 0).map(e -> e.payload().getClass().getSimpleName()).toList();
        assertThat(firstRequest).containsExactly("Query", "Query", "Store", "Store");
        assertThat(run.processes().get(2).state()).containsEntry("value", 7).containsEntry("version", "1@P1");
    }

    @Test
    void inConsistencyModeTheCutOffReplicaRefusesAndAvailabilityIsGivenUp() {
        Simulation run = CapRuns.played(REGISTRY, partitioned(Mode.CONSISTENCY));

        assertThat(replies(run)).extracting(Output.Reply::result).containsExactly("ok", Replica.UNAVAILABLE, 7);
        assertThat(CapRuns.answer(run, 2)).isEqualTo(CapRuns.Answer.REFUSED);
        assertThat(CapRuns.violation(run, Linearizable.NAME)).isEmpty();
        Monitor.Violation refused = CapRuns.violation(run, Available.NAME).orElseThrow();
        assertThat(refused.explanation()).isEqualTo("P3 refused read (request 2 at P3): it could not reach a majority of replicas");
        TraceEvent refusal = run.trace().event(refused.at());
        assertThat(refusal.time()).isEqualTo(50);
        assertThat(refused.witnesses()).hasSize(2);
    }

    @Test
    void inAvailabilityModeTheCutOffReplicaAnswersWithTheOldValueAStaleRead() {
        Simulation run = CapRuns.played(REGISTRY, partitioned(Mode.AVAILABILITY));

        assertThat(replies(run)).extracting(Output.Reply::result).containsExactly("ok", 0, 7);
        assertThat(CapRuns.answer(run, 2)).isEqualTo(CapRuns.Answer.STALE);
        assertThat(CapRuns.violation(run, Available.NAME)).isEmpty();
        Monitor.Violation stale = CapRuns.violation(run, Linearizable.NAME).orElseThrow();
        assertThat(stale.explanation()).startsWith("stale read: P3 answered read (request 2 at P3) with 0, but write 7 (request 1 at P1) had completed at #");
        assertThat(stale.witnesses()).hasSize(3);
    }

    @Test
    void afterTheHealGossipBringsTheCutOffReplicaUpToDate() {
        Simulation run = CapRuns.played(REGISTRY, partitioned(Mode.AVAILABILITY).withFault(Fault.network(70, FaultKind.HEAL, Map.of())));

        assertThat(run.processes().get(2).state()).containsEntry("value", 7);
    }

    @Test
    void aReadOfAWriteStillInProgressIsNotStale() {
        Recipe racing = new Recipe(Cap.ID, Map.of("n", 3, "mode", "consistency"), 1, List.of(
                Fault.at(20, FaultKind.REQUEST, 0, Map.of("command", "write 7")),
                Fault.at(21, FaultKind.REQUEST, 1, Map.of("command", "read"))), null, null);
        Simulation run = CapRuns.played(REGISTRY, racing);

        assertThat(CapRuns.violation(run, Linearizable.NAME)).isEmpty();
        assertThat(CapRuns.violation(run, Available.NAME)).isEmpty();
    }

    @Test
    void aCommandTheRegisterDoesNotKnowIsAnsweredWithTheRightFormAndCountsForNeitherProperty() {
        Simulation run = CapRuns.played(REGISTRY, new Recipe(Cap.ID, Map.of("mode", "availability"), 1,
                List.of(Fault.at(5, FaultKind.REQUEST, 1, Map.of("command", "delete"))), null, null));

        assertThat(replies(run)).extracting(Output.Reply::result).containsExactly("bad command: expected 'read' or 'write <whole number>'");
        assertThat(CapRuns.violation(run, Available.NAME)).isEmpty();
    }

    @Test
    void anUnknownModeIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Simulation.start(Recipe.of(Cap.ID, Map.of("mode", "both"), 1), REGISTRY))
                .isInstanceOf(RecipeException.class)
                .hasMessageContaining("params.mode: must be one of [consistency, availability], got 'both'");
    }
}
