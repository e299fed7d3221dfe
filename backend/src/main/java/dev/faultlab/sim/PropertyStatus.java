package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * What one monitor said about a run, event by event: the changes of its verdict in trace order, the first one
 * from before any event. A view of the run at event k (a student scrubbing back) reads the last change at or
 * before k, so nothing a later event revealed shows early.
 */
public record PropertyStatus(String property, boolean judgedAtEnd, List<Change> changes) {

    public enum Status {
        HOLDS,
        VIOLATED,
        /** A property judged at the end, before the END event. */
        PENDING
    }

    /**
     * From event {@code from} on (-1: from the start) the property is in {@code status}; {@code violation} is set
     * while it is violated.
     */
    public record Change(int from, Status status, Monitor.Violation violation) {
    }

    public PropertyStatus {
        changes = List.copyOf(changes);
    }

    /** The verdict after the last event this status covers. */
    public Change now() {
        return changes.get(changes.size() - 1);
    }

    /** The same monitor as it stood once the first {@code events} events were read. */
    public PropertyStatus upTo(int events) {
        List<Change> kept = new ArrayList<>();
        for (Change change : changes) {
            if (change.from() < events) {
                kept.add(change);
            }
        }
        return new PropertyStatus(property, judgedAtEnd, kept);
    }
}
