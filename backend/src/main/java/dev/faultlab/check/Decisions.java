package dev.faultlab.check;

import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;

import java.util.Map;

/** The first DECIDE event of each process correct at the end of the run, read from the trace by the agreement monitor. */
record Decisions(Map<Integer, Integer> eventOf, Map<Integer, Object> valueOf) {

    static Decisions ofCorrectProcesses(Simulation run) {
        AgreementMonitor monitor = new AgreementMonitor(run.protocol().failureModel());
        Trace trace = run.trace();
        for (int seq = 0; seq < trace.size(); seq++) {
            monitor.onEvent(trace.event(seq));
        }
        return monitor.decisions(run.faultyNodes());
    }
}
