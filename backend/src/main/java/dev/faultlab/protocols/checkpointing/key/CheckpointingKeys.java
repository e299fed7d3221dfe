package dev.faultlab.protocols.checkpointing.key;

import dev.faultlab.key.AnswerKey;

import java.util.List;

/** The answer keys checkpointing brings to labs. */
public final class CheckpointingKeys {
    private CheckpointingKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new RecoveryLineKey(), new RollbacksKey(), new DominoKey());
    }
}
