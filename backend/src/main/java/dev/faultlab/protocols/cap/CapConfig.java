package dev.faultlab.protocols.cap;

/**
 * A run's settings: {@code n} replicas, the mode, how long a coordinator waits for a majority (consistency mode),
 * and how often, and until when, a replica passes its value on (availability mode; 0: only right after a write).
 */
public record CapConfig(int n, Mode mode, int timeout, int gossip, int runFor) {
    public int majority() {
        return n / 2 + 1;
    }
}
