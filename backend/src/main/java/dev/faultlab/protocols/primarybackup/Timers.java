package dev.faultlab.protocols.primarybackup;

import dev.faultlab.sim.Context;

/** Timers that never outlive the run's {@code runFor}, so a run without faults ends. */
final class Timers {
    static final String HEARTBEAT = "heartbeat";
    static final String WATCH = "watch-primary";
    static final String ACKS = "acks";
    static final String RETRY = "retry";
    static final String NEXT = "next-request";

    private Timers() {
    }

    static void set(Context ctx, PbConfig config, String name, long delay) {
        if (ctx.now() + delay <= config.runFor()) {
            ctx.setTimer(name, delay);
        } else {
            ctx.cancelTimer(name);
        }
    }
}
