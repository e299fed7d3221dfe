package dev.faultlab.search;

import dev.faultlab.explore.SearchBounds;

/**
 * The bounds a browser asks for, any of them left out: a missing one takes its default, one above the server's cap
 * is lowered to the cap, and one below its least value is refused naming the field.
 */
public record RequestedBounds(Integer maxDepth, Integer maxCrashes, Integer maxDrops, Long maxStates, Long maxMillis,
                              Integer probes, Integer probeDepth, Long seed, Integer maxDuplicates) {
    /**
     * A search a student can start without thinking: deep enough for the teaching bugs in main (flooding with too
     * few rounds breaks within about 15 steps), at most a minute and 200,000 states.
     */
    public static final SearchBounds DEFAULTS = new SearchBounds(40, 1, 0, 200_000, 60_000, 200, 100, 1, 0, true);

    public static RequestedBounds none() {
        return new RequestedBounds(null, null, null, null, null, null, null, null, null);
    }

    public SearchBounds resolve(SearchBounds caps) {
        SearchBounds d = DEFAULTS;
        return new SearchBounds(
                (int) pick("maxDepth", maxDepth, d.maxDepth(), 1, caps.maxDepth()),
                (int) pick("maxCrashes", maxCrashes, d.maxCrashes(), 0, caps.maxCrashes()),
                (int) pick("maxDrops", maxDrops, d.maxDrops(), 0, caps.maxDrops()),
                pick("maxStates", maxStates, d.maxStates(), 1, caps.maxStates()),
                pick("maxMillis", maxMillis, d.maxMillis(), 1, caps.maxMillis()),
                (int) pick("probes", probes, d.probes(), 0, caps.probes()),
                (int) pick("probeDepth", probeDepth, d.probeDepth(), 1, caps.probeDepth()),
                seed == null ? d.seed() : seed,
                (int) pick("maxDuplicates", maxDuplicates, d.maxDuplicates(), 0, caps.maxDuplicates()),
                true);
    }

    private static long pick(String name, Number asked, long fallback, long least, long cap) {
        long value = asked == null ? Math.min(fallback, cap) : asked.longValue();
        if (value < least) {
            throw new SearchProblem(SearchProblem.Kind.INVALID, "bounds." + name,
                    name + " must be at least " + least + ", got " + value + ".");
        }
        return Math.min(value, cap);
    }
}
