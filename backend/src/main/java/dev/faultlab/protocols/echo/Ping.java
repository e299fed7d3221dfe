package dev.faultlab.protocols.echo;

import dev.faultlab.sim.Message;

/** The initiator's wave {@code wave}: "answer me". */
public record Ping(int wave) implements Message {
}
