package dev.faultlab.protocols.flooding.key;

import dev.faultlab.key.AnswerKey;

import java.util.List;

/** The answer keys flooding consensus brings to labs. */
public final class FloodingKeys {
    private FloodingKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new FloodingKnownKey(), new FloodingDecisionsKey());
    }
}
