package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.sim.Message;

import java.util.List;

/**
 * Message {@code seq} of sender {@code origin}, in whichever transmission {@code copy} says, with the sender's
 * piggybacked acknowledgements (empty except in the piggyback variant).
 */
public record Data(int origin, int seq, Copy copy, List<Feedback> piggyback) implements Message {
    public Data {
        piggyback = List.copyOf(piggyback);
    }

    Data as(Copy other) {
        return new Data(origin, seq, other, List.of());
    }

    @Override
    public String type() {
        return "DATA";
    }
}
