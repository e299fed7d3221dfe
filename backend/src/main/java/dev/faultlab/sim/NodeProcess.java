package dev.faultlab.sim;

import java.util.Map;

/** A simulated process of either style. */
public sealed interface NodeProcess permits AsyncProcess, RoundProcess {
    /**
     * A small JSON-able picture of the process's state (maps, lists, strings, numbers, booleans, records),
     * which answer keys, monitors and the API read.
     */
    Map<String, Object> view();

    /**
     * How the state reads in the state inspector. By default read off {@link #view()}; a protocol declares
     * its own to show logs, sets and per-process vectors the way the lecture draws them.
     */
    default StateDisplay display() {
        return StateDisplay.fromView(view());
    }

    /**
     * The process's whole state as a value with {@code equals} and {@code hashCode} (records, lists, sets of
     * them), such that two processes with equal fingerprints act alike from here on: the explorer prunes a state
     * it has seen. Null (the default) when the protocol offers none: its runs are explored without pruning.
     */
    default Object fingerprint() {
        return null;
    }
}
