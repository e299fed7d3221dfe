package dev.faultlab.check;

import dev.faultlab.sim.Simulation;

/**
 * Termination: every correct process decides (by virtual time {@code deadline}, when one is given). Judged by
 * {@link TerminationMonitor}; a run not ended yet is judged as it stands.
 */
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
        TerminationMonitor monitor = Monitors.overTrace(run,
                new TerminationMonitor(run.protocol().failureModel(), run.nodeCount(), deadline));
        if (!run.ended() && run.trace().size() > 0) {
            monitor.judgeAt(run.trace().size() - 1);
        }
        return Verdict.of(monitor);
    }
}
