package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * All-or-nothing delivery (the lecture's atomic multicast): a message that one correct member delivers, every
 * correct member delivers. Judged when the run ends, since a missing copy may still be on its way before that;
 * a member hit by a crash or any other fault that makes it faulty does not count.
 */
final class AllOrNothing implements Monitor {
    static final String NAME = "all-or-nothing";

    private final int members;
    /** Every delivery, by message (origin, seq), in trace order. */
    private final TreeMap<Long, List<Delivered>> deliveries = new TreeMap<>();
    /** (node, message) pairs delivered; looked up only. */
    private final Set<String> delivered = new HashSet<>();
    private final BitSet faulty = new BitSet();
    private Violation violation;
    private boolean judged;

    AllOrNothing(int members) {
        this.members = members;
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public boolean judgedAtEnd() {
        return true;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        Delivered delivery = Delivered.of(event);
        if (delivery != null) {
            deliveries.computeIfAbsent(delivery.key(), k -> new ArrayList<>()).add(delivery);
            delivered.add(delivery.node() + "/" + delivery.key());
        } else if (event.kind() == EventKind.FAULT && event.payload() instanceof Fault fault && fault.kind().makesFaulty()) {
            faulty.set(fault.targetNode());
        } else if (event.kind() == EventKind.END) {
            judged = true;
            violation = judge(event.seq());
        }
    }

    private Violation judge(int end) {
        for (List<Delivered> ofMessage : deliveries.values()) {
            Delivered by = ofMessage.stream().filter(d -> !faulty.get(d.node())).findFirst().orElse(null);
            if (by == null) {
                continue;
            }
            List<String> missed = new ArrayList<>();
            for (int node = 0; node < members; node++) {
                if (!faulty.get(node) && !delivered.contains(node + "/" + by.key())) {
                    missed.add(ProcessLabel.of(node));
                }
            }
            if (!missed.isEmpty()) {
                return new Violation(NAME, end, ProcessLabel.of(by.node()) + " delivered " + by.label() + " but "
                        + String.join(", ", missed) + (missed.size() == 1 ? ", a correct member, never did" : ", correct members, never did"),
                        List.of(by.event()));
            }
        }
        return null;
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return judged ? "every message a correct member delivered, every correct member delivered (" + deliveries.size()
                + " messages)" : "judged when the run ends";
    }
}
