package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Context;

/** Timers that never fire after the run's {@code runFor}, so heartbeats and retransmissions end and so does the run. */
final class Timers {
    static final String ALIVE = "alive";
    static final String SUSPECT = "suspect";
    static final String RETRY = "retry";
    static final String START = "start";

    private Timers() {
    }

    static void set(Context ctx, int runFor, String name, long delay) {
        if (ctx.now() + delay <= runFor) {
            ctx.setTimer(name, delay);
        } else {
            ctx.cancelTimer(name);
        }
    }
}
