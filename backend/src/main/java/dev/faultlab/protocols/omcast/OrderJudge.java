package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Judges delivery orders that did not happen against the multicasts of a run that did: which of FIFO, causal and
 * total order they keep, by the monitors' own rules. The run gives the messages and what happened before what
 * (each message's causal past); the orders are fed to the monitors as if the members had delivered that way.
 */
public final class OrderJudge {
    /** A property the orders keep or break, and why (the monitor's explanation, or how it holds). */
    public record Judgement(String property, boolean holds, String explanation) {
    }

    private OrderJudge() {
    }

    /** The names of the run's multicast messages, in the order they were multicast. */
    public static List<String> messages(List<TraceEvent> run) {
        Deliveries known = read(run);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < known.count(); i++) {
            names.add(known.message(i).id().name());
        }
        return names;
    }

    /**
     * FIFO, causal and total order, judged over {@code orders}: member id → the names of the messages it delivers, in
     * order. A name the run does not have is an error.
     */
    public static List<Judgement> judge(List<TraceEvent> run, Map<Integer, List<String>> orders) {
        Deliveries known = read(run);
        Deliveries candidate = known.multicastsOnly();
        List<OrderMonitor> monitors = List.of(new FifoOrder(Ordering.UNORDERED, candidate), new CausalOrder(Ordering.CAUSAL, candidate),
                new TotalOrder(Ordering.SEQUENCER, candidate));
        Map<String, String> broken = new LinkedHashMap<>();
        int seq = 0;
        for (Map.Entry<Integer, List<String>> order : orders.entrySet()) {
            for (String name : order.getValue()) {
                Deliveries.Delivery delivery = candidate.deliver(order.getKey(), index(known, name), seq++);
                for (OrderMonitor monitor : monitors) {
                    OrderMonitor.Broken why = broken.containsKey(monitor.property()) ? null : monitor.check(delivery);
                    if (why != null) {
                        broken.put(monitor.property(), why.explanation());
                    }
                }
            }
        }
        return monitors.stream().map(m -> broken.containsKey(m.property()) ? new Judgement(m.property(), false, broken.get(m.property()))
                : new Judgement(m.property(), true, m.holding())).toList();
    }

    private static int index(Deliveries known, String name) {
        Optional<Integer> index = IntStream.range(0, known.count()).boxed()
                .filter(i -> known.message(i).id().name().equals(name)).findFirst();
        return index.orElseThrow(() -> new IllegalArgumentException("the run multicasts no message named " + name));
    }

    private static Deliveries read(List<TraceEvent> run) {
        Deliveries known = new Deliveries();
        run.forEach(known::onEvent);
        return known;
    }
}
