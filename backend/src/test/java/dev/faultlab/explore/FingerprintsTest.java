package dev.faultlab.explore;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Enabled;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every protocol's state fingerprint, checked against what its processes show. A fingerprint that leaves out state
 * which matters would let the explorer prune a state it has not seen, and hide a bug: over random walks with crashes
 * and recoveries, two states with one fingerprint must show the same processes (their views, up or down, stable
 * storage, decisions), leaving out only counters that are shown and never read. The converse, that one state reached
 * two ways hashes alike, is checked on two orders of deliveries to different processes, and on a replay.
 */
class FingerprintsTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    /** A configuration of a protocol, and the view keys its fingerprint leaves out because they are only shown. */
    record Case(String name, Recipe recipe, Set<String> shownOnly) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case of(String name, String protocol, Map<String, Object> params, String... shownOnly) {
        return new Case(name, Recipe.of(protocol, params, 3), Set.of(shownOnly));
    }

    static Stream<Case> cases() {
        return Stream.of(
                of("echo", "echo", Map.of("n", 3, "waves", 1)),
                of("flooding", "flooding", Map.of("n", 3, "f", 1)),
                of("twophase", "twophase", Map.of("participants", 2, "votes", List.of("commit", "commit"))),
                of("raft", "raft", Map.of("n", 3, "clients", 1, "requests", 1, "runFor", 200)),
                of("byzantine", "byzantine", Map.of("n", 4, "m", 1)),
                of("voting value", "voting", Map.of("n", 3)),
                of("voting byzantine, separate voter", "voting", Map.of("n", 4, "model", "byzantine", "voter", "separate")),
                of("failuredetector", "failuredetector", Map.of("n", 3, "runFor", 60)),
                of("omcast causal", "omcast", Map.of("n", 3, "ordering", "causal", "count", 1)),
                of("omcast fifo", "omcast", Map.of("n", 3, "ordering", "fifo", "count", 2)),
                of("omcast sequencer", "omcast", Map.of("n", 3, "ordering", "sequencer", "count", 1)),
                of("omcast moving-sequencer", "omcast", Map.of("n", 3, "ordering", "moving-sequencer", "count", 1, "runFor", 40)),
                of("omcast privilege", "omcast", Map.of("n", 3, "ordering", "privilege", "count", 1, "runFor", 40)),
                of("omcast lamport", "omcast", Map.of("n", 3, "ordering", "lamport", "count", 1)),
                of("omcast isis", "omcast", Map.of("n", 3, "ordering", "isis", "count", 1)),
                of("omcast unordered", "omcast", Map.of("n", 3, "ordering", "unordered", "count", 1)),
                of("paxos", "paxos", Map.of("n", 3, "clients", 1, "requests", 1, "runFor", 150), "suspicions", "duplicateReplies"),
                of("paxos-classic", "paxos-classic", Map.of("proposers", 2, "acceptors", 3, "learners", 1, "clients", 1,
                        "requests", 1, "runFor", 150), "duplicateReplies"),
                of("pbft", "pbft", Map.of("k", 1, "clients", 1, "requests", 1, "runFor", 150)),
                of("primarybackup passive", "primarybackup", Map.of("backups", 1, "clients", 1, "workload", List.of("random"), "runFor", 80)),
                of("primarybackup active", "primarybackup", Map.of("backups", 2, "clients", 1, "mode", "active",
                        "workload", List.of("random"), "runFor", 80)),
                of("rmcast nack", "rmcast", Map.of("n", 3, "messages", 2, "runFor", 40), FEEDBACK_COUNTS),
                of("rmcast suppression", "rmcast", Map.of("n", 3, "messages", 2, "variant", "suppression", "runFor", 40), FEEDBACK_COUNTS),
                of("rmcast hierarchy", "rmcast", Map.of("n", 5, "messages", 1, "variant", "hierarchy", "runFor", 40), FEEDBACK_COUNTS),
                of("rmcast piggyback", "rmcast", Map.of("n", 3, "messages", 2, "variant", "piggyback", "runFor", 40), FEEDBACK_COUNTS),
                of("rpc", "rpc", Map.of("clients", 2, "calls", 2, "dedup", true)),
                of("rpc exterminate", "rpc", Map.of("clients", 2, "calls", 1, "remedy", "extermination")),
                of("vsync", "vsync", Map.of("n", 3, "multicasts", List.of(List.of(0, 2), List.of(1, 3)), "runFor", 40)),
                of("vsync causal-atomic", "vsync", Map.of("n", 3, "variant", "causal-atomic",
                        "multicasts", List.of(List.of(0, 2), List.of(1, 3)), "runFor", 40)));
    }

    private static final String[] FEEDBACK_COUNTS = {"ACKs sent", "NACKs sent", "NACKs suppressed", "retransmissions sent",
            "re-multicasts repeated"};

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void statesWithOneFingerprintShowTheSameProcesses(Case c) {
        Map<Long, Object> seen = new HashMap<>();
        int compared = 0;
        for (int walk = 0; walk < 12; walk++) {
            SplittableRandom random = new SplittableRandom(walk);
            Simulation run = Simulation.explore(c.recipe(), REGISTRY, MonitorSource.PROTOCOL);
            boolean recoveries = run.protocol().failureModel() == FailureModel.CRASH_RECOVERY;
            int crashes = 0;
            for (int step = 0; step < 60 && run.paused(); step++) {
                long fingerprint = run.fingerprint().orElseThrow(() -> new AssertionError(c + " offers no fingerprint"));
                Object shown = shown(run, c.shownOnly());
                Object before = seen.putIfAbsent(fingerprint, shown);
                if (before != null) {
                    compared++;
                    assertThat(shown).as("%s: one fingerprint, two states, after %s", c, run.explored()).isEqualTo(before);
                }
                step(run, random, crashes < 1, recoveries);
                crashes = (int) run.processes().stream().filter(p -> !p.up()).count();
            }
        }
        assertThat(seen).as("distinct states of %s", c).hasSizeGreaterThan(5);
        assertThat(compared).as("states of %s met again", c).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void deliveriesToTwoProcessesInEitherOrderReachOneStateWhichAReplayReachesToo(Case c) {
        int pairs = 0;
        Simulation run = null;
        for (int walk = 0; walk < 6 && pairs < 3; walk++) {
            SplittableRandom random = new SplittableRandom(walk);
            run = Simulation.explore(c.recipe(), REGISTRY, MonitorSource.PROTOCOL);
            for (int step = 0; step < 40 && run.paused() && pairs < 3; step++) {
                int[] pair = deliveriesToTwoProcesses(run.enabled());
                if (pair != null) {
                    Recipe here = run.explored();
                    OptionalLong oneThenOther = after(here, pair[0], pair[1]);
                    OptionalLong otherThenOne = after(here, pair[1], pair[0]);
                    if (oneThenOther.isPresent() && otherThenOne.isPresent()) {
                        assertThat(oneThenOther).as("%s after %s", c, here).isEqualTo(otherThenOne);
                        pairs++;
                    }
                }
                step(run, random, false, false);
            }
        }
        assertThat(pairs).as("pairs of independent deliveries in %s", c).isPositive();
        if (run.paused()) {
            assertThat(Simulation.explore(run.explored(), REGISTRY, MonitorSource.PROTOCOL).fingerprint())
                    .isEqualTo(run.fingerprint());
        }
    }

    /** What the processes show, without the keys that are only shown. */
    private static Object shown(Simulation run, Set<String> shownOnly) {
        List<Object> processes = new ArrayList<>();
        for (ProcessStatus p : run.processes()) {
            Map<String, Object> state = new LinkedHashMap<>(p.state());
            state.keySet().removeAll(shownOnly);
            processes.add(List.of(p.up(), state, p.stable(), String.valueOf(p.decision())));
        }
        return processes;
    }

    /** One random step: mostly an enabled item, now and then a crash (within the allowance) or a recovery. */
    private static void step(Simulation run, SplittableRandom random, boolean mayCrash, boolean recoveries) {
        List<ProcessStatus> processes = run.processes();
        int pick = random.nextInt(15);
        List<Integer> up = processes.stream().filter(ProcessStatus::up).map(ProcessStatus::node).toList();
        List<Integer> down = processes.stream().filter(p -> !p.up()).map(ProcessStatus::node).toList();
        boolean started = run.enabled().stream().noneMatch(e -> e.kind().equals("start"));
        if (started && pick == 0 && mayCrash && !up.isEmpty()) {
            run.inject(new Fault(null, (long) run.trace().size(), FaultKind.CRASH, up.get(random.nextInt(up.size())), Map.of()));
        } else if (started && pick == 1 && recoveries && !down.isEmpty()) {
            run.inject(new Fault(null, (long) run.trace().size(), FaultKind.RECOVER, down.get(random.nextInt(down.size())), Map.of()));
        } else {
            run.choose(random.nextInt(run.enabled().size()));
        }
    }

    /**
     * Two deliveries to different processes, due at one time: run late, a delivery runs at the current time, and a
     * protocol that keeps the times it heard things (a failure detector) would tell the two orders apart, rightly.
     */
    private static int[] deliveriesToTwoProcesses(List<Enabled> enabled) {
        for (int i = 0; i < enabled.size(); i++) {
            for (int j = i + 1; j < enabled.size(); j++) {
                Enabled a = enabled.get(i);
                Enabled b = enabled.get(j);
                if (a.kind().equals("deliver") && b.kind().equals("deliver") && a.node() != b.node() && a.time() == b.time()) {
                    return new int[] {i, j};
                }
            }
        }
        return null;
    }

    /**
     * The fingerprint after running enabled item {@code first}, then the item that was {@code second} before it; empty
     * when the kernel ran the second on its own (the only item left) and went on.
     */
    private static OptionalLong after(Recipe here, int first, int second) {
        Simulation run = Simulation.explore(here, REGISTRY, MonitorSource.PROTOCOL);
        Enabled other = run.enabled().get(second);
        run.choose(first);
        if (!run.paused()) {
            return OptionalLong.empty();
        }
        List<Enabled> now = run.enabled();
        int index = -1;
        for (int i = 0; i < now.size(); i++) {
            if (now.get(i).kind().equals(other.kind()) && now.get(i).node() == other.node() && now.get(i).message() == other.message()) {
                index = i;
            }
        }
        if (index < 0) {
            return OptionalLong.empty();
        }
        run.choose(index);
        return run.fingerprint();
    }
}
