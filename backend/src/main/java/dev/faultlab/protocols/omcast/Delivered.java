package dev.faultlab.protocols.omcast;

import java.util.List;

/**
 * What a member hands its application (the message of an {@code Output.Deliver}): the multicast, and the timestamp
 * the ordering delivered it by, as the lecture writes it: the member's vector clock after the delivery (causal), the
 * global number (sequencers, privilege, ISIS), the Lamport timestamp. {@code diagramLabel} is that text: the
 * space-time diagram writes it beside the delivery. {@code clock}: the member's vector clock right after the
 * delivery, for orderings that keep one (null for the others).
 */
public record Delivered(MsgId id, String diagramLabel, List<Integer> clock) {
    public Delivered {
        clock = clock == null ? null : List.copyOf(clock);
    }
}
