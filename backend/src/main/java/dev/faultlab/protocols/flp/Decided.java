package dev.faultlab.protocols.flp;

import dev.faultlab.sim.Message;

/** The sender decided this value; every process relays it once, so one crash cannot keep it from the others. */
public record Decided(int value) implements Message {
    @Override
    public String type() {
        return "DECIDED";
    }
}
