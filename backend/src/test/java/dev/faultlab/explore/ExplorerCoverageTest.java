package dev.faultlab.explore;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer on every protocol in main (flooding and Raft are in {@link SearchTest}): each variant offered for
 * teaching, and each scenario outside a protocol's fault model, is found broken with the monitor that says so, and
 * the correct configuration comes out clean within the stated bounds. docs/SIMULATION.md ("Every protocol under the
 * explorer") has the figures of these searches.
 *
 * <p>A protocol whose safety rests on timing (primary-backup's takeover, virtual synchrony's failure detector, the
 * heartbeat failure detector) declares itself synchronous, and the explorer then keeps timers and deliveries in the
 * clock's order among them; without that, a backup would take over before the primary's update arrives in every
 * correct configuration.
 */
class ExplorerCoverageTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    /**
     * One search and what it must give: the outcome and, for a violation, the monitor; {@code properties} empty for
     * every monitor of the protocol.
     */
    record Case(String name, Recipe recipe, SearchBounds bounds, Set<String> properties, SearchResult.Outcome outcome,
                String monitor) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Breadth-first only: up to {@code depth} steps, {@code crashes} crashes, {@code drops} losses, {@code states} states. */
    private static SearchBounds breadth(int depth, int crashes, int drops, long states) {
        return new SearchBounds(depth, crashes, drops, states, 60_000, 0, 1, 1);
    }

    /** A shallow breadth-first search, then {@code probes} random probes of up to {@code probeDepth} steps. */
    private static SearchBounds probes(int crashes, int probes, int probeDepth) {
        return new SearchBounds(3, crashes, 0, 1_000_000, 60_000, probes, probeDepth, 1);
    }

    private static Case found(String name, Recipe recipe, SearchBounds bounds, String monitor, String... properties) {
        return new Case(name, recipe, bounds, Set.of(properties), SearchResult.Outcome.FOUND, monitor);
    }

    private static Case clean(String name, Recipe recipe, SearchBounds bounds, SearchResult.Outcome outcome, String... properties) {
        return new Case(name, recipe, bounds, Set.of(properties), outcome, null);
    }

    private static Recipe recipe(String protocol, Map<String, Object> params, Fault... faults) {
        return Recipe.of(protocol, params, 1).withFaults(List.of(faults));
    }

    private static Fault byzantine(int node, String behaviour) {
        return Fault.at(0, FaultKind.BYZANTINE, node, Map.of("behaviour", behaviour));
    }

    private static Fault request(long at, int client, String command) {
        return Fault.at(at, FaultKind.REQUEST, client, Map.of("command", command));
    }

    private static final SearchResult.Outcome EXHAUSTED = SearchResult.Outcome.EXHAUSTED;
    private static final SearchResult.Outcome BOUNDED = SearchResult.Outcome.BOUNDED;
    private static final List<String> ATTACK = List.of("ATTACK", "ATTACK", "ATTACK", "ATTACK");
    private static final List<String> FIVE = List.of("ATTACK", "ATTACK", "ATTACK", "RETREAT", "RETREAT");

    static Stream<Case> cases() {
        Map<String, Object> twoPhase = Map.of("participants", 2, "votes", List.of("commit", "commit"));
        Map<String, Object> classic = Map.of("proposers", 2, "acceptors", 3, "learners", 1, "clients", 0, "runFor", 150);
        return Stream.of(
                // Echo has no monitor: the search can only find a handler that throws.
                clean("echo: n=2, one wave", recipe("echo", Map.of("n", 2, "waves", 1)), breadth(12, 0, 0, 50_000), BOUNDED),

                found("twophase: blocks when the coordinator crashes", recipe("twophase", twoPhase), probes(1, 3_000, 60),
                        "non-blocking", "non-blocking"),
                clean("twophase: agreement, atomicity, validity with a crash", recipe("twophase", twoPhase),
                        breadth(8, 1, 0, 5_000), BOUNDED, "agreement", "atomicity", "validity"),

                found("byzantine: n=3 <= 3m, a two-faced traitor",
                        recipe("byzantine", Map.of("n", 3, "m", 1, "values", ATTACK.subList(0, 3)), byzantine(1, "two-faced")),
                        breadth(40, 0, 0, 50_000), "validity"),
                found("byzantine: m=1 for two traitors, n=5",
                        recipe("byzantine", Map.of("n", 5, "m", 1, "values", FIVE), byzantine(1, "two-faced"), byzantine(2, "two-faced")),
                        breadth(200, 0, 0, 50_000), "agreement"),
                clean("byzantine: n=4, m=1, a two-faced traitor",
                        recipe("byzantine", Map.of("n", 4, "m", 1, "values", ATTACK), byzantine(1, "two-faced")),
                        breadth(60, 0, 0, 50_000), EXHAUSTED),

                found("voting: value model, n=2 for one wrong replica",
                        recipe("voting", Map.of("n", 2), byzantine(0, "wrong-value")), breadth(30, 0, 0, 20_000),
                        "voter's output is correct"),
                clean("voting: value model, n=3, one wrong replica",
                        recipe("voting", Map.of("n", 3), byzantine(0, "wrong-value")), breadth(30, 0, 0, 20_000), EXHAUSTED),
                found("voting: fail-silent, n=1 for one crash", recipe("voting", Map.of("n", 1, "model", "fail-silent")),
                        breadth(30, 1, 0, 20_000), "voter's output is correct"),
                clean("voting: fail-silent, n=2, one crash", recipe("voting", Map.of("n", 2, "model", "fail-silent")),
                        breadth(30, 1, 0, 20_000), EXHAUSTED),
                found("voting: Byzantine model, n=3 for one two-faced replica",
                        recipe("voting", Map.of("n", 3, "model", "byzantine"), byzantine(0, "two-faced-answers")),
                        breadth(30, 0, 0, 20_000), "correct replicas agree on the correct result"),
                clean("voting: Byzantine model, n=4, one two-faced replica",
                        recipe("voting", Map.of("n", 4, "model", "byzantine"), byzantine(0, "two-faced-answers")),
                        breadth(40, 0, 0, 20_000), EXHAUSTED),

                // The monitor counts every false suspicion; the detector only promises eventual accuracy, after GST.
                found("failuredetector: a false suspicion before GST", recipe("failuredetector", Map.of("n", 3, "runFor", 60)),
                        breadth(30, 1, 0, 20_000), "no false suspicions"),
                clean("failuredetector: completeness with a crash", recipe("failuredetector", Map.of("n", 3, "runFor", 60)),
                        breadth(30, 1, 0, 4_000), BOUNDED, "completeness"),

                // Over a FIFO network (the default) unordered multicast keeps each sender's order: the network must reorder.
                found("omcast: unordered breaks FIFO", recipe("omcast", Map.of("n", 2, "ordering", "unordered", "count", 2))
                                .withNetwork(new NetworkSpec(Delay.constant(1), 0, 0, false)),
                        breadth(30, 0, 0, 20_000), "FIFO order"),
                found("omcast: fifo breaks causal order", recipe("omcast", Map.of("n", 3, "ordering", "fifo", "count", 1)),
                        breadth(30, 0, 0, 20_000), "causal order", "causal order"),
                found("omcast: causal breaks total order", recipe("omcast", Map.of("n", 3, "ordering", "causal", "count", 1)),
                        breadth(30, 0, 0, 20_000), "total order", "total order"),
                clean("omcast: sequencer", recipe("omcast", Map.of("n", 3, "ordering", "sequencer", "count", 1)),
                        breadth(30, 0, 0, 4_000), EXHAUSTED, "total order", "every multicast delivered"),
                clean("omcast: causal-total", recipe("omcast", Map.of("n", 3, "ordering", "causal-total", "count", 1)),
                        breadth(30, 0, 0, 4_000), BOUNDED),
                clean("omcast: isis", recipe("omcast", Map.of("n", 3, "ordering", "isis", "count", 1)),
                        breadth(30, 0, 0, 4_000), BOUNDED, "total order", "every multicast delivered"),
                clean("omcast: lamport", recipe("omcast", Map.of("n", 3, "ordering", "lamport", "count", 1)),
                        breadth(30, 0, 0, 4_000), BOUNDED, "FIFO order", "total order", "every multicast delivered"),

                found("paxos: without leader ids, a deposed leader's late accept",
                        recipe("paxos", paxos(false, true), request(5, 3, "o1"), request(50, 4, "o2")), probes(0, 3_000, 120),
                        "one value chosen per timestamp"),
                found("paxos: without the majority wait, a crash after executing",
                        recipe("paxos", paxos(true, false), request(5, 3, "o1"), request(100, 3, "o2"), request(200, 4, "o3")),
                        probes(1, 3_000, 120), "same operation at each timestamp"),
                clean("paxos: leader ids and the majority wait",
                        recipe("paxos", paxos(true, true), request(5, 3, "o1"), request(50, 4, "o2")),
                        new SearchBounds(3, 1, 0, 8_000, 60_000, 300, 120, 1), BOUNDED),
                clean("paxos-classic: two proposers", recipe("paxos-classic", classic), breadth(12, 1, 0, 3_000), BOUNDED),

                found("pbft: n=3k with an equivocating primary",
                        recipe("pbft", Map.of("k", 1, "n", 3, "clients", 1, "requests", 1, "runFor", 150), byzantine(0, "equivocate")),
                        probes(0, 500, 60), "same operation at each timestamp", "same operation at each timestamp"),
                clean("pbft: n=3k+1 with an equivocating primary",
                        recipe("pbft", Map.of("k", 1, "clients", 1, "requests", 1, "runFor", 150), byzantine(0, "equivocate")),
                        breadth(30, 0, 0, 3_000), BOUNDED),

                // Synchronous: the backup's timeout never fires while the primary's update is still on its way.
                clean("primarybackup: passive, 1 backup, 1 client",
                        recipe("primarybackup", Map.of("backups", 1, "clients", 1, "workload", List.of("set 1"), "runFor", 80)),
                        breadth(20, 0, 0, 5_000), EXHAUSTED, "no acknowledged update lost"),

                found("rmcast: a sender's crash without re-multicast", recipe("rmcast", Map.of("n", 3, "messages", 1, "runFor", 40)),
                        breadth(20, 1, 0, 20_000), "all-or-nothing"),
                clean("rmcast: re-multicast, a crash", recipe("rmcast", Map.of("n", 3, "messages", 1, "remulticast", true, "runFor", 40)),
                        breadth(20, 1, 0, 4_000), BOUNDED),
                clean("rmcast: NACKs, a lost message", recipe("rmcast", Map.of("n", 3, "messages", 2, "runFor", 40)),
                        breadth(20, 0, 1, 4_000), BOUNDED),

                found("rpc: without sequence numbers, a lost reply", recipe("rpc", Map.of("clients", 1, "calls", 1)),
                        breadth(20, 0, 1, 20_000), "at-most-once", "at-most-once"),
                clean("rpc: sequence numbers, a lost message", recipe("rpc", Map.of("clients", 1, "calls", 1, "dedup", true)),
                        breadth(20, 0, 1, 20_000), EXHAUSTED, "at-most-once"),
                found("rpc: a client's crash leaves an orphan", recipe("rpc", Map.of("clients", 1, "calls", 1)),
                        breadth(20, 1, 0, 20_000), "no orphan runs on", "no orphan runs on"),

                found("vsync: without flush, a crash part-way through a multicast", recipe("vsync", vsync(false)),
                        probes(1, 500, 40), "view synchrony"),
                // The flush relies on FIFO links: the explorer delivers each link's messages in order, as the network does.
                clean("vsync: with flush, a crash", recipe("vsync", vsync(true)), probes(1, 500, 40), BOUNDED, "view synchrony"));
    }

    private static Map<String, Object> paxos(boolean leaderIds, boolean majorityWait) {
        return Map.of("n", 3, "clients", 2, "requests", 0, "clientTimeout", 200, "runFor", 400, "leaderIds", leaderIds,
                "majorityWait", majorityWait);
    }

    private static Map<String, Object> vsync(boolean flush) {
        return Map.of("n", 3, "flush", flush, "multicasts", List.of(List.of(0, 2)), "runFor", 40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theExplorerFindsWhatIsBrokenAndNothingInWhatIsNot(Case c) {
        SearchResult result = new Search(REGISTRY, c.recipe(), c.bounds(), c.properties(), progress -> { }, () -> false).run();
        System.out.printf("explorer | %s | %s | %d explored | %d distinct | %d steps%s | %s%n", c.name(), result.outcome(),
                result.progress().explored(), result.progress().distinct(), result.steps(), result.byProbe() ? " (probe)" : "",
                result.violation() == null ? "-" : result.violation().property());

        assertThat(result.outcome()).as("%s: %s", c, result.violation()).isEqualTo(c.outcome());
        if (c.monitor() == null) {
            assertThat(result.violation()).isNull();
            return;
        }
        assertThat(result.violation().property()).isEqualTo(c.monitor());
        // The counterexample replays as an ordinary run of the explorer to the same violation.
        Simulation replay = Simulation.explore(result.counterexample(), REGISTRY, MonitorSource.PROTOCOL);
        List<String> violated = new ArrayList<>();
        for (Monitor monitor : replay.monitors()) {
            if (monitor.violation() != null) {
                violated.add(monitor.property());
            }
        }
        assertThat(violated).contains(c.monitor());
    }
}
