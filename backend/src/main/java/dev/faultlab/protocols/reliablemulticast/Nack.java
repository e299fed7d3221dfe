package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.sim.Message;

import java.util.List;

/** A negative acknowledgement: the receiver misses these messages of {@code origin} (ascending numbers). */
public record Nack(int origin, List<Integer> missing) implements Message {
    public Nack {
        missing = List.copyOf(missing);
    }

    @Override
    public String type() {
        return "NACK";
    }
}
