package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.Delay;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.NetworkSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** Random networks and fault plans for the 2PC properties. */
final class FaultPlans {
    /** Every fault of a healing plan has happened, and healed, by this time. */
    static final long HEALED_BY = 100;

    private FaultPlans() {
    }

    /** Any delays (often longer than the timeouts), reordering, duplication and loss (loss lasts the whole run). */
    static Arbitrary<NetworkSpec> anyNetwork() {
        return Combinators.combine(Arbitraries.longs().between(1, 15), Arbitraries.doubles().between(0, 0.1),
                        Arbitraries.doubles().between(0, 0.2), Arbitraries.of(true, false))
                .as((maxDelay, loss, duplication, fifo) -> new NetworkSpec(Delay.uniform(1, maxDelay), loss, duplication, fifo));
    }

    /** Delays, reordering and duplication, but no loss that lasts forever (a healing plan adds spells of it). */
    static Arbitrary<NetworkSpec> lossFreeNetwork() {
        return Combinators.combine(Arbitraries.longs().between(1, 6), Arbitraries.doubles().between(0, 0.2),
                        Arbitraries.of(true, false))
                .as((maxDelay, duplication, fifo) -> new NetworkSpec(Delay.uniform(1, maxDelay), 0, duplication, fifo));
    }

    /** Up to six faults of any kind at any process at any time, including crashes part-way through a broadcast. */
    static Arbitrary<List<Fault>> anyFaults(int n) {
        Arbitrary<Long> time = Arbitraries.longs().between(0, 120);
        Arbitrary<Integer> node = Arbitraries.integers().between(0, n - 1);
        Arbitrary<Long> duration = Arbitraries.longs().between(1, 60);
        // A link joins two different nodes: the other end is the target plus 1..n-1, wrapped.
        Arbitrary<Integer> offset = Arbitraries.integers().between(1, n - 1);
        Arbitrary<Fault> fault = Arbitraries.oneOf(
                Combinators.combine(time, node).as((t, v) -> Fault.at(t, FaultKind.CRASH, v)),
                Combinators.combine(time, node, Arbitraries.integers().between(1, 3))
                        .as((t, v, sends) -> Fault.at(t, FaultKind.CRASH, v, Map.of("afterSends", sends))),
                Combinators.combine(time, node, subsetOf(n))
                        .as((t, v, reaches) -> Fault.at(t, FaultKind.CRASH, v, Map.of("reaches", reaches))),
                Combinators.combine(time, node).as((t, v) -> Fault.at(t, FaultKind.RECOVER, v)),
                Combinators.combine(time, node, duration)
                        .as((t, v, d) -> Fault.at(t, FaultKind.SEND_OMISSION, v, Map.of("duration", d))),
                Combinators.combine(time, node, duration)
                        .as((t, v, d) -> Fault.at(t, FaultKind.RECEIVE_OMISSION, v, Map.of("duration", d))),
                Combinators.combine(time, node, duration, Arbitraries.integers().between(1, 20))
                        .as((t, v, d, extra) -> Fault.at(t, FaultKind.TIMING, v, Map.of("duration", d, "extraDelay", extra))),
                Combinators.combine(time, node, node, Arbitraries.doubles().between(0, 1))
                        .as((t, v, to, p) -> Fault.at(t, FaultKind.LINK_LOSS, v, Map.of("to", to, "probability", p))),
                Combinators.combine(time, node, offset).as((t, v, k) -> Fault.at(t, FaultKind.LINK_DOWN, v, Map.of("to", (v + k) % n))),
                Combinators.combine(time, node, offset).as((t, v, k) -> Fault.at(t, FaultKind.LINK_UP, v, Map.of("to", (v + k) % n))),
                Combinators.combine(time, subsetOf(n))
                        .as((t, group) -> Fault.network(t, FaultKind.PARTITION, Map.of("groups", List.of(group)))),
                time.map(t -> Fault.network(t, FaultKind.HEAL, Map.of())),
                Combinators.combine(time, Arbitraries.doubles().between(0, 0.5), Arbitraries.of(true, false))
                        .as((t, loss, fifo) -> Fault.network(t, FaultKind.NETWORK, Map.of("loss", loss, "fifo", fifo))));
        return fault.list().ofMaxSize(6);
    }

    /**
     * Up to five episodes that each end by {@link #HEALED_BY}: a crash and its recovery, a send or receive
     * omission, a slow process, a partition and its heal, a link down and up again, a spell of message loss.
     */
    static Arbitrary<List<Fault>> healingFaults(int n) {
        Arbitrary<Long> start = Arbitraries.longs().between(0, HEALED_BY - 40);
        Arbitrary<Long> length = Arbitraries.longs().between(1, 40);
        Arbitrary<Integer> node = Arbitraries.integers().between(0, n - 1);
        Arbitrary<Integer> offset = Arbitraries.integers().between(1, n - 1);
        Arbitrary<List<Fault>> episode = Arbitraries.oneOf(
                Combinators.combine(start, length, node).as((t, d, v) -> List.of(
                        Fault.at(t, FaultKind.CRASH, v), Fault.at(t + d, FaultKind.RECOVER, v))),
                Combinators.combine(start, length, node).as((t, d, v) -> List.of(
                        Fault.at(t, FaultKind.SEND_OMISSION, v, Map.of("duration", d)))),
                Combinators.combine(start, length, node).as((t, d, v) -> List.of(
                        Fault.at(t, FaultKind.RECEIVE_OMISSION, v, Map.of("duration", d)))),
                Combinators.combine(start, length, node).as((t, d, v) -> List.of(
                        Fault.at(t, FaultKind.TIMING, v, Map.of("duration", d, "extraDelay", 3, "timerFactor", 2.0)))),
                Combinators.combine(start, length, subsetOf(n)).as((t, d, group) -> List.of(
                        Fault.network(t, FaultKind.PARTITION, Map.of("groups", List.of(group))),
                        Fault.network(t + d, FaultKind.HEAL, Map.of()))),
                Combinators.combine(start, length, node, offset).as((t, d, v, k) -> List.of(
                        Fault.at(t, FaultKind.LINK_DOWN, v, Map.of("to", (v + k) % n)),
                        Fault.at(t + d, FaultKind.LINK_UP, v, Map.of("to", (v + k) % n)))),
                Combinators.combine(start, length, Arbitraries.doubles().between(0.05, 0.5)).as((t, d, loss) -> List.of(
                        Fault.network(t, FaultKind.NETWORK, Map.of("loss", loss)),
                        Fault.network(t + d, FaultKind.NETWORK, Map.of("loss", 0.0)))));
        return episode.list().ofMaxSize(5).map(episodes -> {
            List<Fault> plan = new ArrayList<>();
            episodes.forEach(plan::addAll);
            return plan;
        });
    }

    private static Arbitrary<List<Integer>> subsetOf(int n) {
        Set<Integer> nodes = new TreeSet<>();
        IntStream.range(0, n).forEach(nodes::add);
        return Arbitraries.subsetOf(nodes).ofMinSize(1).map(subset -> List.copyOf(new TreeSet<>(subset)));
    }
}
