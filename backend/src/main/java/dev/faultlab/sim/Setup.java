package dev.faultlab.sim;

import java.util.function.IntFunction;

/**
 * The shape of one run of a protocol.
 *
 * @param nodes   number of processes
 * @param rounds  number of synchronous rounds, or 0 for an asynchronous protocol
 * @param factory makes process {@code i}; called again on recovery, so it must not share state between calls
 */
public record Setup(int nodes, int rounds, IntFunction<? extends NodeProcess> factory) {

    public static Setup async(int nodes, IntFunction<? extends AsyncProcess> factory) {
        return new Setup(nodes, 0, factory);
    }

    public static Setup rounds(int nodes, int rounds, IntFunction<? extends RoundProcess> factory) {
        return new Setup(nodes, rounds, factory);
    }

    public boolean roundBased() {
        return rounds > 0;
    }
}
