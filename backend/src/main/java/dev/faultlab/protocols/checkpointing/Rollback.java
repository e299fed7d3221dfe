package dev.faultlab.protocols.checkpointing;

import dev.faultlab.sim.Message;

import java.util.List;

/**
 * The recovery line, sent by the recovering process: for each process (by id) the checkpoint index it restores,
 * or -1 where it keeps its state. From now on the run is in recovery epoch {@code epoch}.
 */
public record Rollback(int epoch, List<Integer> line) implements Message {
    public Rollback {
        line = List.copyOf(line);
    }

    @Override
    public String type() {
        return "ROLLBACK";
    }
}
