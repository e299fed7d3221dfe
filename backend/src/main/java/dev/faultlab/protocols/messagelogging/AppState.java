package dev.faultlab.protocols.messagelogging;

import java.util.ArrayList;
import java.util.List;

/**
 * The application's state, a deterministic function of the messages delivered since the start: how many (the
 * interval it is in), the sum of their payloads (the work done), which ones (to ignore a duplicate) and the
 * interval of every process it depends on. Immutable, so a checkpoint can hold it as it is.
 */
public record AppState(int self, List<Interval> deps, int value, List<String> delivered) {
    public AppState {
        deps = List.copyOf(deps);
        delivered = List.copyOf(delivered);
    }

    public static AppState initial(int self, int n) {
        return new AppState(self, java.util.Collections.nCopies(n, Interval.START), 0, List.of());
    }

    /** The interval this process is in: its incarnation and how many messages it has delivered. */
    public Interval interval() {
        return deps.get(self);
    }

    public int count() {
        return interval().count();
    }

    public boolean hasDelivered(AppMessage message) {
        return delivered.contains(message.key());
    }

    /** The state after delivering {@code message}: the start of the next interval, depending on what the sender depended on. */
    public AppState deliver(AppMessage message) {
        List<Interval> merged = new ArrayList<>(deps.size());
        for (int p = 0; p < deps.size(); p++) {
            merged.add(p == self ? deps.get(p) : deps.get(p).max(message.deps().get(p)));
        }
        merged.set(self, new Interval(interval().incarnation(), count() + 1));
        List<String> now = new ArrayList<>(delivered);
        now.add(message.key());
        return new AppState(self, merged, value + message.payload(), now);
    }

    /** The same state continued by a new incarnation (after a recovery or rollback announced this interval as kept). */
    public AppState reincarnated() {
        List<Interval> next = new ArrayList<>(deps);
        next.set(self, new Interval(interval().incarnation() + 1, count()));
        return new AppState(self, next, value, delivered);
    }

    /** True if this state depends on an interval one of {@code rollbacks} lost: the process is an orphan. */
    public boolean orphanedBy(List<Rollback> rollbacks) {
        return rollbacks.stream().anyMatch(r -> r.process() != self && r.loses(deps.get(r.process())));
    }
}
