package dev.faultlab.chart;

import dev.faultlab.sim.Protocol;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.TraceEvent;

import java.util.List;

/**
 * A protocol that draws charts of a run in the run view (the failure detector's timeouts and suspicions over
 * time). The charts are computed on the server from the run's events up to the position the viewer is at, so
 * scrubbing back shows them as they stood then. A protocol that does not implement this declares none.
 */
public interface RunCharts {
    /** The charts of a run of {@code recipe} after {@code events}, the run's first events in trace order. */
    List<Chart> runCharts(Recipe recipe, List<TraceEvent> events);

    /** Whether {@code protocol} declares run charts. */
    static boolean declared(Protocol protocol) {
        return protocol instanceof RunCharts;
    }

    /** The charts {@code protocol} draws of the run so far; none when it declares none. */
    static List<Chart> of(Protocol protocol, Recipe recipe, List<TraceEvent> events) {
        return protocol instanceof RunCharts charts ? charts.runCharts(recipe, events) : List.of();
    }
}
