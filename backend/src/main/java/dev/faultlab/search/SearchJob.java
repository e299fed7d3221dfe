package dev.faultlab.search;

import dev.faultlab.explore.Search;
import dev.faultlab.explore.SearchBounds;
import dev.faultlab.explore.SearchProgress;
import dev.faultlab.explore.SearchResult;
import dev.faultlab.explore.SearchTarget;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One search as the service holds it while it is queued or running: what to search, how far it got, and the flag
 * that stops it (asked by the explorer before each state, so a cancel takes effect within one state).
 */
final class SearchJob {
    private final UUID id;
    private final long ownerId;
    private final Recipe start;
    private final SearchBounds bounds;
    private final SearchTarget target;
    private volatile SearchProgress progress = new SearchProgress(0, 0, 0, 0);
    private volatile boolean running;
    private volatile boolean cancelled;
    private volatile boolean serverStopping;

    /** {@code goal} present: the search reaches it; else it breaks {@code property}, or any property when empty. */
    SearchJob(UUID id, long ownerId, Recipe start, SearchBounds bounds, Optional<String> property, Optional<String> goal) {
        this.id = id;
        this.ownerId = ownerId;
        this.start = start;
        this.bounds = bounds;
        this.target = goal.map(SearchTarget::reaching)
                .orElseGet(() -> SearchTarget.violating(property.map(Set::of).orElse(Set.of())));
    }

    UUID id() {
        return id;
    }

    long ownerId() {
        return ownerId;
    }

    SearchProgress progress() {
        return progress;
    }

    boolean running() {
        return running;
    }

    /** Runs the search on the calling thread; {@code onProgress} hears each report after the job has noted it. */
    SearchResult run(ProtocolRegistry registry, Consumer<SearchProgress> onProgress) {
        running = true;
        SearchResult result = new Search(registry, start, bounds, target, reported -> {
            progress = reported;
            onProgress.accept(reported);
        }, () -> cancelled).run();
        progress = result.progress();
        return result;
    }

    void cancel() {
        cancelled = true;
    }

    /** Stops the search because the server stops: it ends interrupted, not cancelled by its owner. */
    void stopForShutdown() {
        serverStopping = true;
        cancelled = true;
    }

    boolean stoppedByServer() {
        return serverStopping;
    }
}
