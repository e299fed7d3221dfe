package dev.faultlab.protocols.raft;

import dev.faultlab.sim.Context;

/**
 * What a server or client produces for the outside world: entries committed and applied at their index,
 * and a request answered. The kernel has no typed outputs yet, so they are NOTE events in the trace; this
 * is the one place to switch to typed outputs.
 */
final class Outputs {
    private Outputs() {
    }

    static void applied(Context ctx, RaftLog log, int from, int to) {
        Entry last = log.entry(to);
        ctx.note(from == to ? "commits and applies #" + to + " " + last.op() + " (term " + last.term() + ")"
                : "commits and applies #" + from + " to #" + to + " (last: " + last.op() + ", term " + last.term() + ")");
    }

    static void answered(Context ctx, int seq, String op, int index) {
        ctx.note("request " + seq + " (" + op + ") is committed at #" + index);
    }
}
