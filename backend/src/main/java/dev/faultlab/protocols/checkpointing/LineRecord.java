package dev.faultlab.protocols.checkpointing;

import java.util.List;

/** A recovery line a process applied, kept in stable storage: messages of earlier epochs from undone intervals are orphans. */
public record LineRecord(int epoch, List<Integer> line) {
    public LineRecord {
        line = List.copyOf(line);
    }

    /** True if a message sent by {@code sender} in INT(interval) before this epoch was undone by this line. */
    boolean undoes(int sender, int interval, int messageEpoch) {
        return messageEpoch < epoch && line.get(sender) != RecoveryLine.KEEP && interval > line.get(sender);
    }
}
