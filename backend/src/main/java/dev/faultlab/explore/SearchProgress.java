package dev.faultlab.explore;

/**
 * Where a search stands: states looked at (each one a replayed run), distinct states among them (by fingerprint;
 * equal to explored when the protocol offers no fingerprints), the depth reached, and the time taken.
 */
public record SearchProgress(long explored, long distinct, int depth, long elapsedMillis) {
    /** States looked at per second so far. */
    public double rate() {
        return elapsedMillis == 0 ? 0 : explored * 1000.0 / elapsedMillis;
    }
}
