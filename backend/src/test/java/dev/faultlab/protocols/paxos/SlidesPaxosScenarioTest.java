package dev.faultlab.protocols.paxos;

import dev.faultlab.check.Verdict;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.faultlab.protocols.paxos.PaxosRuns.dump;
import static dev.faultlab.protocols.paxos.PaxosRuns.executed;
import static dev.faultlab.protocols.paxos.PaxosRuns.params;
import static dev.faultlab.protocols.paxos.PaxosRuns.request;
import static dev.faultlab.protocols.paxos.PaxosRuns.watch;
import static org.assertj.core.api.Assertions.assertThat;

class SlidesPaxosScenarioTest {
    private static final int C1 = 3;
    private static final int C2 = 4;

    /** S1's messages are slow: S2 and S3 suspect it, although it is alive, and S2 leads while S1 still does. */
    private static Recipe falseSuspicion(boolean leaderIds) {
        return Recipe.of(SlidesPaxos.ID, params("clients", 2, "requests", 0, "clientTimeout", 200, "runFor", 400,
                        "leaderIds", leaderIds), 1)
                .withFaults(List.of(Fault.at(0, FaultKind.TIMING, 0, Map.of("extraDelay", 100)),
                        request(5, C1, "o1"), request(50, C2, "o2")));
    }

    @Test
    void withoutFaultsEveryServerExecutesEveryRequestInTheLeadersOrder() {
        Recipe recipe = Recipe.of(SlidesPaxos.ID, params("clients", 2, "requests", 3), 3);
        PaxosMonitors.Watched watched = watch(recipe);
        Simulation sim = watched.run();

        assertThat(watched.safety()).as(() -> dump(sim)).allMatch(Verdict::holds);
        List<List<String>> executed = executed(sim, 3);
        assertThat(executed.get(0)).hasSize(6);
        assertThat(executed).allSatisfy(ops -> assertThat(ops).isEqualTo(executed.get(0)));
    }

    @Test
    void aFalseSuspicionWithLeaderIdsIsHarmless() {
        PaxosMonitors.Watched watched = watch(falseSuspicion(true));
        Simulation sim = watched.run();

        assertThat(watched.safety()).as(() -> dump(sim)).allMatch(Verdict::holds);
        assertThat(executed(sim, 3)).as(() -> dump(sim)).containsOnly(List.of("o2", "o1"));
        assertThat(PaxosRuns.notes(sim, 2)).anyMatch(note -> note.startsWith("rejects ACCEPT(o1, 1) of P1"));
    }

    @Test
    void aFalseSuspicionWithoutLeaderIdsMakesTwoServersExecuteDifferentOperationsAtOneTimestamp() {
        PaxosMonitors.Watched watched = watch(falseSuspicion(false));
        Simulation sim = watched.run();

        assertThat(watched.firstViolation()).as(() -> dump(sim)).isPresent();
        assertThat(watched.safety()).filteredOn(v -> v.property().equals(SameOpPerTimestamp.NAME)).singleElement()
                .satisfies(v -> assertThat(v.explanation()).as(() -> dump(sim)).isEqualTo("P3 executed o2 at timestamp 1 but P1 executed o1 there"));
        assertThat(PaxosRuns.notes(sim, 2)).as("S3 acknowledges S1's late ACCEPT").anyMatch(note -> note.startsWith("already has o2 at timestamp 1"));
    }

    /** Three requests, S1 leading; {@code faults} come on top. */
    private static Recipe threeRequests(boolean majorityWait, Fault... faults) {
        return threeRequests(majorityWait, true, faults);
    }

    private static Recipe threeRequests(boolean majorityWait, boolean leaderIds, Fault... faults) {
        List<Fault> all = new java.util.ArrayList<>(List.of(request(5, C1, "o1"), request(100, C1, "o2"), request(200, C2, "o3")));
        all.addAll(List.of(faults));
        return Recipe.of(SlidesPaxos.ID, params("clients", 2, "requests", 0, "runFor", 500, "majorityWait", majorityWait,
                "leaderIds", leaderIds), 1).withFaults(all);
    }

    @Test
    void withoutLeaderIdsARealCrashIsStillHandledS3TellsTheNewLeaderWhatItMissed() {
        // As on the slides before the fix: S2 proposes o3 with the stale timestamp 2, S3 tells it that it missed o2.
        PaxosMonitors.Watched watched = watch(threeRequests(true, false, Fault.at(101, FaultKind.CRASH, 0, Map.of("reaches", List.of(2)))));
        Simulation sim = watched.run();

        assertThat(watched.safety()).as(() -> dump(sim)).allMatch(Verdict::holds);
        assertThat(PaxosRuns.notes(sim, 2)).as(() -> dump(sim)).anyMatch(note -> note.equals("already has o2 at timestamp 2: tells P2 that it missed it"));
        assertThat(PaxosRuns.notes(sim, 1)).anyMatch(note -> note.equals("P3 already has o2 at timestamp 2: holds it there and gives o3 timestamp 3"));
        assertThat(executed(sim, 3).subList(1, 3)).containsOnly(List.of("o1", "o2", "o3"));
    }

