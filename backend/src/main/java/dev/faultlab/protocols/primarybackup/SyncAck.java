package dev.faultlab.protocols.primarybackup;

import dev.faultlab.sim.Message;

/** A backup holds the primary's {@code position}-th update. */
public record SyncAck(int position) implements Message {
}
