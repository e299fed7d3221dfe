package dev.faultlab.protocols.twoarmy.key;

import dev.faultlab.key.AnswerKey;

import java.util.List;

/** The answer keys the two-army problem brings to labs. */
public final class TwoArmyKeys {
    private TwoArmyKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new DisagreeKey(), new OutcomeKey(), new OneMoreKey(), new ProofKey());
    }
}
