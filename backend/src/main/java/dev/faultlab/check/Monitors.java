package dev.faultlab.check;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.States;
import dev.faultlab.sim.Trace;

/** Runs a monitor that reads the trace alone over a run already stepped, for the verdict on it. */
public final class Monitors {
    private Monitors() {
    }

    public static <M extends Monitor> M overTrace(Simulation run, M monitor) {
        Trace trace = run.trace();
        for (int seq = 0; seq < trace.size(); seq++) {
            monitor.onEvent(trace.event(seq), States.NONE);
        }
        return monitor;
    }
}
