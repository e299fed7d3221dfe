package dev.faultlab.protocols.cap;

import dev.faultlab.sim.Message;

/** The answer to a {@link Store}: the replica holds that version or a newer one. */
public record Stored(int request) implements Message {
}
