package dev.faultlab.protocols.checkpointing;

import dev.faultlab.sim.Message;

/** Coordinated checkpointing, phase one: take a checkpoint for round {@code round} and hold back application messages. */
public record CheckpointRequest(int round) implements Message {
    @Override
    public String type() {
        return "CHECKPOINT_REQUEST";
    }
}
