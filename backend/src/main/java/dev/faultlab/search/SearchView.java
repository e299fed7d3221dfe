package dev.faultlab.search;

import dev.faultlab.explore.SearchBounds;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A search as the API shows it.
 *
 * @param status        QUEUED, RUNNING, or how it ended: FOUND, EXHAUSTED, BOUNDED, CANCELLED, INTERRUPTED, FAILED
 * @param queuePosition while QUEUED, 1 for the next search to start; else 0
 * @param property      the monitor searched for, or null for any of the run's monitors (or for a goal)
 * @param goal          the protocol's goal searched for instead, or null
 * @param bounds        the bounds in force (the request's, lowered to the server's caps)
 * @param found         the violation, when FOUND
 * @param pruned        whether states were pruned by fingerprint, once ended (null before)
 * @param note          why it FAILED or was INTERRUPTED, or null
 */
public record SearchView(UUID id, UUID runId, String protocol, String property, String goal, String status, int queuePosition,
                         SearchBounds bounds, Progress progress, Found found, Boolean pruned, String note,
                         OffsetDateTime createdAt, OffsetDateTime finishedAt) {
    /** How far the search got; {@code statesPerSecond} is states looked at per second of its running time. */
    public record Progress(long explored, long distinct, int depth, double statesPerSecond, long elapsedMillis) {
    }

    /**
     * The violation: the property, the event of the counterexample run where it turned false, why, and the steps
     * (scheduling choices and injected faults) of that run: the fewest there are unless a random probe found it.
     */
    public record Found(String property, int at, String explanation, int steps, boolean byProbe) {
    }
}
