package dev.faultlab.key;

import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Simulation;

import java.util.List;

/**
 * The platform's own run of a student's variant, run to its end: every expected answer is read from it. The
 * registry that ran it comes along, so a key can look at the processes at any earlier event of the run (by
 * replay) or run a variant of its recipe.
 */
public record Reference(Simulation run, ProtocolRegistry registry) {
    /** Every process right after event {@code event} of the run; with -1, as the run set them up, before any event. */
    public List<ProcessStatus> processesAt(int event) {
        return Simulation.processesAt(run.recipe(), registry, event);
    }
}
