package dev.faultlab.sim;

/**
 * The sandbox of a run. Exceeding any budget ends the run with that budget named as the reason.
 *
 * @param maxEvents      trace events
 * @param maxTime        virtual time in ticks
 * @param maxWallMillis  real time spent computing the run
 * @param maxNodes       processes
 * @param maxTraceBytes  memory held by the trace
 */
public record Budgets(long maxEvents, long maxTime, long maxWallMillis, int maxNodes, long maxTraceBytes) {

    public static Budgets defaults() {
        return new Budgets(1_000_000, 10_000_000, 10_000, 64, 64L * 1024 * 1024);
    }

    /** What a server allows at most; a recipe may ask for less, never more. */
    public Budgets capTo(Budgets limit) {
        return new Budgets(Math.min(maxEvents, limit.maxEvents), Math.min(maxTime, limit.maxTime),
                Math.min(maxWallMillis, limit.maxWallMillis), Math.min(maxNodes, limit.maxNodes),
                Math.min(maxTraceBytes, limit.maxTraceBytes));
    }
}
