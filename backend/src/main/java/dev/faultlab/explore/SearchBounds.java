package dev.faultlab.explore;

/**
 * How far one search may go: steps from the start (each scheduling choice or injected fault is one step), faults
 * of each kind it may inject, states it may look at, and time; the server caps each (see {@link #capped}).
 *
 * @param maxDepth      steps from the start (choices and injected faults)
 * @param maxCrashes    crashes the search may inject, each at any step between two handlers
 * @param maxDrops      in-flight messages the search may lose
 * @param maxStates     states the search may look at in all
 * @param maxMillis     wall-clock time the search may take
 * @param probes        random depth-first probes after the breadth-first search, each up to {@code probeDepth} steps
 * @param probeDepth    steps of one random probe
 * @param seed          the probes' randomness
 * @param maxDuplicates in-flight messages the search may deliver twice (a second copy, due when the first is)
 * @param reduction     whether the breadth-first search skips orders of independent deliveries that lead to states it
 *                      reaches anyway (partial-order reduction, see {@link SleepSets}); off only to compare
 */
public record SearchBounds(int maxDepth, int maxCrashes, int maxDrops, long maxStates, long maxMillis, int probes,
                           int probeDepth, long seed, int maxDuplicates, boolean reduction) {
    /** The most any search may ask for on this server. */
    public static final SearchBounds SERVER_CAPS = new SearchBounds(200, 3, 5, 5_000_000, 600_000, 100_000, 2_000, 0, 5, true);

    public SearchBounds {
        atLeast("maxDepth", maxDepth, 1);
        atLeast("maxCrashes", maxCrashes, 0);
        atLeast("maxDrops", maxDrops, 0);
        atLeast("maxStates", maxStates, 1);
        atLeast("maxMillis", maxMillis, 1);
        atLeast("probes", probes, 0);
        atLeast("probeDepth", probeDepth, 1);
        atLeast("maxDuplicates", maxDuplicates, 0);
    }

    /** Bounds without duplicated messages, with partial-order reduction. */
    public SearchBounds(int maxDepth, int maxCrashes, int maxDrops, long maxStates, long maxMillis, int probes,
                        int probeDepth, long seed) {
        this(maxDepth, maxCrashes, maxDrops, maxStates, maxMillis, probes, probeDepth, seed, 0, true);
    }

    /** Each bound no larger than the server's cap for it; the reduction as asked (it never changes what is found). */
    public SearchBounds capped(SearchBounds caps) {
        return new SearchBounds(Math.min(maxDepth, caps.maxDepth), Math.min(maxCrashes, caps.maxCrashes),
                Math.min(maxDrops, caps.maxDrops), Math.min(maxStates, caps.maxStates), Math.min(maxMillis, caps.maxMillis),
                Math.min(probes, caps.probes), Math.min(probeDepth, caps.probeDepth), seed,
                Math.min(maxDuplicates, caps.maxDuplicates), reduction);
    }

    /** The same bounds with the reduction on or off. */
    public SearchBounds withReduction(boolean on) {
        return new SearchBounds(maxDepth, maxCrashes, maxDrops, maxStates, maxMillis, probes, probeDepth, seed, maxDuplicates, on);
    }

    private static void atLeast(String name, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ", got " + value);
        }
    }
}