    @Test
    void aCrashedBackupLeavesTheOthersExecutingAndCatchesUpAfterItsRecovery() {
        PaxosMonitors.Watched watched = watch(threeRequests(true, Fault.at(50, FaultKind.CRASH, 2), Fault.at(150, FaultKind.RECOVER, 2)));
        Simulation sim = watched.run();

        assertThat(watched.safety()).as(() -> dump(sim)).allMatch(Verdict::holds);
        assertThat(executed(sim, 3)).as(() -> dump(sim)).containsOnly(List.of("o1", "o2", "o3"));
        assertThat(PaxosRuns.sent(sim, "CHOSEN")).as("the leader tells the recovered S3 what was executed").isPositive();
    }

    @Test
    void aServerThatMissedAnAcceptNoticesTheGapByTheTimestampsAndAsksAgain() {
        PaxosMonitors.Watched watched = watch(threeRequests(true, Fault.at(90, FaultKind.LINK_DOWN, 0, Map.of("to", 2, "oneWay", true)),
                Fault.at(105, FaultKind.LINK_UP, 0, Map.of("to", 2, "oneWay", true))));
        Simulation sim = watched.run();

        assertThat(watched.safety()).as(() -> dump(sim)).allMatch(Verdict::holds);
        assertThat(PaxosRuns.notes(sim, 2)).as(() -> dump(sim)).anyMatch(note -> note.startsWith("missed timestamp 2: asks P1 again"));
        assertThat(executed(sim, 3)).containsOnly(List.of("o1", "o2", "o3"));
    }

    @Test
    void whenTheLeaderCrashesAfterReachingOnlyS3TheTakeoverFlushesTheOperationToS2() {
        // S1 assigns o2 at timestamp 2 and crashes with its ACCEPT sent to S3 only: S2 never heard of o2.
        PaxosMonitors.Watched watched = watch(threeRequests(true, Fault.at(101, FaultKind.CRASH, 0, Map.of("reaches", List.of(2)))));
        Simulation sim = watched.run();

        assertThat(watched.safety()).as(() -> dump(sim)).allMatch(Verdict::holds);
        assertThat(PaxosRuns.notes(sim, 1)).as(() -> dump(sim)).anyMatch(note -> note.startsWith("took over with the answers of P2, P3: flushes timestamps 2 to 2 (1 held operations, 0 no-ops)"));
        assertThat(executed(sim, 3).subList(1, 3)).containsOnly(List.of("o1", "o2", "o3"));
    }

    @Test
    void withoutTheMajorityWaitALeaderThatExecutesAndCrashesBeforeItsAcceptLeavesLosesTheOrder() {
        // S1 gets to send one message more: its reply to the client, or (waiting for a majority) one ACCEPT.
        Fault crash = Fault.at(101, FaultKind.CRASH, 0, Map.of("afterSends", 1));
        PaxosMonitors.Watched unsafe = watch(threeRequests(false, crash));
        PaxosMonitors.Watched safe = watch(threeRequests(true, crash));

        assertThat(unsafe.firstViolation()).as(() -> dump(unsafe.run())).isPresent();
        assertThat(unsafe.firstViolation().orElseThrow().explanation()).isEqualTo("P1 executed o2 at timestamp 2 but P2 executed o3 there");
        assertThat(safe.safety()).as(() -> dump(safe.run())).allMatch(Verdict::holds);
    }

    /** S1 and its client P4 cut off from the rest until 150: S1's ACCEPT of o1 is lost, S2 takes over and gives o2 timestamp 1. */
    static Recipe leaderCutOff(boolean leaderIds) {
        return Recipe.of(SlidesPaxos.ID, params("clients", 2, "requests", 0, "runFor", 400, "leaderIds", leaderIds), 1)
                .withFaults(List.of(Fault.network(0, FaultKind.PARTITION, Map.of("groups", List.of(List.of(0, 3)))),
                        request(30, C1, "o1"), request(100, C2, "o2"), Fault.network(150, FaultKind.HEAL, Map.of())));
    }

    @Test
    void afterAPartitionHealsTheOldLeadersRetransmittedAcceptBreaksTheOrderOnlyWithoutLeaderIds() {
        PaxosMonitors.Watched unsafe = watch(leaderCutOff(false));
        PaxosMonitors.Watched safe = watch(leaderCutOff(true));

        assertThat(unsafe.firstViolation()).as(() -> dump(unsafe.run())).isPresent();
        assertThat(unsafe.safety()).filteredOn(v -> v.property().equals(SameOpPerTimestamp.NAME)).singleElement()
                .satisfies(v -> assertThat(v.explanation()).as(() -> dump(unsafe.run())).endsWith("P1 executed o1 there"));
        assertThat(safe.safety()).as(() -> dump(safe.run())).allMatch(Verdict::holds);
    }
}
