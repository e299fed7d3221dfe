package dev.faultlab.protocols.checkpointing;

import dev.faultlab.sim.Message;

import java.util.List;

/**
 * The answer to a {@link RecoveryRequest}: the process is in INT_i(interval), its latest checkpoint is
 * CP_i(interval - 1), and these are its dependencies (those saved with its checkpoints and those of its current
 * interval); {@code epoch} is how many recoveries it has seen.
 */
public record Status(int epoch, int interval, List<Dependency> dependencies) implements Message {
    public Status {
        dependencies = List.copyOf(dependencies);
    }

    @Override
    public String type() {
        return "STATUS";
    }
}
