package dev.faultlab.protocols.twophase.key;

import dev.faultlab.key.AnswerKey;

import java.util.List;

/** The answer keys 2PC brings to labs. */
public final class TwoPhaseKeys {
    private TwoPhaseKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new TwoPhaseRecoveryKey(), new TwoPhaseBlocksKey());
    }
}
