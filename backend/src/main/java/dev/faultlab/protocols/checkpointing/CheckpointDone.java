package dev.faultlab.protocols.checkpointing;

import dev.faultlab.sim.Message;

/** Coordinated checkpointing, phase two: every checkpoint of round {@code round} is confirmed; carry on. */
public record CheckpointDone(int round) implements Message {
    @Override
    public String type() {
        return "CHECKPOINT_DONE";
    }
}
