package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * FIFO per sender, where the run promises it: each member delivers a sender's messages in the order they were sent,
 * without skipping one (m3 only right after m2).
 */
final class FifoPerSender implements Monitor {
    static final String NAME = "FIFO per sender";

    /** "node/origin" → the last delivery from that origin; looked up by key only. */
    private final Map<String, Delivered> last = new HashMap<>();
    private Violation violation;

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        Delivered delivery = Delivered.of(event);
        if (delivery == null || violation != null) {
            return;
        }
        Delivered before = last.put(delivery.node() + "/" + delivery.origin(), delivery);
        int expected = before == null ? 1 : before.seq() + 1;
        if (delivery.seq() != expected) {
            String who = ProcessLabel.of(delivery.node());
            String previous = before == null ? "before any other" : "right after " + before.label();
            violation = new Violation(NAME, event.seq(), who + " delivered " + delivery.label() + " " + previous + ", but "
                    + Payload.label(delivery.origin(), expected) + " comes first",
                    before == null ? List.of(delivery.event()) : List.of(before.event(), delivery.event()));
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return "every member delivered each sender's messages in order";
    }
}
