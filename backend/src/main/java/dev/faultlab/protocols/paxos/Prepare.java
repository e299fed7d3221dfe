package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Message;

/**
 * Phase 1a: a proposer asks the acceptors to promise to ignore proposals numbered below {@code ballot}, and to report
 * what they accepted in slots from {@code fromSlot} on (the earlier ones it knows are chosen).
 */
public record Prepare(int ballot, int fromSlot) implements Message {
    @Override
    public String type() {
        return "PREPARE";
    }
}
