package dev.faultlab.protocols.cap;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.List;

/**
 * Linearizability of the single register, checked read by read: a read returns the value of the latest write that
 * completed before it began, or of a write concurrent with it (one not yet answered, or refused: it may still have
 * taken effect), or the initial 0 if no write completed before it. A read that returns an overwritten value is a
 * stale read, named with the write it missed.
 */
public final class Linearizable implements Monitor {
    public static final String NAME = "linearizable register";
    static final int INITIAL = 0;

    private final RegisterHistory history = new RegisterHistory();
    private Violation violation;
    private int reads;

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        RegisterHistory.Op answered = history.onEvent(event);
        if (answered != null && !answered.command.write() && answered.result instanceof Integer value && violation == null) {
            reads++;
            violation = judge(answered, value);
        }
    }

    private Violation judge(RegisterHistory.Op read, int value) {
        RegisterHistory.Op latest = null;
        for (RegisterHistory.Op op : history.ops()) {
            if (op.completedWrite() && op.responded < read.invoked && (latest == null || op.responded > latest.responded)) {
                latest = op;
            }
        }
        if ((latest == null && value == INITIAL) || mayReturn(read, value)) {
            return null;
        }
        String what = "P" + (read.node + 1) + " answered " + read.describe() + " with " + value;
        if (latest == null) {
            return new Violation(NAME, read.responded, what + ", a value no write had written", List.of(read.invoked, read.responded));
        }
        return new Violation(NAME, read.responded, "stale read: " + what + ", but " + latest.describe() + " had completed at #"
                + latest.responded + ", before the read began", List.of(read.invoked, read.responded, latest.responded));
    }

    /** Whether some write of {@code value} may be linearized right before the read. */
    private boolean mayReturn(RegisterHistory.Op read, int value) {
        for (RegisterHistory.Op write : history.ops()) {
            if (write.command.write() && write.command.value() == value && write.invoked < read.responded && !overwritten(write, read)) {
                return true;
            }
        }
        return false;
    }

    /** A write answered ok is overwritten for the read once another completed write began after it and ended before the read. */
    private boolean overwritten(RegisterHistory.Op write, RegisterHistory.Op read) {
        if (!write.completedWrite()) {
            return false;
        }
        for (RegisterHistory.Op later : history.ops()) {
            if (later.completedWrite() && later.invoked > write.responded && later.responded < read.invoked) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return reads == 0 ? "no read was answered yet" : "each of the " + reads + " reads answered returned the latest write or a concurrent one";
    }
}
