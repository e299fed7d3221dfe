package dev.faultlab.protocols.failuredetector;

import dev.faultlab.sim.Message;

/** The sender's {@code seq}-th "I'm alive" message. */
public record Heartbeat(int seq) implements Message {
}
