package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Message;

/** Reincarnation: a rebooted client declares epoch {@code epoch} to every machine. */
public record NewEpoch(int epoch) implements Message {
    @Override
    public String type() {
        return "NEW_EPOCH";
    }
}
