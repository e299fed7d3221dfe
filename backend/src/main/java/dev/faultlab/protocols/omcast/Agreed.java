package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Message;

/** ISIS: the origin announces the agreed number of {@code id}: the largest proposal, ties broken by the proposer's id. */
public record Agreed(MsgId id, long seq, int proposer) implements Message, Carrying {
    @Override
    public String type() {
        return "AGREE";
    }
}
