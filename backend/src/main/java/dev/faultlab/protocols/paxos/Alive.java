package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Message;

/**
 * The leader's heartbeat: it is alive, has assigned timestamps up to {@code lastT} and executed up to
 * {@code executed}; a server behind either notices that it missed messages. {@code regime} is -1 without ids.
 */
public record Alive(int regime, int lastT, int executed) implements Message {
    @Override
    public String type() {
        return "ALIVE";
    }
}
