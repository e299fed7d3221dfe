package dev.faultlab.sim;

import java.util.Map;

/** A simulated process of either style. Its state view is shown in the state inspector. */
public sealed interface NodeProcess permits AsyncProcess, RoundProcess {
    /** A small JSON-able picture of the process's state: maps, lists, strings, numbers, booleans, records. */
    Map<String, Object> view();
}
