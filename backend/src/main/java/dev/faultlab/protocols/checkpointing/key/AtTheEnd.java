package dev.faultlab.protocols.checkpointing.key;

import dev.faultlab.key.Args;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.checkpointing.Crash;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Trace;

import java.util.Map;

/** What the two crash questions share: "if process {@code crashed} crashed at the end of the reference run". */
final class AtTheEnd {
    private AtTheEnd() {
    }

    static void check(Map<String, Object> args, String field) {
        int crashed = Args.integer(args, "crashed", field);
        if (crashed < 0 || crashed > 7) {
            throw new KeyException(field + ".crashed", "must be a process id from 0 (P1) to 7, got " + crashed);
        }
    }

    static Crash crash(Reference reference, Map<String, Object> args) {
        int crashed = Args.integer(args, "crashed", "answer");
        int last = reference.run().trace().size() - 1;
        var processes = reference.processesAt(last);
        if (crashed >= processes.size()) {
            throw new KeyException("answer.crashed", "the run has " + processes.size() + " processes, there is no P" + (crashed + 1));
        }
        return Crash.of(processes, crashed);
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
