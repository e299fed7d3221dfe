package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.Message;

import java.util.List;

/**
 * The sender has sent on its unstable messages of the closing view and multicasts nothing more in it. In the
 * atomic variants it carries the view's total order as far as the sender knew it, so all agree on it.
 */
public record Flush(int view, int attempt, List<MessageId> order) implements Message {
    public Flush {
        order = List.copyOf(order);
    }

    @Override
    public String type() {
        return "FLUSH";
    }
}
