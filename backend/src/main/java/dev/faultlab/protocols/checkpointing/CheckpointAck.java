package dev.faultlab.protocols.checkpointing;

import dev.faultlab.sim.Message;

import java.util.List;

/**
 * A participant took checkpoint {@code label} for round {@code round}; with the incremental optimisation it names
 * the processes it passed the request on to (ids), so the coordinator knows whose acknowledgements to wait for.
 */
public record CheckpointAck(int round, String label, List<Integer> forwardedTo) implements Message {
    public CheckpointAck {
        forwardedTo = List.copyOf(forwardedTo);
    }

    @Override
    public String type() {
        return "CHECKPOINT_ACK";
    }
}
