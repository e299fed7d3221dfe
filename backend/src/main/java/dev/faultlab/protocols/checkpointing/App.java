package dev.faultlab.protocols.checkpointing;

import dev.faultlab.sim.Message;

/**
 * An application message: {@code id} names it (m5 is the workload's step 5), {@code tag} is the lecture's pair
 * (i, m) of its sender's number and interval, {@code epoch} how many recoveries its sender had seen (so a message
 * still on its way from an interval a recovery undid can be recognised), {@code amount} what it adds to the
 * receiver's value.
 */
public record App(String id, String tag, int interval, int epoch, int amount) implements Message {
    @Override
    public String type() {
        return "APP";
    }
}
