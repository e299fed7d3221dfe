package dev.faultlab.protocols.primarybackup.key;

import dev.faultlab.key.AnswerKey;

import java.util.List;

/** The answer keys primary-backup brings to labs. */
public final class PbKeys {
    private PbKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new SurvivorsKey(), new SafeTimeoutKey(), new AcknowledgedLostKey());
    }
}
