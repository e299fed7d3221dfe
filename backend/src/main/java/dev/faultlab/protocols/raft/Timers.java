package dev.faultlab.protocols.raft;

import dev.faultlab.sim.Context;

/** Timers that never fire after the run's {@code runFor}: Raft's heartbeats would otherwise go on for ever. */
final class Timers {
    static final String ELECTION = "election";
    static final String HEARTBEAT = "heartbeat";
    static final String RETRY = "retry";

    private Timers() {
    }

    static void set(Context ctx, RaftConfig config, String name, long delay) {
        if (ctx.now() + delay <= config.runFor()) {
            ctx.setTimer(name, delay);
        } else {
            ctx.cancelTimer(name);
        }
    }

    static void election(Context ctx, RaftConfig config) {
        int spread = config.electionMax() - config.electionMin();
        set(ctx, config, ELECTION, config.electionMin() + (spread == 0 ? 0 : ctx.random().nextInt(spread + 1)));
    }
}
