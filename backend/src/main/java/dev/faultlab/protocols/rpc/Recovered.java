package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Message;

/** A recovered server announces to every client that it is up again (and has lost what it was doing). */
public record Recovered() implements Message {
    @Override
    public String type() {
        return "RECOVERED";
    }
}
