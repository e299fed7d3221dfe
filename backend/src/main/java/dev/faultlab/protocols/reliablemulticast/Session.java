package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.sim.Message;

/**
 * The sender's periodic announcement of its last message number, sent once it has nothing new to send: without
 * it a receiver that lost the last message sees no gap, so a NACK scheme could never repair that loss.
 */
public record Session(int origin, int highest) implements Message {
    @Override
    public String type() {
        return "SESSION";
    }
}
