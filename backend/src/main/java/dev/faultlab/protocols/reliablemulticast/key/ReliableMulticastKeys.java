package dev.faultlab.protocols.reliablemulticast.key;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.ChartKey;

import java.util.List;

/** The answer keys reliable multicast brings to labs. */
public final class ReliableMulticastKeys {
    private ReliableMulticastKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new RetransmissionsKey(), new FeedbackKey(), new AllOrNothingBrokenKey());
    }

    public static List<ChartKey> charts() {
        return List.of(new FeedbackChart());
    }
}
