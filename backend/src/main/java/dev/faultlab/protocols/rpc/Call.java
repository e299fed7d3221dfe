package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Message;

/**
 * A request: call {@code seq} of the client (its sequence number), sent for the {@code attempt}-th time, in the
 * client's {@code epoch}. {@code retransmission} is the header bit that tells a reissue from the first request;
 * {@code lease} is the time the computation may run without an extension (0: no lease).
 */
public record Call(int seq, int attempt, int epoch, String operation, int amount, boolean retransmission, int lease)
        implements Message {
    @Override
    public String type() {
        return "REQUEST";
    }
}
