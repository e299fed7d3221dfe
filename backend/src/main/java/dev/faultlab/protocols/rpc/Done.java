package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Message;

/**
 * The completion message M for call {@code seq}: the acknowledgement the client's strategy looks at.
 * {@code fromTable} is true when the server recognised a duplicate by its sequence number and answered from its
 * table instead of carrying the call out again.
 */
public record Done(int seq, int attempt, int epoch, String result, boolean fromTable) implements Message {
    @Override
    public String type() {
        return "COMPLETION";
    }
}
