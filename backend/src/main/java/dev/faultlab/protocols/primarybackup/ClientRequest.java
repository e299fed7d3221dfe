package dev.faultlab.protocols.primarybackup;

import dev.faultlab.sim.Message;

/** A client's {@code seq}-th request, sent to the server it takes for the primary. */
public record ClientRequest(int seq, String op) implements Message {
}
