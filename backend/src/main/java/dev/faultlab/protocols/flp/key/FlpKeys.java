package dev.faultlab.protocols.flp.key;

import dev.faultlab.key.AnswerKey;

import java.util.List;

/** The answer keys the FLP protocol brings to labs. */
public final class FlpKeys {
    private FlpKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new UndecidedKey(), new BivalentInputsKey(), new ChainKey(), new StatementsKey());
    }
}
