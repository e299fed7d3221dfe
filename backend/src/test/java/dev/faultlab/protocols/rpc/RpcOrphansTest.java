package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.rpc.RpcRuns.dump;
import static dev.faultlab.protocols.rpc.RpcRuns.events;
import static dev.faultlab.protocols.rpc.RpcRuns.executions;
import static dev.faultlab.protocols.rpc.RpcRuns.holds;
import static dev.faultlab.protocols.rpc.RpcRuns.recipe;
import static dev.faultlab.protocols.rpc.RpcRuns.run;
import static dev.faultlab.protocols.rpc.RpcRuns.verdict;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client crash leaves an orphan: two clients (P2, P3) call a server whose work takes 30 ticks; P2 crashes at t=5,
 * right after its request reached the server, and reboots at t=10. Each remedy is run and shows what it kills.
 */
class RpcOrphansTest {
    private static final int P2 = 1;
    private static final int P3 = 2;

    private static Simulation withRemedy(String remedy) {
        return run(recipe(Map.of("clients", 2, "work", 30, "timeout", 60, "remedy", remedy), 1, List.of(
                Fault.at(5, FaultKind.CRASH, P2), Fault.at(10, FaultKind.RECOVER, P2))));
    }

    /** Whom the server killed: "P2 attempt 1" per ABORTED message it sent. */
    private static List<String> killed(Simulation run) {
        return events(run, EventKind.SEND, 0, Aborted.class).stream()
                .map(e -> dev.faultlab.sim.ProcessLabel.of(e.peer()) + " attempt " + ((Aborted) e.payload()).attempt()).toList();
    }

    @Test
    void withoutARemedyTheOrphanRunsToItsEndAndTheCallTakesEffectTwice() {
        Simulation run = withRemedy("none");
        assertThat(killed(run)).isEmpty();
        assertThat(verdict(run, NoOrphans.NAME).violation().explanation()).isEqualTo(
                "the server carried out call #1 of P2 (attempt 1) at t=33, an orphan: its client had crashed after sending it");
        assertThat(executions(run)).filteredOn(e -> e.client() == P2).extracting(Execution::attempt).containsExactly(1, 2);
        assertThat(holds(run, AtMostOnce.NAME)).isFalse();
    }

    @Test
    void exterminationKillsWhatTheClientsLogNames() {
        Simulation run = withRemedy("extermination");
        assertThat(events(run, EventKind.SEND, P2, Kill.class)).singleElement().satisfies(e -> assertThat(e.time()).isEqualTo(10));
        assertThat(killed(run)).containsExactly("P2 attempt 1");
        assertThat(holds(run, NoOrphans.NAME)).isTrue();
        assertThat(holds(run, OnlyOrphansKilled.NAME)).isTrue();
        assertThat(holds(run, ExactlyOnce.NAME)).as(dump(run)).isTrue();
    }

    @Test
    void reincarnationKillsEveryComputationOfTheOldEpochTheOtherClientsToo() {
        Simulation run = withRemedy("reincarnation");
        assertThat(events(run, EventKind.SEND, P2, NewEpoch.class)).extracting(e -> e.peer()).containsExactly(0, P3);
        assertThat(killed(run)).containsExactly("P2 attempt 1", "P3 attempt 1");
        assertThat(holds(run, NoOrphans.NAME)).isTrue();
        assertThat(verdict(run, OnlyOrphansKilled.NAME).violation().explanation()).isEqualTo(
                "the server killed call #1 of P3 (attempt 1) although P3 had not crashed and was waiting for it");
        // P3 reissues (only when not acknowledged) in the new epoch, so both calls are still carried out once.
        assertThat(executions(run)).extracting(Execution::client, Execution::attempt).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(P2, 2), org.assertj.core.groups.Tuple.tuple(P3, 2));
    }

    @Test
    void gentleReincarnationAsksTheOwnersAndKillsOnlyTheUnclaimedOrphan() {
        Simulation run = withRemedy("gentle");
        assertThat(events(run, EventKind.SEND, 0, WhoOwns.class)).extracting(e -> e.peer()).containsExactly(P2, P3);
        assertThat(events(run, EventKind.SEND, P3, Owner.class)).singleElement().satisfies(e -> assertThat(((Owner) e.payload()).waiting()).isTrue());
        assertThat(killed(run)).containsExactly("P2 attempt 1");
        assertThat(holds(run, NoOrphans.NAME)).isTrue();
        assertThat(holds(run, OnlyOrphansKilled.NAME)).isTrue();
        assertThat(holds(run, ExactlyOnce.NAME)).as(dump(run)).isTrue();
    }

    @Test
    void expirationKillsTheOrphanWhenItsLeaseRunsOutAndTheRebootedClientWaitsOneLease() {
        Simulation run = withRemedy("expiration");
        assertThat(killed(run)).containsExactly("P2 attempt 1");
        assertThat(events(run, EventKind.SEND, 0, Aborted.class).get(0).time()).isEqualTo(3 + 10);
        assertThat(events(run, EventKind.SEND, P2, Call.class)).extracting(e -> e.time()).containsExactly(2L, 20L);
        assertThat(events(run, EventKind.SEND, P3, Extend.class)).isNotEmpty();
        assertThat(holds(run, NoOrphans.NAME)).isTrue();
        assertThat(holds(run, OnlyOrphansKilled.NAME)).isTrue();
        assertThat(holds(run, ExactlyOnce.NAME)).as(dump(run)).isTrue();
    }

    @Test
    void aLeaseTooShortKillsTheCallOfAWaitingClient() {
        // With a lease of 2 ticks an extension that arrives at the instant the lease ends comes too late: choosing T
        // is the hard part of expiration.
        Simulation run = run(recipe(Map.of("work", 30, "remedy", "expiration", "lease", 2), 1, List.of()));
        assertThat(verdict(run, OnlyOrphansKilled.NAME).violation().explanation()).as(dump(run)).startsWith(
                "the server killed call #1 of P2 (attempt 1) although P2 had not crashed and was waiting for it");
    }
}
