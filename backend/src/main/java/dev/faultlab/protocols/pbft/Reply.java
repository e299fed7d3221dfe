package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.Message;

/** A replica's answer to a client's request: the result of executing it, and the view the replica is in. */
public record Reply(int view, int client, int seq, String result, int replica) implements Message {
    @Override
    public String type() {
        return "REPLY";
    }
}
