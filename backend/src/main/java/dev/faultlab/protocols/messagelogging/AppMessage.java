package dev.faultlab.protocols.messagelogging;

import dev.faultlab.sim.Message;

import java.util.List;

/**
 * An application message, named as the lab's script numbers it (m1, m2, ...). It carries what its sender's state
 * depends on when sending it (an interval per process), so the receiver's state depends on that too, and the
 * rollbacks its sender knows of, so no message of a lost interval outruns the news of the loss.
 */
public record AppMessage(String name, int from, int to, int incarnation, int payload, List<Interval> deps,
                         List<Rollback> known) implements Message {
    public AppMessage {
        deps = List.copyOf(deps);
        known = List.copyOf(known);
    }

    /** Unique per sending: the same script line sent again by a later incarnation is another message. */
    public String key() {
        return name + "@" + incarnation;
    }

    /** True if this message was sent in an interval one of {@code rollbacks} lost: acting on it would make an orphan. */
    public boolean orphanedBy(List<Rollback> rollbacks) {
        return rollbacks.stream().anyMatch(r -> r.loses(deps.get(r.process())));
    }

    @Override
    public String type() {
        return "APP";
    }

    @Override
    public String toString() {
        return name + (incarnation > 0 ? " (incarnation " + incarnation + ")" : "");
    }
}
