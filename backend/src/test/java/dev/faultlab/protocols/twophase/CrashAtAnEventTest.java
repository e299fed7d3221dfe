package dev.faultlab.protocols.twophase;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lesson of issue 11: crash the coordinator right after it received the last vote, before it decides. */
class CrashAtAnEventTest {
    /** Bounded in time: participants that block keep asking each other. */
    private static final Recipe RECIPE = Recipe.of(TwoPhaseCommit.ID, Map.of("participants", 3), 1)
            .withBudgets(new Budgets(100_000, 400, 10_000, 64, 64L << 20));

    /** The DELIVER of the last vote to the coordinator in the fault-free run. */
    private static int lastVoteDelivered() {
        Simulation faultFree = Simulation.start(RECIPE, Protocols.registry());
        faultFree.runToEnd();
        List<TraceEvent> votes = faultFree.trace().events().stream()
                .filter(e -> e.kind() == EventKind.DELIVER && e.node() == 0 && ((Message) e.payload()).type().equals("VOTE_COMMIT"))
                .toList();
        assertThat(votes).hasSize(3);
        return votes.get(2).seq();
    }

    private static void assertCoordinatorCrashedRightAfter(Simulation run, int k) {
        List<TraceEvent> after = run.trace().events().subList(k + 1, run.trace().size());
        assertThat(after.get(0).kind()).isEqualTo(EventKind.FAULT);
        assertThat(after.get(1).kind()).isEqualTo(EventKind.CRASH);
        assertThat(after.get(1).node()).isZero();
        assertThat(after).noneMatch(e -> e.node() == 0 && (e.kind() == EventKind.DECIDE || e.kind() == EventKind.SEND
                || e.kind() == EventKind.STATE));
        assertThat(run.trace().events()).noneMatch(e -> e.kind() == EventKind.DECIDE);
        assertThat(Blocking.check(run).blocked()).hasSize(3);
    }

    @Test
    void aCrashInjectedLiveRightAfterTheLastVoteArrivesStopsTheCoordinatorBeforeItDecides() {
        int k = lastVoteDelivered();
        Simulation live = Simulation.start(RECIPE, Protocols.registry());
        live.runUntilEvents(k + 1);
        assertThat(live.trace().event(live.trace().size() - 1).seq()).isEqualTo(k);

        Fault recorded = live.inject(new Fault(null, null, FaultKind.CRASH, 0, Map.of()));
        live.runToEnd();

        assertThat(recorded.atEvent()).isEqualTo(k + 1L);
        assertCoordinatorCrashedRightAfter(live, k);
    }

    @Test
    void theSameCrashPlannedInARecipeOrABranchGivesTheSameRun() {
        int k = lastVoteDelivered();
        Simulation live = Simulation.start(RECIPE, Protocols.registry());
        live.runUntilEvents(k + 1);
        live.inject(new Fault(null, null, FaultKind.CRASH, 0, Map.of()));
        live.runToEnd();

        Simulation planned = Simulation.start(RECIPE.withFault(new Fault(null, k + 1L, FaultKind.CRASH, 0, Map.of())),
                Protocols.registry());
        planned.runToEnd();

        assertCoordinatorCrashedRightAfter(planned, k);
        assertThat(planned.trace().events()).isEqualTo(live.trace().events());
    }
}
