package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Message;

/** Extermination: a rebooted client, reading its log, asks the server to kill what runs for call {@code seq}. */
public record Kill(int seq) implements Message {
    @Override
    public String type() {
        return "KILL";
    }
}
