package dev.faultlab.protocols.checkpointing;

import dev.faultlab.sim.Message;

/** A process that recovered asks every other one to stop and report its checkpoints and dependencies. */
public record RecoveryRequest(int epoch) implements Message {
    @Override
    public String type() {
        return "RECOVERY_REQUEST";
    }
}
