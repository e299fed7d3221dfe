package dev.faultlab.check;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** The first DECIDE event of each process that never failed, read from the trace. */
record Decisions(Map<Integer, Integer> eventOf, Map<Integer, Object> valueOf) {

    static Decisions ofCorrectProcesses(Simulation run) {
        Map<Integer, Integer> eventOf = new LinkedHashMap<>();
        Map<Integer, Object> valueOf = new LinkedHashMap<>();
        Trace trace = run.trace();
        BitSet faulty = run.faultyNodes();
        for (int seq = 0; seq < trace.size(); seq++) {
            int node = trace.node(seq);
            if (trace.kind(seq) == EventKind.DECIDE && !faulty.get(node) && !eventOf.containsKey(node)) {
                eventOf.put(node, seq);
                valueOf.put(node, trace.event(seq).payload());
            }
        }
        return new Decisions(eventOf, valueOf);
    }
}
