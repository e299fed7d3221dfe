package dev.faultlab.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Who searches now and who waits: at most {@code running} searches at once, at most {@code perUser} of one person
 * queued or running, at most {@code queued} waiting in the order they came. Holds no threads; the service starts
 * whatever this says may start.
 */
final class SearchQueue {
    enum Admission { START, WAIT }

    private final SearchLimits limits;
    private final Map<UUID, SearchJob> running = new LinkedHashMap<>();
    private final Map<UUID, SearchJob> waiting = new LinkedHashMap<>();

    SearchQueue(SearchLimits limits) {
        this.limits = limits;
    }

    /** Takes the job in, to start now or to wait; refuses it when its owner or the server has too many. */
    synchronized Admission admit(SearchJob job) {
        long mine = Stream.concat(running.values().stream(), waiting.values().stream())
                .filter(other -> other.ownerId() == job.ownerId()).count();
        if (mine >= limits.perUser()) {
            throw new SearchProblem(SearchProblem.Kind.TOO_MANY_OF_YOURS, null, "You have " + mine + " search"
                    + (mine == 1 ? "" : "es") + " queued or running, as many as one person may have at once ("
                    + limits.perUser() + "). Wait for one to finish or cancel it, then start this one.");
        }
        if (running.size() < limits.running()) {
            running.put(job.id(), job);
            return Admission.START;
        }
        if (waiting.size() >= limits.queued()) {
            throw new SearchProblem(SearchProblem.Kind.SERVER_BUSY, null, "The server is busy: " + running.size()
                    + " searches are running and " + waiting.size() + " are waiting, as many as it takes. Try again in "
                    + "a few minutes.");
        }
        waiting.put(job.id(), job);
        return Admission.WAIT;
    }

    /** The job has finished; returns the next waiting one, now counted as running, if there is one. */
    synchronized Optional<SearchJob> finished(SearchJob job) {
        running.remove(job.id());
        if (waiting.isEmpty() || running.size() >= limits.running()) {
            return Optional.empty();
        }
        SearchJob next = waiting.values().iterator().next();
        waiting.remove(next.id());
        running.put(next.id(), next);
        return Optional.of(next);
    }

    /** Takes a waiting job out of the queue; false when it is not waiting (it runs already, or is gone). */
    synchronized boolean withdraw(UUID id) {
        return waiting.remove(id) != null;
    }

    /** 1 for the next search to start, 2 for the one after it, ...; 0 when the job is not waiting. */
    synchronized int position(UUID id) {
        int position = 1;
        for (UUID waitingId : waiting.keySet()) {
            if (waitingId.equals(id)) {
                return position;
            }
            position++;
        }
        return 0;
    }

    /** Empties the queue (the server stops), returning the jobs that were waiting. */
    synchronized List<SearchJob> drainWaiting() {
        List<SearchJob> drained = new ArrayList<>(waiting.values());
        waiting.clear();
        return drained;
    }

    synchronized List<SearchJob> runningJobs() {
        return List.copyOf(running.values());
    }
}
