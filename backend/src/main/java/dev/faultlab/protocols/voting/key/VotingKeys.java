package dev.faultlab.protocols.voting.key;

import dev.faultlab.key.AnswerKey;

import java.util.List;

/** The answer keys voting groups bring to labs. */
public final class VotingKeys {
    private VotingKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new GroupSizeKey(), new VoterOutputKey(), new DefeatedKey());
    }
}
