package dev.faultlab.protocols.cap;

import dev.faultlab.sim.Message;

/** Consistency mode, first phase of request {@code request}: "which version of the register do you hold?" */
public record Query(int request) implements Message {
}
