package dev.faultlab.protocols.raft.key;

import dev.faultlab.key.AnswerKey;

import java.util.List;

/** The answer keys Raft brings to labs. */
public final class RaftKeys {
    private RaftKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new RaftElectableKey(), new RaftCommittedKey(), new RaftTwoLeadersKey());
    }
}
