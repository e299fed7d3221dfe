package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.twophase.TwoPhaseRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lecture: a READY participant keeps asking until it learns the outcome; 2PC blocks only while every
 * participant is READY. The plans are those of issue 13, which used to end with participants READY.
 */
class KeepAskingTest {
    private static final Map<String, Object> ALL_COMMIT = Map.of("participants", 3, "votes", List.of("commit", "commit", "commit"));

    @Test
    void aParticipantThatRecoversIntoCommitLongAfterwardsStillTellsTheOthers() {
        // The coordinator's GLOBAL_COMMIT reaches P1 only; P1 crashes before anyone asks it and recovers at t=80.
        Simulation sim = run(ALL_COMMIT, List.of(
                Fault.at(2, FaultKind.CRASH, 0, Map.of("afterSends", 1)),
                Fault.at(4, FaultKind.CRASH, 1),
                Fault.at(80, FaultKind.RECOVER, 1)));

        assertThat(Blocking.check(sim).isBlocked()).isFalse();
        assertThat(sim.decisions()).containsEntry(1, "COMMIT").containsEntry(2, "COMMIT").containsEntry(3, "COMMIT");
        assertThat(sim.endReason().completed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {56, 80})
    void aParticipantThatNeverVotedAndRecoversLaterMakesTheOthersAbort(long recovery) {
        Simulation sim = run(ALL_COMMIT, List.of(
                Fault.at(0, FaultKind.CRASH, 3),
                Fault.at(3, FaultKind.CRASH, 0),
                Fault.at(recovery, FaultKind.RECOVER, 3)));

        assertThat(Blocking.check(sim).isBlocked()).isFalse();
        assertThat(sim.decisions()).containsEntry(1, "ABORT").containsEntry(2, "ABORT").containsEntry(3, "ABORT");
        assertThat(sim.endReason().completed()).isTrue();
    }

    @Test
    void withEveryParticipantReadyAndTheCoordinatorDownItBlocksAndStopsAsking() {
        Simulation sim = run(ALL_COMMIT, List.of(Fault.at(2, FaultKind.CRASH, 0)));

        BlockingReport report = Blocking.check(sim);
        assertThat(report.blocked()).extracting(BlockedParticipant::node).containsExactly(1, 2, 3);
        assertThat(sim.endReason().completed()).as("the run ends on its own once all are blocked").isTrue();
    }

    @Test
    void aPeerThatStaysDownIsAskedAgainAtDoublingPausesSoTheRunStillEnds() {
        Simulation sim = run(ALL_COMMIT, List.of(Fault.at(2, FaultKind.CRASH, 0), Fault.at(2, FaultKind.CRASH, 3)));

        List<Long> asks = sim.trace().events().stream()
                .filter(e -> e.kind() == EventKind.SEND && e.node() == 1 && e.peer() == 3)
                .filter(e -> e.payload() instanceof DecisionRequest)
                .map(e -> e.time()).toList();
        assertThat(asks.size()).isBetween(10, 40);
        for (int i = 2; i < asks.size(); i++) {
            assertThat(asks.get(i) - asks.get(i - 1)).isEqualTo(2 * (asks.get(i - 1) - asks.get(i - 2)));
        }
        assertThat(Blocking.check(sim).blocked()).extracting(BlockedParticipant::node).containsExactly(1, 2);
    }

    @Test
    void aPeerThatWasReadyWhenAskedAnswersAgainOnceItLearnsTheDecision() {
        // The coordinator is cut off until t=40: all three ask each other, hear READY and block; then the
        // coordinator's re-sent decision reaches P2 only (its links to P1 and P3 stay cut).
        Simulation sim = run(ALL_COMMIT, List.of(
                Fault.network(3, FaultKind.PARTITION, Map.of("groups", List.of(List.of(0)))),
                Fault.at(40, FaultKind.LINK_DOWN, 0, Map.of("to", 1)),
                Fault.at(40, FaultKind.LINK_DOWN, 0, Map.of("to", 3)),
                Fault.network(40, FaultKind.HEAL, Map.of())));

        assertThat(sim.decisions()).containsEntry(1, "COMMIT").containsEntry(2, "COMMIT").containsEntry(3, "COMMIT");
        // P2 answers its earlier askers in the very handler in which it learns the decision, unasked.
        assertThat(sim.trace().events()).filteredOn(e -> e.kind() == EventKind.SEND && e.node() == 2
                        && new DecisionReply(State.COMMIT).equals(e.payload())
                        && sim.trace().event(e.parent()).payload() instanceof GlobalCommit)
                .extracting(e -> e.peer()).containsExactlyInAnyOrder(1, 3);
    }
}
