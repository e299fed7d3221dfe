package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Trace;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;

/** What each server has executed, in order, read from a trace: its Commit outputs since it last (re)started. */
public final class Executions {
    private Executions() {
    }

    /**
     * For each of the processes 0 to {@code servers} - 1, the operations it executed in its current life after every
     * event at or before {@code time}, or null while it is down then.
     */
    public static List<List<Op>> at(Trace trace, int servers, long time) {
        List<List<Op>> executed = new ArrayList<>();
        for (int server = 0; server < servers; server++) {
            executed.add(new ArrayList<>());
        }
        for (int i = 0; i < trace.size() && trace.time(i) <= time; i++) {
            TraceEvent event = trace.event(i);
            int node = event.node();
            if (node < 0 || node >= servers) {
                continue;
            }
            if (event.kind() == EventKind.CRASH) {
                executed.set(node, null);
            } else if (event.kind() == EventKind.RECOVER) {
                executed.set(node, new ArrayList<>());
            } else if (Output.of(event) instanceof Output.Commit commit && commit.entry() instanceof Op op && executed.get(node) != null) {
                executed.get(node).add(op);
            }
        }
        return executed;
    }
}
