package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.Message;

import java.util.List;

/** VIEW-CHANGE(v + 1, P): {@code replica} gives up on the current primary and hands over its prepare certificates. */
public record ViewChange(int view, int replica, List<PrepareCertificate> certificates) implements Message {
    public ViewChange {
        certificates = List.copyOf(certificates);
    }

    @Override
    public String type() {
        return "VIEW-CHANGE";
    }
}
