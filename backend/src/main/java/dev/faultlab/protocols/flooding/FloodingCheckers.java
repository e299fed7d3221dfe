package dev.faultlab.protocols.flooding;

import dev.faultlab.check.Monitors;
import dev.faultlab.check.Verdict;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.List;

/** The properties flooding consensus promises with at most f crashes and f+1 rounds. */
public final class FloodingCheckers {
    private FloodingCheckers() {
    }

    /**
     * Agreement, validity (decisions are inputs) and termination by the end of the last round, for a run stepped
     * to its end: the protocol's own monitors, which read the trace alone, fed its events.
     */
    public static List<Verdict> verdicts(Simulation run) {
        Recipe recipe = run.recipe();
        FloodingConsensus protocol = new FloodingConsensus();
        Params params = Params.check(protocol.parameters(), recipe.params(), recipe.seed());
        return protocol.monitors(params, recipe.network()).stream().map(monitor -> Verdict.of(Monitors.overTrace(run, monitor))).toList();
    }
}
