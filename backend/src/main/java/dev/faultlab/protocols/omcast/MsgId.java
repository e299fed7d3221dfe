package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.ProcessLabel;

/**
 * A multicast message's identity: its origin and the origin's own sequence number (1 for its first multicast), so
 * "P2.1" is P2's first multicast. {@code name} is what the application multicast (m1, m2, ... from the workload, or
 * a REQUEST's command): what students read.
 */
public record MsgId(int origin, int seq, String name) {
    @Override
    public String toString() {
        return name + " (" + ProcessLabel.of(origin) + "." + seq + ")";
    }
}
