package dev.faultlab.protocols.pbft.key;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.ChartKey;

import java.util.List;

/** The answer keys PBFT brings to labs. */
public final class PbftKeys {
    private PbftKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new PbftCertificatesKey(), new PbftViewsKey(), new PbftMessagesKey(), new PbftBrokenKey());
    }

    public static List<ChartKey> charts() {
        return List.of(new PbftMessagesChart());
    }
}
