package dev.faultlab.protocols.cap.key;

import dev.faultlab.key.AnswerKey;

import java.util.List;

/** The answer keys the CAP register brings to labs. */
public final class CapKeys {
    private CapKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new ReplyKey(), new GivenUpKey(), new StaleReadKey());
    }
}
