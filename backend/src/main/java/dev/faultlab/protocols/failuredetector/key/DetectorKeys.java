package dev.faultlab.protocols.failuredetector.key;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.ChartKey;

import java.util.List;

/** The answer keys the failure detector brings to labs. */
public final class DetectorKeys {
    private DetectorKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new FalseSuspicionsKey(), new TimeoutKey(), new FirstSuspicionKey());
    }

    public static List<ChartKey> charts() {
        return List.of(new MistakesChart());
    }
}
