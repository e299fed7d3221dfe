package dev.faultlab.protocols.pbft;

import dev.faultlab.check.Verdict;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Signed;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.pbft.PbftRuns.accepted;
import static dev.faultlab.protocols.pbft.PbftRuns.byzantine;
import static dev.faultlab.protocols.pbft.PbftRuns.dump;
import static dev.faultlab.protocols.pbft.PbftRuns.executed;
import static dev.faultlab.protocols.pbft.PbftRuns.params;
import static dev.faultlab.protocols.pbft.PbftRuns.recipe;
import static dev.faultlab.protocols.pbft.PbftRuns.viewOf;
import static dev.faultlab.protocols.pbft.PbftRuns.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PbftScenarioTest {
    private static final Map<String, Object> ONE_REQUEST = params("requests", 1);

    private static void assertAllHold(PbftMonitors.Watched watched) {
        assertThat(watched.verdicts()).as(() -> dump(watched.run())).allMatch(Verdict::holds);
    }

    /** The message types sent, in trace order, by process {@code node}. */
    private static List<String> sent(Simulation sim, int node) {
        return sim.trace().events().stream().filter(e -> e.kind() == EventKind.SEND && e.node() == node)
                .map(e -> ((Signed<?>) e.payload()).payload).map(p -> ((dev.faultlab.sim.Message) p).type()).toList();
    }

    private static TraceEvent firstState(Simulation sim, int node, String text) {
        return sim.trace().events().stream().filter(e -> e.kind() == EventKind.STATE && e.node() == node
                && String.valueOf(e.payload()).startsWith(text)).findFirst().orElseThrow(() -> new AssertionError(text + "\n" + dump(sim)));
    }

    @Test
    void theNormalCaseGoesPrePreparePrepareCommitExecuteReplyAsOnTheSlides() {
        PbftMonitors.Watched watched = watch(recipe(ONE_REQUEST, 1, List.of()));
        Simulation sim = watched.run();
        assertAllHold(watched);

        assertThat(sent(sim, 4)).containsExactly("REQUEST");
        assertThat(sent(sim, 0)).containsExactly("PRE-PREPARE", "PRE-PREPARE", "PRE-PREPARE", "COMMIT", "COMMIT", "COMMIT", "REPLY");
        for (int backup = 1; backup <= 3; backup++) {
            assertThat(sent(sim, backup)).containsExactly("PREPARE", "PREPARE", "PREPARE", "COMMIT", "COMMIT", "COMMIT", "REPLY");
            // The certificate comes before the commit, the execution after it.
            TraceEvent certificate = firstState(sim, backup, "holds PC(t=1, v=0");
            assertThat(String.valueOf(certificate.payload())).endsWith("the pre-prepare and 2 matching prepares");
            assertThat(firstState(sim, backup, "executes").seq()).isGreaterThan(certificate.seq());
            assertThat(executed(sim, backup)).isEqualTo(executed(sim, 0)).hasSize(1);
        }
        Accepted result = accepted(sim).get(0);
        assertThat(result.replicas()).hasSize(2);
        assertThat(result.result()).isEqualTo("t=1: " + result.command());
    }

    @Test
    void aReplicaExecutesOnlyWithTwoKPlusOneMatchingCommits() {
        Simulation sim = watch(recipe(ONE_REQUEST, 1, List.of())).run();
        for (int replica = 0; replica < 4; replica++) {
            int executes = firstState(sim, replica, "executes").seq();
            final int self = replica;
            long commitsHeard = sim.trace().events().stream().filter(e -> e.seq() < executes && e.kind() == EventKind.DELIVER
                    && e.node() == self && ((Signed<?>) e.payload()).payload instanceof Commit).count();
            // Its own commit and 2k = 2 from others make 2k + 1 = 3.
            assertThat(commitsHeard).as("commits %s heard before executing\n%s", replica, dump(sim)).isEqualTo(2);
        }
    }

    @Test
    void messagesPerRequestAreOnePlusNMinusOnePlusNMinusOneSquaredPlusNTimesNMinusOnePlusN() {
        for (int k = 1; k <= 3; k++) {
            int n = 3 * k + 1;
            Simulation sim = watch(recipe(params("k", k, "requests", 3), 2, List.of())).run();
            assertThat(accepted(sim)).hasSize(3);
            long sends = PbftRuns.count(sim, EventKind.SEND);
            assertThat(sends).isEqualTo(3L * (1 + (n - 1) + (long) (n - 1) * (n - 1) + (long) n * (n - 1) + n));
        }
    }

    @Test
    void aSilentPrimaryIsReplacedThroughAViewChangeAndP2Leads() {
        PbftMonitors.Watched watched = watch(recipe(params("requests", 2), 1, List.of(byzantine(0, Behaviours.SILENT))));
        Simulation sim = watched.run();
        assertAllHold(watched);
        assertThat(accepted(sim)).hasSize(2);
        for (int backup = 1; backup <= 3; backup++) {
            assertThat(viewOf(sim, backup)).isEqualTo(1);
            assertThat(sim.processes().get(backup).state().get("primary")).isEqualTo("P2");
            assertThat(executed(sim, backup)).hasSize(2);
        }
        assertThat(watched.of(Progress.NAME).explanation()).contains("2 accepted");
    }

    @Test
    void withTwoSilentPrimariesInARowTheThirdReplicaLeadsView2() {
        PbftMonitors.Watched watched = watch(recipe(params("k", 2, "requests", 1), 1,
                List.of(byzantine(0, Behaviours.SILENT), byzantine(1, Behaviours.SILENT))));
        Simulation sim = watched.run();
        assertAllHold(watched);
        assertThat(accepted(sim)).hasSize(1);
        for (int replica = 2; replica < 7; replica++) {
            assertThat(viewOf(sim, replica)).as(() -> dump(sim)).isEqualTo(2);
            assertThat(sim.processes().get(replica).state().get("primary")).isEqualTo("P3");
        }
    }

    @Test
    void aViewChangeCarriesAPreparedOperationIntoTheNewViewUnderTheSameTimestamp() {
        // P1 reaches only P2 and P3 with its pre-prepare, then crashes: they prepare it but cannot gather 3 commits.
        Fault crash = new Fault(1L, null, FaultKind.CRASH, 0, Map.of("afterSends", 2));
        PbftMonitors.Watched watched = watch(recipe(ONE_REQUEST, 1, List.of(crash)));
        Simulation sim = watched.run();
        assertAllHold(watched);
        String op = accepted(sim).get(0).command();
        assertThat(firstState(sim, 1, "asks for view 1").payload()).isEqualTo("asks for view 1 (primary P2) with 1 prepare certificate(s)");
        assertThat(firstState(sim, 1, "enters view 1").payload()).isEqualTo("enters view 1 with primary P2, 1 pre-prepare(s) re-issued");
        for (int replica = 1; replica <= 3; replica++) {
            assertThat(executed(sim, replica)).containsExactly("1:" + op);
        }
    }

    @Test
    void anEquivocatingPrimaryCannotSplitTheCorrectReplicasOfFourAndAViewChangeRestoresProgress() {
        PbftMonitors.Watched watched = watch(recipe(params("requests", 2), 1, List.of(byzantine(0, Equivocate.NAME))));
        Simulation sim = watched.run();
        assertAllHold(watched);
        List<Accepted> results = accepted(sim);
        assertThat(results).hasSize(2);
        // P3 and P4 were told "none" at t=1 and execute it with P1's commit; P2 alone was told o and cannot prepare it.
        // The request waits, the backups ask for view 1, and P2 orders it again after the re-issued "none".
        for (int replica = 1; replica <= 3; replica++) {
            assertThat(viewOf(sim, replica)).isEqualTo(1);
        }
        assertThat(executed(sim, 2)).as(() -> dump(sim)).startsWith("1:none", "2:" + results.get(0).command());
        assertThat(executed(sim, 1)).isEqualTo(executed(sim, 2)).isEqualTo(executed(sim, 3));
    }

    @Test
    void withSevenReplicasAnEquivocatingPrimaryPreparesNothingAndAViewChangeRestoresProgress() {
        PbftMonitors.Watched watched = watch(recipe(params("k", 2, "requests", 1), 1, List.of(byzantine(0, Equivocate.NAME))));
        Simulation sim = watched.run();
        assertAllHold(watched);
        assertThat(accepted(sim)).hasSize(1);
        for (int replica = 1; replica < 7; replica++) {
            assertThat(viewOf(sim, replica)).isEqualTo(1);
            // No prepare certificate survived, so the request gets timestamp 1 afresh in view 1.
            assertThat(executed(sim, replica)).as(() -> dump(sim)).containsExactly("1:" + accepted(sim).get(0).command());
        }
    }

    @Test
    void aBackupSendingWrongPreparesOrReplayingOldMessagesChangesNothing() {
        for (String behaviour : List.of(Behaviours.WRONG_PREPARES, Behaviours.REPLAY)) {
            PbftMonitors.Watched watched = watch(recipe(params("requests", 4), 1, List.of(byzantine(2, behaviour))));
            assertAllHold(watched);
            assertThat(accepted(watched.run())).hasSize(4);
            assertThat(executed(watched.run(), 1)).hasSize(4).isEqualTo(executed(watched.run(), 3));
        }
    }

    @Test
    void withNEqualTo3kAnEquivocatingPrimarySplitsTheCorrectReplicasAndTheClientTakesAResultOnlyOneCorrectReplicaProduced() {
        PbftMonitors.Watched watched = watch(recipe(params("n", 3, "requests", 1), 1, List.of(byzantine(0, Equivocate.NAME))));
        Simulation sim = watched.run();
        String op = accepted(sim).get(0).command();
        assertThat(sim.trace().events().stream().filter(e -> e.kind() == EventKind.NOTE).map(e -> String.valueOf(e.payload())))
                .contains("warning: n=3 is less than 3k+1=4: two quorums of n-k=2 replicas may share only 1 replica(s), all of "
                        + "which may be faulty, so safety is not guaranteed");
        assertThat(watched.of(SameOperation.NAME).holds()).isFalse();
        assertThat(watched.of(SameOperation.NAME).explanation()).isEqualTo("P2 executed " + op + " at t=1 but P3 executed none");
        assertThat(watched.of(TrustedResults.NAME).holds()).isFalse();
        assertThat(watched.of(TrustedResults.NAME).explanation()).startsWith("P4 accepted \"t=1: " + op + "\" for request 1 on the "
                + "replies of P1 P2, but only 1 correct replica(s) produced it (P2)");
    }

    @Test
    void kPlusOneLyingRepliesMakeTheClientAcceptAForgedResult() {
        PbftMonitors.Watched watched = watch(recipe(ONE_REQUEST, 1,
                List.of(byzantine(0, Behaviours.WRONG_REPLIES), byzantine(1, Behaviours.WRONG_REPLIES))));
        assertThat(watched.of(TrustedResults.NAME).holds()).isFalse();
        assertThat(watched.of(TrustedResults.NAME).explanation()).contains("(forged)").contains("but only 0 correct replica(s) produced it");
        assertThat(watched.of(SameOperation.NAME).holds()).isTrue();
    }

    @Test
    void fewerThan3kReplicasAreRefusedAndAnEquivocationListMustNameReplicas() {
        assertThatThrownBy(() -> Simulation.start(recipe(params("k", 2, "n", 5), 1, List.of()), Protocols.registry()))
                .isInstanceOf(RecipeException.class).hasMessageContaining("params.n: must be at least 3k=6 for k=2");
        Fault bad = new Fault(0L, null, FaultKind.BYZANTINE, 0, Map.of("behaviour", Equivocate.NAME, "others", List.of(9)));
        assertThatThrownBy(() -> Simulation.start(recipe(ONE_REQUEST, 1, List.of(bad)), Protocols.registry()))
                .isInstanceOf(RecipeException.class).hasMessageContaining("others: must be a list of process ids from 0 to 4");
    }
}
