package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.Message;
import dev.faultlab.sim.Signed;

/**
 * PRE-PREPARE(t, v, o): the primary of view {@code view} gives operation {@code op} the timestamp {@code t}. It
 * carries the client's signed request, so a backup can check that a client asked for o; "none" carries none.
 */
public record PrePrepare(int view, int t, Operation op, Signed<ClientRequest> request) implements Message {
    static PrePrepare none(int view, int t) {
        return new PrePrepare(view, t, Operation.NONE, null);
    }

    /** The operation is "none", or the client it names signed a request for exactly it. */
    boolean authentic() {
        return op.none() ? request == null : request != null && request.verify(op.client()) && request.payload.op().equals(op);
    }

    @Override
    public String type() {
        return "PRE-PREPARE";
    }
}
