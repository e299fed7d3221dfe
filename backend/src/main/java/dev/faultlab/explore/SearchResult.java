package dev.faultlab.explore;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Recipe;

/**
 * What a search found. A violation comes with the recipe that replays it (the run's faults and its scheduling
 * choices), which opens in the run view like any run.
 *
 * @param outcome        found a violation; exhausted: saw every state there is (within the fault bounds) and none violates;
 *                       bounded: stopped at the depth, state or time bound without a violation; cancelled
 * @param counterexample the recipe of the violating run, or null
 * @param violation      the monitor's violation in that run, or null
 * @param steps          steps of the counterexample (choices and injected faults); shortest for the breadth-first search
 * @param byProbe        whether a random probe found it (then it is not the shortest)
 * @param pruned         whether states were pruned by fingerprint (the protocol offers them)
 * @param progress       the search's figures when it stopped
 */
public record SearchResult(Outcome outcome, Recipe counterexample, Monitor.Violation violation, int steps, boolean byProbe,
                           boolean pruned, SearchProgress progress) {
    public enum Outcome { FOUND, EXHAUSTED, BOUNDED, CANCELLED }
}
