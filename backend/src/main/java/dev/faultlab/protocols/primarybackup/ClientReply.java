package dev.faultlab.protocols.primarybackup;

import dev.faultlab.sim.Message;

/** The primary's answer to a request: the update it became. */
public record ClientReply(int seq, Update update) implements Message {
}
