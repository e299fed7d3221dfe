package dev.faultlab.protocols.cap;

import dev.faultlab.sim.Message;

/** Availability mode: a replica passes on its version and value, right after a write and then periodically. */
public record Gossip(Version version, int value) implements Message {
}
