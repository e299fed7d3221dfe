package dev.faultlab.sim;

import java.util.List;

/**
 * Makes the monitors that follow one run, fresh for each run: a run that replays itself (a fault injected
 * between two events already written) starts them again on the replay.
 */
@FunctionalInterface
public interface MonitorSource {
    List<Monitor> monitorsFor(Protocol protocol, Params params, Recipe recipe);

    /** The monitors the protocol declares for its properties. */
    MonitorSource PROTOCOL = (protocol, params, recipe) -> protocol.monitors(params, recipe.network());
}
