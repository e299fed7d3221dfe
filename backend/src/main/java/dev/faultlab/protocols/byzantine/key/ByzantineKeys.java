package dev.faultlab.protocols.byzantine.key;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.ChartKey;

import java.util.List;

/** The answer keys Byzantine agreement brings to labs. */
public final class ByzantineKeys {
    private ByzantineKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new ByzantineReceivedKey(), new ByzantineVectorKey(), new ByzantineAgreementKey());
    }

    public static List<ChartKey> charts() {
        return List.of(new ByzantineMessagesChart());
    }
}
