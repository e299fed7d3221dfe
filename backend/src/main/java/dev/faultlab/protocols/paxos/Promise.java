package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Message;

import java.util.List;

/** Phase 1b: the acceptor promises {@code ballot} and reports the proposals it accepted, with their numbers. */
public record Promise(int ballot, List<Vote> accepted) implements Message {
    public Promise {
        accepted = List.copyOf(accepted);
    }

    @Override
    public String type() {
        return "PROMISE";
    }
}
