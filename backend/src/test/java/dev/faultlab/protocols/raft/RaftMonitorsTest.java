package dev.faultlab.protocols.raft;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.StateDisplay;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raft's monitors turn false at the exact event that breaks their property, with the events that show it: over
 * servers described event by event (states the real protocol never reaches), and over a real broken-vote run.
 */
class RaftMonitorsTest {

    /** Servers as a test describes them; each event the monitors read sees them as they are then. */
    private static final class Servers implements States {
        private final List<Map<String, Object>> state = new ArrayList<>();
        private final List<Map<String, Object>> stable = new ArrayList<>();
        private final List<Boolean> up = new ArrayList<>();
        private int seq;

        Servers(int n) {
            for (int i = 0; i < n; i++) {
                state.add(new HashMap<>(Map.of("role", "FOLLOWER", "commitIndex", 0)));
                stable.add(new HashMap<>(Map.of("currentTerm", 1, "log", List.of())));
                up.add(true);
            }
        }

        Servers set(int node, String role, int term, int commitIndex, Entry... log) {
            state.get(node).putAll(Map.of("role", role, "commitIndex", commitIndex));
            stable.get(node).putAll(Map.of("currentTerm", term, "log", List.of(log)));
            return this;
        }

        /** An event at {@code node}, read by every monitor with the servers as they are now; returns its seq. */
        int event(int node, List<Monitor> monitors) {
            TraceEvent event = new TraceEvent(seq, seq, EventKind.STATE, node, -1, -1, -1, 0, -1, "changed", null);
            monitors.forEach(monitor -> monitor.onEvent(event, this));
            return seq++;
        }

        @Override
        public int count() {
            return state.size();
        }

        @Override
        public boolean up(int node) {
            return up.get(node);
        }

        @Override
        public Map<String, Object> state(int node) {
            return Map.copyOf(state.get(node));
        }

        @Override
        public Map<String, Object> stable(int node) {
            return Map.copyOf(stable.get(node));
        }

        @Override
        public StateDisplay display(int node) {
            return StateDisplay.fromView(stable(node));
        }

        @Override
        public ProcessStatus status(int node) {
            return new ProcessStatus(node, Raft.SERVER, up(node), null, state(node), stable(node), null, display(node));
        }
    }

    private static Entry entry(int index, int term, String op) {
        return new Entry(index, term, op, 3, index);
    }

    @Test
    void electionSafetyTurnsFalseWhenASecondServerLeadsTheSameTerm() {
        Servers servers = new Servers(3);
        Monitor monitor = new ElectionSafety(new Cluster(3));
        servers.event(0, List.of(monitor));
        int first = servers.set(0, "LEADER", 2, 0).event(0, List.of(monitor));
        servers.set(1, "LEADER", 3, 0).event(1, List.of(monitor));
        assertThat(monitor.violation()).isNull();
        assertThat(monitor.holding()).isEqualTo("one leader in each of the 2 terms that had one");

        int second = servers.set(2, "LEADER", 2, 0).event(2, List.of(monitor));

        assertThat(monitor.violation()).isEqualTo(new Monitor.Violation(ElectionSafety.NAME, second,
                "P1 and P3 were both leader of term 2", List.of(first, second)));
    }

    @Test
    void logMatchingTurnsFalseWhenLogsAgreeOnATermButNotOnWhatCameBefore() {
        Servers servers = new Servers(2);
        Monitor monitor = new LogMatching(new Cluster(2));
        servers.set(0, "FOLLOWER", 2, 0, entry(1, 1, "x=1"), entry(2, 2, "y=2")).event(0, List.of(monitor));
        servers.set(1, "FOLLOWER", 2, 0, entry(1, 1, "x=1")).event(1, List.of(monitor));
        assertThat(monitor.violation()).isNull();

        int broken = servers.set(1, "FOLLOWER", 2, 0, entry(1, 1, "x=9"), entry(2, 2, "y=2")).event(1, List.of(monitor));

        assertThat(monitor.violation().at()).isEqualTo(broken);
        assertThat(monitor.violation().witnesses()).containsExactly(broken);
        assertThat(monitor.violation().explanation()).isEqualTo("P1 and P2: both hold an entry of term 2 at index 2 but differ at "
                + "index 1 (x=1 (term 1) at #1 vs x=9 (term 1) at #1)");
    }

