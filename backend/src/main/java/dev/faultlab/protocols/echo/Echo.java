package dev.faultlab.protocols.echo;

import dev.faultlab.sim.Message;

/** The answer to the ping of wave {@code wave}. */
public record Echo(int wave) implements Message {
}
