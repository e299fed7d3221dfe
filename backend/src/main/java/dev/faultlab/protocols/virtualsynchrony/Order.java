package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.Message;

/** The view's sequencer puts {@code id} at place {@code index} (from 0) of the view's total order. */
public record Order(int view, int index, MessageId id) implements Message {
    @Override
    public String type() {
        return "ORDER";
    }
}
