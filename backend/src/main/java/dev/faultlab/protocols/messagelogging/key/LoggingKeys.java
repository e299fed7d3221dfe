package dev.faultlab.protocols.messagelogging.key;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.messagelogging.LoggingReading;

import java.util.List;

/** The answer keys message logging brings to labs. */
public final class LoggingKeys {
    private LoggingKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new OrphansKey(), new ReplayedKey(), new PessimisticKey(), new RollbackReasonKey());
    }

    /** The reference run as the keys read it, read once per reference. */
    static LoggingReading reading(Reference reference) {
        return reference.reading(LoggingReading.class, r -> LoggingReading.of(r.run().recipe(), r.registry()));
    }
}
