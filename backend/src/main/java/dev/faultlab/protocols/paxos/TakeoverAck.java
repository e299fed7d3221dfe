package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Message;

import java.util.List;

/** A server accepts the new leader of {@code regime} and tells it which operations it holds after its executed ones. */
public record TakeoverAck(int regime, List<Slot> slots) implements Message {
    public TakeoverAck {
        slots = List.copyOf(slots);
    }

    @Override
    public String type() {
        return "TAKEOVER_ACK";
    }
}
