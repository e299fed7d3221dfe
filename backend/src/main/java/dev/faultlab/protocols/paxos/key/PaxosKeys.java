package dev.faultlab.protocols.paxos.key;

import dev.faultlab.key.AnswerKey;

import java.util.List;

/** The answer keys the slides' Paxos brings to labs. */
public final class PaxosKeys {
    private PaxosKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new PaxosOrderKey(), new PaxosChosenKey(), new PaxosCompetingKey());
    }
}
