package dev.faultlab.protocols.flooding;

import dev.faultlab.check.Agreement;
import dev.faultlab.check.Termination;
import dev.faultlab.check.Validity;
import dev.faultlab.check.Verdict;
import dev.faultlab.sim.Simulation;

import java.util.List;

/** The properties flooding consensus promises with at most f crashes and f+1 rounds. */
public final class FloodingCheckers {
    private FloodingCheckers() {
    }

    /** Agreement, validity (decisions are inputs) and termination by the end of the last round. */
    public static List<Verdict> verdicts(Simulation run) {
        return List.of(
                Agreement.check(run),
                Validity.check(run, FloodingConsensus.inputs(run.recipe())),
                Termination.byRound(run, FloodingConsensus.rounds(run.recipe())));
    }
}
