package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** No duplicates: no member delivers the same message twice, however many copies reach it. */
final class NoDuplicates implements Monitor {
    static final String NAME = "no duplicates";

    /** "node/message" → the event of its first delivery; looked up by key only. */
    private final Map<String, Integer> first = new HashMap<>();
    private int deliveries;
    private Violation violation;

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        Delivered delivery = Delivered.of(event);
        if (delivery == null) {
            return;
        }
        deliveries++;
        Integer earlier = first.putIfAbsent(delivery.node() + "/" + delivery.key(), delivery.event());
        if (earlier != null && violation == null) {
            violation = new Violation(NAME, event.seq(), ProcessLabel.of(delivery.node()) + " delivered " + delivery.label()
                    + " twice", List.of(earlier, delivery.event()));
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return deliveries + " deliveries, each message at most once per member";
    }
}
