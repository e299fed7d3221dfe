package dev.faultlab.protocols.byzantine;

import dev.faultlab.sim.Message;

import java.util.List;

/**
 * One oral message: the sender states {@code value}, attributing it to the chain {@code path}
 * (nearest speaker first). In round 1 the path is empty: the sender states its own value. In round
 * r+1 a sender relays "P1 says x" as path [1]; the receiver adds the sender in front, because a
 * receiver always knows who is talking to it, so the sender's own name is never part of a message.
 */
public record OralMessage(List<Integer> path, String value) implements Message {

    public OralMessage {
        path = List.copyOf(path);
    }

    public OralMessage withValue(String lie) {
        return new OralMessage(path, lie);
    }
}
