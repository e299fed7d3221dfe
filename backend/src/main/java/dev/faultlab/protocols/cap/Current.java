package dev.faultlab.protocols.cap;

import dev.faultlab.sim.Message;

/** The answer to a {@link Query}: the replica's version and value. */
public record Current(int request, Version version, int value) implements Message {
}
