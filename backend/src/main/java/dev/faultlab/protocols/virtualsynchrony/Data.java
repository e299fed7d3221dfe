package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.Message;

import java.util.List;

/**
 * A multicast message: {@code id}, multicast in view {@code view} as its origin's {@code seq}-th message of that
 * view, with the origin's vector timestamp then ({@code vt[k]}: messages of P(k+1) the origin had delivered in the
 * view; its own entry counts this one). A flush copy is the same record, sent on by another member.
 */
public record Data(MessageId id, int view, int seq, List<Integer> vt, String text) implements Message {
    public Data {
        vt = List.copyOf(vt);
    }

    int vtSum() {
        return vt.stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String type() {
        return "MSG";
    }
}
