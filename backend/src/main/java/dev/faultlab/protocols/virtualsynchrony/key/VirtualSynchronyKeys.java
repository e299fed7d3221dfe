package dev.faultlab.protocols.virtualsynchrony.key;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.ChartKey;

import java.util.List;

/** The answer keys virtual synchrony brings to labs. */
public final class VirtualSynchronyKeys {
    private VirtualSynchronyKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new ExecutionKey(), new DeliveryViewsKey(), new BreakViewSynchronyKey());
    }

    public static List<ChartKey> charts() {
        return List.of(new ExecutionDiagram());
    }
}
