package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.Message;

/** "I am alive": members time each other out on these, as the kernel gives no failure detector. */
public record Heartbeat(int view) implements Message {
    @Override
    public String type() {
        return "HEARTBEAT";
    }
}
