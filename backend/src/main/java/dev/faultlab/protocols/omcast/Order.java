package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Message;

/** A sequencer (or the holder of the privilege token) gives the multicast {@code id} the global number {@code global}. */
public record Order(long global, MsgId id) implements Message, Carrying {
    @Override
    public String type() {
        return "ORDER";
    }
}
