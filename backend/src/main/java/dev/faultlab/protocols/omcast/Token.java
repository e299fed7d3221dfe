package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Message;

import java.util.List;

/**
 * The token that moves around: among the sequencers (moving sequencer: it carries the next global number and the
 * messages already numbered) or among the members (privilege: only {@code sequenced} is empty, the holder numbers
 * its own multicasts). {@code hop} counts the passes: a copy the network duplicated arrives with a hop already seen
 * and is ignored, so there is only ever one token.
 */
public record Token(long hop, long next, List<MsgId> sequenced) implements Message {
    public Token {
        sequenced = List.copyOf(sequenced);
    }

    @Override
    public String type() {
        return "TOKEN";
    }
}
