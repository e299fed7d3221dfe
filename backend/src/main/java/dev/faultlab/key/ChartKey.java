package dev.faultlab.key;

import dev.faultlab.chart.Chart;

import java.util.Map;

/**
 * A named way of drawing a figure from the protocol's own runs, as a lab writes it under {@code figures}:
 * {@code chart: {key: pbft.messages, k: [1, 2, 3]}}. The key makes the runs it plots, so a figure is measured
 * by the platform like every expected answer, never typed in.
 */
public interface ChartKey {
    /** Its name, the protocol whose runs it draws, and the arguments it takes besides {@code key}. */
    AnswerKey.Spec spec();

    default String name() {
        return spec().name();
    }

    /** Checks the arguments before any run, throwing {@link KeyException} naming the bad one; {@code field} is their place in lab.yaml. */
    default void check(Map<String, Object> args, String field) {
    }

    /** Runs what the figure needs and returns it; throws {@link KeyException} for arguments it cannot draw. */
    Chart chart(Map<String, Object> args);
}
