package dev.faultlab.run;

import dev.faultlab.sim.Budgets;

import java.time.Duration;

/**
 * The limits of the run service.
 *
 * @param budgetCap           the most any recipe may ask for; recipes asking for more are capped
 * @param maxRunsPerOwner     runs one user may have open at once (idle ones are released first)
 * @param maxLiveRuns         runs held in memory across all users
 * @param idleTimeout         a run nobody watches or drives is released from memory after this
 * @param pacing              when playing runs advance and streams are flushed
 * @param maxEventsPerTick    the most events one run computes at a time, so no run starves the others
 * @param maxEventsPerFrame   the most events in one WebSocket frame
 * @param framesInFlight      frames sent to a client and not yet written out; past this, the client catches up later
 * @param workerThreads       threads that compute runs
 * @param progressEvents      a run's progress is saved once it is this many events past its last save...
 * @param progressPeriod      ...or this long after its last save if it moved at all, so a crash loses little
 * @param resumeWindow        how far past its saved progress a reopened run follows a reconnecting driver's
 *                            {@code from}: the most a crash can have lost (see docs/API.md, "The run stream")
 */
public record RunSettings(Budgets budgetCap, int maxRunsPerOwner, int maxLiveRuns, Duration idleTimeout, Pacing pacing,
                          int maxEventsPerTick, int maxEventsPerFrame, int framesInFlight, int workerThreads,
                          int progressEvents, Duration progressPeriod, int resumeWindow) {

    /** The largest {@code step} a client may ask for at once (see RunStream). */
    public static final int MAX_STEP = 100_000;

    /**
     * How often a playing run sends a frame: as each event becomes due while they are further apart than
     * {@code maxFlush}; faster, every {@code flushEvents / speed}, but no more often than every {@code minFlush}
     * and no less often than every {@code maxFlush}. A slow run so sends each event at its time, and a fast one
     * a few bigger frames a second instead of one per event.
     *
     * @param tick        how often the pacer looks for runs that are due: the most an event waits past its time
     * @param flushEvents the events a frame of a playing run aims to carry
     * @param minFlush    the shortest time between two frames of a playing run
     * @param maxFlush    the longest time an event that is due waits for its frame
     */
    public record Pacing(Duration tick, int flushEvents, Duration minFlush, Duration maxFlush) {
        /** Nanoseconds between two frames of a run playing at {@code speed} events per second. */
        long flushNanos(double speed) {
            double nanos = flushEvents / speed * 1e9;
            return (long) Math.max(minFlush.toNanos(), Math.min(maxFlush.toNanos(), nanos));
        }
    }

    public static RunSettings defaults() {
        int maxEventsPerTick = 20_000;
        int progressEvents = 5_000;
        return new RunSettings(new Budgets(1_000_000, 100_000_000, 5_000, 64, 64L * 1024 * 1024), 5, 5_000,
                Duration.ofMinutes(15),
                new Pacing(Duration.ofMillis(10), 4, Duration.ofMillis(40), Duration.ofMillis(250)),
                maxEventsPerTick, 1_000, 4,
                Math.max(1, Runtime.getRuntime().availableProcessors()), progressEvents, Duration.ofSeconds(1),
                // Saved progress lags by under progressEvents plus what one command or tick adds past that point,
                // and a tick's worth more while the save is on its way.
                progressEvents + MAX_STEP + 2 * maxEventsPerTick);
    }

    public RunSettings withMaxRunsPerOwner(int runs) {
        return new RunSettings(budgetCap, runs, maxLiveRuns, idleTimeout, pacing, maxEventsPerTick, maxEventsPerFrame,
                framesInFlight, workerThreads, progressEvents, progressPeriod, resumeWindow);
    }

    public RunSettings withIdleTimeout(Duration timeout) {
        return new RunSettings(budgetCap, maxRunsPerOwner, maxLiveRuns, timeout, pacing, maxEventsPerTick,
                maxEventsPerFrame, framesInFlight, workerThreads, progressEvents, progressPeriod, resumeWindow);
    }
}
