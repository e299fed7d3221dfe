package dev.faultlab.protocols.flp;

import dev.faultlab.sim.Message;

/**
 * Phase 2 of a round: the value a majority of all processes reported to the sender, or null ("?") when the reports
 * it waited for showed no such majority.
 */
public record Propose(int round, Integer value) implements Message {
    @Override
    public String type() {
        return "PROPOSE";
    }
}
