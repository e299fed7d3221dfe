package dev.faultlab.protocols.twophase;

import dev.faultlab.check.Termination;
import dev.faultlab.check.Verdict;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.faultlab.protocols.twophase.TwoPhaseRuns.dump;
import static dev.faultlab.protocols.twophase.TwoPhaseRuns.log;
import static dev.faultlab.protocols.twophase.TwoPhaseRuns.notes;
import static dev.faultlab.protocols.twophase.TwoPhaseRuns.run;
import static dev.faultlab.protocols.twophase.TwoPhaseRuns.view;
import static dev.faultlab.protocols.twophase.State.ABORT;
import static dev.faultlab.protocols.twophase.State.COMMIT;
import static dev.faultlab.protocols.twophase.State.INIT;
import static dev.faultlab.protocols.twophase.State.READY;
import static dev.faultlab.protocols.twophase.State.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

class TwoPhaseCommitTest {
    private static final Map<String, Object> THREE_COMMIT = Map.of("participants", 3, "votes", List.of("commit", "commit", "commit"));

    @Test
    void isRegisteredNextToFlooding() {
        assertThat(Protocols.registry().find(TwoPhaseCommit.ID)).isPresent();
    }

    @Test
    void whenEveryoneVotesCommitEveryoneCommits() {
        Simulation sim = run(THREE_COMMIT, List.of());

        assertThat(sim.endReason().completed()).isTrue();
        assertThat(sim.decisions()).isEqualTo(Map.of(0, "COMMIT", 1, "COMMIT", 2, "COMMIT", 3, "COMMIT"));
        assertThat(Termination.check(sim).holds()).isTrue();
        assertThat(Atomicity.check(sim).holds()).isTrue();
        assertThat(log(sim, 0)).containsExactly(WAIT, COMMIT);
        assertThat(log(sim, 2)).containsExactly(INIT, READY, COMMIT);
        assertThat(view(sim, 0)).containsEntry("waitingFor", List.of()).containsEntry("decision", "COMMIT");
    }

    @Test
    void oneAbortVoteAbortsEveryone() {
        Simulation sim = run(Map.of("participants", 3, "votes", List.of("commit", "abort", "commit")), List.of());

        assertThat(sim.decisions()).isEqualTo(Map.of(0, "ABORT", 1, "ABORT", 2, "ABORT", 3, "ABORT"));
        assertThat(log(sim, 2)).containsExactly(INIT, ABORT);
        assertThat(log(sim, 1)).containsExactly(INIT, READY, ABORT);
        assertThat(view(sim, 2)).containsEntry("vote", "ABORT");
        assertThat(Termination.check(sim).holds()).isTrue();
    }

