package dev.faultlab.check;

import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;

/** Termination: every correct process decides (by virtual time {@code deadline}, when one is given). */
public final class Termination {
    public static final String NAME = "termination";

    private Termination() {
    }

    public static Verdict check(Simulation run) {
        return check(run, Long.MAX_VALUE);
    }

    /** Every correct process decides by the end of round {@code round} of a round protocol. */
    public static Verdict byRound(Simulation run, int round) {
        return check(run, round * Simulation.ROUND_TICKS);
    }

    public static Verdict check(Simulation run, long deadline) {
        Decisions decisions = Decisions.ofCorrectProcesses(run);
        List<Integer> undecided = new ArrayList<>();
        List<Integer> late = new ArrayList<>();
        for (int node = 0; node < run.nodeCount(); node++) {
            if (run.faultyNodes().get(node)) {
                continue;
            }
            Integer event = decisions.eventOf().get(node);
            if (event == null) {
                undecided.add(node);
            } else if (run.trace().time(event) > deadline) {
                late.add(event);
            }
        }
        if (!undecided.isEmpty()) {
            return Verdict.violated(NAME, "correct processes " + ProcessLabel.of(undecided)
                    + " never decided", List.of(run.trace().size() - 1));
        }
        if (!late.isEmpty()) {
            return Verdict.violated(NAME, "some correct processes decided after time " + deadline, late);
        }
        return Verdict.holds(NAME, "every correct process decided");
    }
}