    @Test
    void leaderCompletenessNamesWhereTheEntryWasCommittedAndTheLeaderWithoutIt() {
        Servers servers = new Servers(3);
        Monitor monitor = new LeaderCompleteness(new Cluster(3));
        servers.event(0, List.of(monitor));
        int committed = servers.set(0, "LEADER", 1, 1, entry(1, 1, "x=1")).event(0, List.of(monitor));
        servers.set(1, "CANDIDATE", 2, 0).event(1, List.of(monitor));
        assertThat(monitor.violation()).isNull();

        int leads = servers.set(1, "LEADER", 2, 0).event(1, List.of(monitor));

        assertThat(monitor.violation()).isEqualTo(new Monitor.Violation(LeaderCompleteness.NAME, leads,
                "x=1 (term 1) at #1 was committed in term 1, but P2 is leader of term 2 without it", List.of(committed, leads)));
    }

    @Test
    void leaderLivenessTurnsFalseOnceAHealthyClusterWentTheBoundWithoutALeader() {
        Servers servers = new Servers(3);
        Monitor monitor = new LeaderLiveness(new Cluster(3), 5, 1_000, false);
        List<Integer> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(servers.event(i % 3, List.of(monitor)));
        }
        assertThat(monitor.violation()).isNull();

        int late = servers.event(0, List.of(monitor));

        assertThat(monitor.violation().at()).isEqualTo(late);
        assertThat(monitor.violation().explanation()).isEqualTo("the cluster was healthy from t=0 to t=5 and no leader was elected");
    }

    @Test
    void aLeaderFollowedByAMajorityKeepsLivenessGreen() {
        Servers servers = new Servers(3);
        Monitor monitor = new LeaderLiveness(new Cluster(3), 5, 1_000, false);
        servers.event(0, List.of(monitor));
        servers.set(0, "LEADER", 1, 0).event(0, List.of(monitor));
        for (int i = 0; i < 10; i++) {
            servers.event(1, List.of(monitor));
        }
        assertThat(monitor.violation()).isNull();
    }

    /** The broken vote (see BrokenVoteTest), run with Raft's own monitors through the kernel's state hook. */
    @Test
    void onARealRunLeaderCompletenessTurnsFalseAtTheEventWhereTheNewLeaderLeads() {
        Recipe recipe = Recipe.of(Raft.ID, Map.of("n", 3, "requests", 40, "runFor", 500, "upToDateCheck", false), 7)
                .withFaults(List.of(Fault.at(80, FaultKind.CRASH, 2), Fault.at(200, FaultKind.CRASH, 0),
                        Fault.at(200, FaultKind.RECOVER, 2)));
        Simulation run = Simulation.start(recipe, Protocols.registry(), MonitorSource.PROTOCOL);
        run.runToEnd();
        Monitor.Violation violation = run.monitors().get(2).violation();

        assertThat(violation.property()).isEqualTo(LeaderCompleteness.NAME);
        ServerSnapshot before = ServerSnapshot.of(Simulation.processesAt(recipe, Protocols.registry(), violation.at() - 1).get(2));
        ServerSnapshot at = ServerSnapshot.of(Simulation.processesAt(recipe, Protocols.registry(), violation.at()).get(2));
        assertThat(before.leader()).isFalse();
        assertThat(at.leader()).isTrue();
        assertThat(at.term()).isEqualTo(2);
        assertThat(violation.witnesses()).hasSize(2).last().isEqualTo(violation.at());
        ServerSnapshot committer = ServerSnapshot.of(Simulation.processesAt(recipe, Protocols.registry(),
                violation.witnesses().get(0)).get(0));
        assertThat(committer.commitIndex()).isGreaterThanOrEqualTo(8);
        assertThat(run.monitors().get(0).violation()).as("election safety").isNull();
        assertThat(run.monitors().get(3).violation()).as("state machine safety").isNotNull();
        assertThat(run.monitors().get(3).violation().witnesses()).allSatisfy(seq ->
                assertThat(run.trace().kind(seq)).isEqualTo(EventKind.OUTPUT));
    }

    @Test
    void onACorrectRunEveryMonitorHolds() {
        Recipe recipe = Recipe.of(Raft.ID, Map.of("n", 5, "requests", 5), 3)
                .withFaults(List.of(Fault.at(150, FaultKind.CRASH, 0), Fault.at(300, FaultKind.RECOVER, 0)));
        Simulation run = Simulation.start(recipe, Protocols.registry(), MonitorSource.PROTOCOL);
        run.runToEnd();

        assertThat(run.monitors()).hasSize(5).allSatisfy(m -> assertThat(m.violation()).as(m.property()).isNull());
    }
}