    @Test
    void votesCanBeDrawnFromTheRecipesSeedWithAnAbortProbability() {
        assertThat(run(Map.of("participants", 3, "abortProbability", 1.0), List.of()).decisions().values())
                .containsOnly("ABORT");
        assertThat(run(Map.of("participants", 3, "abortProbability", 0.0), List.of()).decisions().values())
                .containsOnly("COMMIT");
        Map<String, Object> coinFlips = Map.of("participants", 3, "abortProbability", 0.5);
        Set<Object> outcomes = new TreeSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            Recipe recipe = Recipe.of(TwoPhaseCommit.ID, coinFlips, seed);
            Simulation sim = run(recipe);
            outcomes.add(sim.decisions().get(0));
            assertThat(view(sim, 1).get("plannedVote")).isEqualTo(view(run(recipe), 1).get("plannedVote"));
        }
        assertThat(outcomes).containsExactly("ABORT", "COMMIT");
    }

    @Test
    void anyProcessCanBeTheCoordinator() {
        Simulation sim = run(Map.of("participants", 3, "coordinator", 2), List.of());

        assertThat(view(sim, 2)).containsEntry("role", "coordinator");
        assertThat(view(sim, 0)).containsEntry("role", "participant");
        assertThat(sim.decisions().values()).hasSize(4).containsOnly("COMMIT");
    }

    @Test
    void coordinatorThatMissesAVoteTimesOutInWaitAndAborts() {
        Simulation sim = run(THREE_COMMIT, List.of(Fault.at(0, FaultKind.CRASH, 3)));

        assertThat(notes(sim, 0)).contains("no vote from P4 within 10 ticks: GLOBAL_ABORT");
        assertThat(sim.decisions()).isEqualTo(Map.of(0, "ABORT", 1, "ABORT", 2, "ABORT"));
        assertThat(sim.trace().time(firstDecideOf(sim, 0))).isEqualTo(10);
    }

    @Test
    void participantThatHearsNoVoteRequestAbortsInInit() {
        Simulation sim = run(THREE_COMMIT, List.of(Fault.at(0, FaultKind.CRASH, 0)));

        assertThat(sim.decisions()).isEqualTo(Map.of(1, "ABORT", 2, "ABORT", 3, "ABORT"));
        assertThat(notes(sim, 1)).contains("no VOTE_REQUEST within 10 ticks: aborting locally");
        assertThat(Blocking.check(sim).isBlocked()).isFalse();
    }

    // ------------------------------------------------------------ the recovery table, row by row

    /** Two participants, so P1 in READY has exactly one Q to contact: P2. */
    private static final Map<String, Object> TWO = Map.of("participants", 2, "initTimeout", 50);

    @Test
    void readyParticipantContactingQInCommitCommits() {
        // The coordinator decides commit and crashes having told only P2.
        Fault crash = TwoPhaseRuns.crashWhileHandling(TWO, 0, "VOTE_COMMIT", 2, List.of(2));

        Simulation sim = run(TWO, List.of(crash));

        assertThat(notes(sim, 1)).as(dump(sim)).contains("P3 is in COMMIT → COMMIT");
        assertThat(sim.decisions()).isEqualTo(Map.of(0, "COMMIT", 1, "COMMIT", 2, "COMMIT"));
    }

    @Test
    void readyParticipantContactingQInAbortAborts() {
        Map<String, Object> params = Map.of("participants", 2, "votes", List.of("commit", "abort"));

        Simulation sim = run(params, List.of(Fault.at(2, FaultKind.CRASH, 0)));

        assertThat(notes(sim, 1)).as(dump(sim)).contains("P3 is in ABORT → ABORT");
        assertThat(sim.decisions()).isEqualTo(Map.of(1, "ABORT", 2, "ABORT"));
    }

    @Test
    void readyParticipantContactingQInInitAbortsAndSoDoesQ() {
        // VOTE_REQUEST reaches P1 only; P2 is still in INIT when P1 asks.
        Simulation sim = run(TWO, List.of(Fault.at(0, FaultKind.CRASH, 0, Map.of("reaches", List.of(1)))));

        assertThat(notes(sim, 2)).as(dump(sim))
                .contains("P2 is READY and asked; still in INIT, so the coordinator cannot commit: aborting");
        assertThat(notes(sim, 1)).contains("P3 is in INIT → ABORT");
        assertThat(sim.decisions()).isEqualTo(Map.of(1, "ABORT", 2, "ABORT"));
        assertThat(log(sim, 2)).containsExactly(INIT, ABORT);
    }

    @Test
    void readyParticipantContactingQInReadyContactsAnotherAndBlocks() {
        Simulation sim = run(TWO, List.of(Fault.at(2, FaultKind.CRASH, 0)));

        assertThat(notes(sim, 1)).as(dump(sim))
                .contains("blocked: all contacted participants (P3) are READY, coordinator P1 unreachable; "
                        + "waiting for the coordinator's decision");
        assertThat(sim.decisions()).isEmpty();
        assertThat(view(sim, 1)).containsEntry("state", "READY").containsEntry("blocked", true)
                .containsEntry("waitingFor", List.of("P1"));
    }

    @Test
    void theTableIsTheSeeds() {
        assertThat(RecoveryTable.ROWS).containsExactlyInAnyOrderEntriesOf(Map.of(
                COMMIT, RecoveryTable.Action.COMMIT,
                ABORT, RecoveryTable.Action.ABORT,
                INIT, RecoveryTable.Action.ABORT,
                READY, RecoveryTable.Action.CONTACT_ANOTHER));
    }

    // ------------------------------------------------------------ blocking

    @Test
    void coordinatorCrashAfterAllVotesArriveLeavesEveryoneReadyAndBlocked() {
        // The coordinator logs COMMIT on the third vote and crashes before sending anything.
        Fault crash = TwoPhaseRuns.crashWhileHandling(THREE_COMMIT, 0, "VOTE_COMMIT", 3, List.of());

        Simulation sim = run(THREE_COMMIT, List.of(crash));
        BlockingReport report = Blocking.check(sim);

        assertThat(log(sim, 0)).containsExactly(WAIT, COMMIT);
        assertThat(report.blocked()).extracting(BlockedParticipant::node).containsExactly(1, 2, 3);
        assertThat(report.blocked().get(1).explanation())
                .isEqualTo("P3 in READY since t=1: coordinator P1 crashed at t=2, P2 and P4 are READY");
        assertThat(report.blocked().get(1).readyPeers()).containsExactly(1, 3);
        Verdict nonBlocking = report.verdict();
        assertThat(nonBlocking.property()).isEqualTo("non-blocking");
        assertThat(nonBlocking.holds()).isFalse();
        assertThat(nonBlocking.witnesses()).anySatisfy(seq -> assertThat(sim.trace().kind(seq)).isEqualTo(EventKind.CRASH));
        assertThat(Atomicity.check(sim).holds()).isTrue();
    }

    @Test
    void blockedParticipantsStopAskingOnceEveryPeerHasAnsweredReady() {
        Simulation sim = run(THREE_COMMIT, List.of(Fault.at(2, FaultKind.CRASH, 0)));

        long requestsByP1 = sim.trace().events().stream()
                .filter(e -> e.kind() == EventKind.SEND && e.node() == 1 && e.payload() instanceof DecisionRequest)
                .count();
        assertThat(requestsByP1).isEqualTo(2);
        assertThat(sim.endReason().completed()).isTrue();
        assertThat(view(sim, 1)).containsEntry("blocked", true);
    }

    @Test
    void aSingleParticipantCrashBlocksNobody() {
        Simulation sim = run(THREE_COMMIT, List.of(Fault.at(2, FaultKind.CRASH, 2)));

        BlockingReport report = Blocking.check(sim);

        assertThat(report.isBlocked()).isFalse();
        assertThat(report.verdict().holds()).isTrue();
        assertThat(sim.decisions()).containsOnlyKeys(0, 1, 3);
    }

    // ------------------------------------------------------------ crashes before and after logging

    @Test
    void coordinatorRecoveringInWaitResendsVoteRequestAndFinishes() {
        Simulation sim = run(THREE_COMMIT, List.of(Fault.at(2, FaultKind.CRASH, 0), Fault.at(30, FaultKind.RECOVER, 0)));

        assertThat(notes(sim, 0)).as(dump(sim))
                .contains("recovered in WAIT: the votes were volatile and are lost; re-sending VOTE_REQUEST");
        assertThat(log(sim, 0)).containsExactly(WAIT, COMMIT);
        assertThat(sim.decisions().values()).hasSize(4).containsOnly("COMMIT");
    }

    @Test
    void coordinatorRecoveringAfterLoggingCommitResendsTheDecision() {
        Fault crash = TwoPhaseRuns.crashWhileHandling(THREE_COMMIT, 0, "VOTE_COMMIT", 3, List.of());

        Simulation sim = run(THREE_COMMIT, List.of(crash, Fault.at(40, FaultKind.RECOVER, 0)));

        assertThat(notes(sim, 0)).contains("recovered in COMMIT: re-sending the logged decision");
        assertThat(sim.decisions().values()).hasSize(4).containsOnly("COMMIT");
        assertThat(Blocking.check(sim).isBlocked()).isFalse();
    }

    @Test
    void coordinatorRecoveringWithNothingLoggedAborts() {
        Simulation sim = run(THREE_COMMIT, List.of(Fault.at(0, FaultKind.CRASH, 0), Fault.at(5, FaultKind.RECOVER, 0)));

        assertThat(log(sim, 0)).containsExactly(ABORT);
        assertThat(sim.decisions().values()).hasSize(4).containsOnly("ABORT");
    }

    @Test
    void participantCrashingAfterLoggingReadyRecoversIntoReadyAndAsks() {
        // P1 logs READY and crashes before its VOTE_COMMIT leaves: the coordinator times out and aborts.
        Fault crash = TwoPhaseRuns.crashWhileHandling(THREE_COMMIT, 1, "VOTE_REQUEST", 1, List.of());

        Simulation sim = run(THREE_COMMIT, List.of(crash, Fault.at(100, FaultKind.RECOVER, 1)));

        assertThat(notes(sim, 1)).as(dump(sim)).contains("recovered in READY: cannot decide alone, asking the other participants");
        assertThat(log(sim, 1)).containsExactly(INIT, READY, ABORT);
        assertThat(sim.decisions().values()).hasSize(4).containsOnly("ABORT");
    }

    @Test
    void participantCrashingInInitRecoversByAbortingAndTellingTheCoordinator() {
        Simulation sim = run(THREE_COMMIT, List.of(Fault.at(0, FaultKind.CRASH, 1), Fault.at(5, FaultKind.RECOVER, 1)));

        assertThat(notes(sim, 1)).contains("recovered in INIT: never voted, so it is safe to abort; telling the coordinator");
        assertThat(sim.trace().time(firstDecideOf(sim, 0))).as("the coordinator aborts on P2's VOTE_ABORT, before its timeout")
                .isLessThan(10);
        assertThat(sim.decisions().values()).hasSize(4).containsOnly("ABORT");
    }

    @Test
    void participantRecoveringInCommitStaysCommittedAndReportsIt() {
        Simulation sim = run(THREE_COMMIT, List.of(Fault.at(5, FaultKind.CRASH, 1), Fault.at(8, FaultKind.RECOVER, 1)));

        assertThat(notes(sim, 1)).contains("recovered in COMMIT: entering it again is idempotent; "
                + "re-sending the decision to the coordinator");
        assertThat(log(sim, 1)).containsExactly(INIT, READY, COMMIT);
        assertThat(sim.trace().events()).filteredOn(e -> e.kind() == EventKind.DECIDE && e.node() == 1).hasSize(1);
    }

    // ------------------------------------------------------------ state view

    @Test
    void viewShowsStateVoteLogAndWhoTheProcessWaitsFor() {
        Simulation sim = TwoPhaseRuns.start(THREE_COMMIT);
        while (sim.now() < 2) {
            sim.step();
        }

        assertThat(view(sim, 1)).containsEntry("state", "READY").containsEntry("vote", "COMMIT")
                .containsEntry("decision", null).containsEntry("waitingFor", List.of("P1"))
                .containsEntry("log", List.of(new LogEntry(0, INIT), new LogEntry(1, READY)));
        assertThat(view(sim, 0)).containsEntry("state", "WAIT");
    }

    private static int firstDecideOf(Simulation sim, int node) {
        return sim.trace().events().stream().filter(e -> e.kind() == EventKind.DECIDE && e.node() == node)
                .findFirst().orElseThrow().seq();
    }
}
