package dev.faultlab.protocols.checkpointing.key;

import dev.faultlab.key.KeyException;
import dev.faultlab.protocols.checkpointing.Crash;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;

/** What the crash questions share: the run's first crash, and what the rollback rule makes of it. */
final class AtTheCrash {
    private AtTheCrash() {
    }

    /** The index of the run's first CRASH event, or -1. */
    static int firstCrash(Trace trace) {
        for (int seq = 0; seq < trace.size(); seq++) {
            if (trace.kind(seq) == EventKind.CRASH) {
                return seq;
            }
        }
        return -1;
    }

    /** The recovery line by the rule for the run's first crash, from the states right at it. */
    static Crash crash(Simulation run, ProtocolRegistry registry) {
        int at = firstCrash(run.trace());
        if (at < 0) {
            throw new KeyException("answer", "no process crashes in the reference run: add a CRASH to the scenario");
        }
        return Crash.of(Simulation.processesAt(run.recipe(), registry, at), run.trace().node(at));
    }

    /** The event at which {@code node} took the checkpoint {@code label} (the latest such, should rollbacks have reused it). */
    static int checkpointEvent(Trace trace, int node, String label) {
        for (int seq = trace.size() - 1; seq >= 0; seq--) {
            if (trace.kind(seq) == EventKind.OUTPUT && trace.node(seq) == node
                    && Output.of(trace.event(seq)) instanceof Output.Checkpoint cp && cp.label().equals(label)) {
                return seq;
            }
        }
        throw new KeyException("answer", "no event of the reference run takes " + label);
    }
}
