package dev.faultlab.protocols.messagelogging;

import dev.faultlab.sim.Message;

import java.util.List;

/** Sender-based logging: every message the sender holds in its log for the requester, and the rollbacks it knows. */
public record ReplayReply(int incarnation, List<AppMessage> messages, List<Rollback> known) implements Message {
    public ReplayReply {
        messages = List.copyOf(messages);
        known = List.copyOf(known);
    }

    @Override
    public String type() {
        return "REPLAY";
    }
}
