package dev.faultlab.protocols.messagelogging;

import dev.faultlab.sim.Message;

/** Sender-based logging: a process restoring its checkpoint asks every peer for the messages it logged for it. */
public record ReplayRequest(int incarnation) implements Message {
    @Override
    public String type() {
        return "REPLAY_REQUEST";
    }
}
