package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.twophase.TwoPhaseRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

class BlockingTest {
    private static final Map<String, Object> THREE = Map.of("participants", 3);

    @Test
    void aCrashedPeerIsNamedAsDownAndIsNotItselfBlocked() {
        Simulation sim = run(THREE, List.of(Fault.at(2, FaultKind.CRASH, 0), Fault.at(5, FaultKind.CRASH, 3)));

        BlockingReport report = Blocking.check(sim);

        assertThat(report.blocked()).extracting(BlockedParticipant::node).containsExactly(1, 2);
        assertThat(report.blocked().get(0).downPeers()).containsExactly(3);
        assertThat(report.blocked().get(0).explanation())
                .isEqualTo("P2 in READY since t=1: coordinator P1 crashed at t=2, P3 is READY, P4 is down");
    }

    @Test
    void aCoordinatorCutOffByAPartitionLeavesTheParticipantsBlockedThoughItIsUp() {
        Fault isolateCoordinator = Fault.network(3, FaultKind.PARTITION, Map.of("groups", List.of(List.of(0))));

        Simulation sim = run(THREE, List.of(isolateCoordinator));
        BlockingReport report = Blocking.check(sim);

        assertThat(report.blocked()).hasSize(3);
        assertThat(report.explanation()).startsWith(
                "P2 in READY since t=1: coordinator P1 is up in COMMIT but its decision has not reached P2, P3 and P4 are READY;");
        assertThat(report.verdict().witnesses()).isNotEmpty();
    }

    @Test
    void healingThePartitionLetsTheCoordinatorsReSentDecisionThrough() {
        Fault isolateCoordinator = Fault.network(3, FaultKind.PARTITION, Map.of("groups", List.of(List.of(0))));

        Simulation sim = run(THREE, List.of(isolateCoordinator, Fault.network(30, FaultKind.HEAL, Map.of())));

        assertThat(Blocking.check(sim).isBlocked()).isFalse();
        assertThat(sim.decisions().values()).hasSize(4).containsOnly("COMMIT");
    }

    @Test
    void theNonBlockingMonitorJudgesTheEndOfTheRunAsTheCheckerDoes() {
        List<Fault> crashes = List.of(Fault.at(2, FaultKind.CRASH, 0), Fault.at(5, FaultKind.CRASH, 3));
        Simulation sim = Simulation.start(dev.faultlab.sim.Recipe.of(TwoPhaseCommit.ID, THREE, 1).withFaults(crashes),
                dev.faultlab.protocols.Protocols.registry(), dev.faultlab.sim.MonitorSource.PROTOCOL);
        sim.runToEnd();
        dev.faultlab.sim.Monitor nonBlocking = sim.monitors().get(sim.monitors().size() - 1);

        assertThat(nonBlocking).isInstanceOf(NonBlocking.class);
        assertThat(dev.faultlab.check.Verdict.of(nonBlocking)).isEqualTo(Blocking.check(sim).verdict());
        assertThat(nonBlocking.violation().at()).isEqualTo(sim.trace().size() - 1);
        assertThat(nonBlocking.violation().explanation()).contains("coordinator P1 crashed at t=2");
    }
}
