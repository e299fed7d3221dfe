package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Message;

/**
 * The explicit takeover: the sender leads {@code regime} from now on. It has executed up to {@code executed};
 * each server answers with what it holds after that, so the new leader can flush outstanding operations.
 */
public record Takeover(int regime, int executed) implements Message {
    @Override
    public String type() {
        return "TAKEOVER";
    }
}
