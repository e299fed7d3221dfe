package dev.faultlab.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.explore.SearchBounds;
import dev.faultlab.explore.SearchProgress;
import dev.faultlab.explore.SearchResult;
import dev.faultlab.run.RunCodec;
import dev.faultlab.sim.Goal;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.Protocol;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.store.SearchStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the explorer for people: each search on a bounded pool of worker threads (never a request thread), at most
 * {@link SearchLimits#running()} at once, the rest waiting in a bounded queue; saves each search, its progress every
 * few seconds and its result, so a finished result outlives the server. What a search may cost is its bounds: the
 * explorer's visited states grow with {@code maxStates}, its time with {@code maxMillis}, both capped by the server.
 */
public final class SearchService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchService.class);
    private static final long SAVE_PROGRESS_EVERY_NANOS = 2_000_000_000L;
    private static final long STOP_WAIT_SECONDS = 10;
    private static final int LIST_LIMIT = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String STOPPED_WHILE_RUNNING = "The server stopped while this search ran; start it again.";
    static final String STOPPED_BEFORE_START = "The server stopped before this search started; start it again.";

    private final ProtocolRegistry registry;
    private final SearchStore store;
    private final int instance;
    private final SearchLimits limits;
    private final SearchQueue queue;
    private final Map<UUID, SearchJob> live = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private volatile boolean closing;

    /** Marks interrupted whatever a server instance that is gone left queued or running. */
    public SearchService(ProtocolRegistry registry, SearchStore store, int instance, SearchLimits limits) {
        this.registry = registry;
        this.store = store;
        this.instance = instance;
        this.limits = limits;
        this.queue = new SearchQueue(limits);
        int interrupted = store.interruptOrphans(instance, STOPPED_WHILE_RUNNING);
        if (interrupted > 0) {
            log.warn("{} searches were queued or running when their server stopped: marked interrupted", interrupted);
        }
        this.workers = Executors.newFixedThreadPool(limits.running(), task -> {
            Thread thread = new Thread(task, "search-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    public SearchLimits limits() {
        return limits;
    }

    /** The properties a run of this recipe is checked against: its protocol's monitors, by name. */
    public List<String> properties(Recipe recipe) {
        return Simulation.start(recipe, registry, MonitorSource.PROTOCOL).monitors().stream()
                .map(Monitor::property).distinct().toList();
    }

    /** The goals a run of this recipe may reach: its protocol's, by name. */
    public List<String> goals(Recipe recipe) {
        Protocol protocol = registry.find(recipe.protocol()).orElseThrow();
        Params params = Params.check(protocol.parameters(), recipe.params(), recipe.seed());
        return protocol.goals(params, recipe.network()).stream().map(Goal::name).toList();
    }

    /**
     * Queues a search from {@code recipe} (a run's), started at once when a slot is free. It reaches {@code goal}
     * when one is given, else breaks {@code property}, or any monitor when that is empty too.
     */
    public SearchView start(long ownerId, Optional<Long> courseId, Optional<UUID> runId, Recipe recipe,
                            RequestedBounds requested, Optional<String> property, Optional<String> goal) {
        if (closing) {
            throw new SearchProblem(SearchProblem.Kind.SERVER_BUSY, null, "The server is stopping; start the search again "
                    + "in a minute.");
        }
        SearchBounds bounds = requested.resolve(limits.caps());
        if (property.isPresent()) {
            List<String> known = properties(recipe);
            if (!known.contains(property.get())) {
                throw new SearchProblem(SearchProblem.Kind.INVALID, "property", "'" + property.get()
                        + "' is not a property of this run; it has: " + String.join(", ", known)
                        + " (or leave it out to search for a violation of any).");
            }
        }
        if (goal.isPresent()) {
            if (property.isPresent()) {
                throw new SearchProblem(SearchProblem.Kind.INVALID, "goal", "Ask for a property to break or a goal to "
                        + "reach, not both.");
            }
            List<String> known = goals(recipe);
            if (!known.contains(goal.get())) {
                throw new SearchProblem(SearchProblem.Kind.INVALID, "goal", "'" + goal.get() + "' is not a goal of this run; "
                        + (known.isEmpty() ? "its protocol names none." : "it has: " + String.join(", ", known) + "."));
            }
        }
        SearchJob job = new SearchJob(UUID.randomUUID(), ownerId, recipe, bounds, property, goal);
        // Saved before the queue knows it, so a slot freed meanwhile finds the row it marks running.
        store.insert(job.id(), ownerId, courseId, runId, recipe.protocol(), RunCodec.recipeJson(recipe),
                RunCodec.write(bounds), property, goal, "QUEUED", instance);
        live.put(job.id(), job);
        try {
            if (queue.admit(job) == SearchQueue.Admission.START) {
                workers.execute(() -> run(job));
            }
        } catch (SearchProblem refused) {
            live.remove(job.id());
            store.delete(job.id());
            throw refused;
        }
        return view(store.find(job.id()).orElseThrow());
    }

    public Optional<SearchStore.StoredSearch> stored(UUID id) {
        return store.find(id);
    }

    public List<SearchView> listByOwner(long ownerId) {
        return store.listByOwner(ownerId, LIST_LIMIT).stream().map(this::view).toList();
    }

    /** The search as saved, with the live figures and queue position when this instance has it. */
    public SearchView view(SearchStore.StoredSearch stored) {
        SearchJob job = live.get(stored.id());
        boolean active = SearchStore.ACTIVE.contains(stored.status());
        SearchStore.Figures saved = stored.figures();
        SearchProgress progress = job != null && active ? job.progress()
                : new SearchProgress(saved.explored(), saved.distinct(), saved.depth(), saved.elapsedMillis());
        String status = job != null && active ? (job.running() ? "RUNNING" : "QUEUED") : stored.status();
        return new SearchView(stored.id(), stored.runId().orElse(null), stored.protocol(), stored.property().orElse(null),
                stored.goal().orElse(null),
                status, job != null ? queue.position(stored.id()) : 0, bounds(stored.boundsJson()),
                new SearchView.Progress(progress.explored(), progress.distinct(), progress.depth(), progress.rate(),
                        progress.elapsedMillis()),
                stored.found().map(f -> new SearchView.Found(f.property(), f.at(), f.explanation(), f.steps(), f.byProbe()))
                        .orElse(null),
                stored.pruned().orElse(null), stored.note().orElse(null), stored.createdAt(),
                stored.finishedAt().orElse(null));
    }

    /** Stops a running search (within one state) or takes a queued one out of the queue. */
    public SearchView cancel(SearchStore.StoredSearch stored) {
        if (!SearchStore.ACTIVE.contains(stored.status())) {
            throw new SearchProblem(SearchProblem.Kind.CONFLICT, null, "This search has ended already ("
                    + stored.status().toLowerCase() + "): there is nothing to cancel.");
        }
        SearchJob job = live.get(stored.id());
        if (job == null) {
            throw new SearchProblem(SearchProblem.Kind.CONFLICT, null, "This search runs on another server instance; "
                    + "it cannot be cancelled from this one. It ends by itself at its time bound.");
        }
        if (queue.withdraw(job.id())) {
            live.remove(job.id());
            store.finish(job.id(), new SearchStore.End("CANCELLED", figures(job.progress()), Optional.empty(),
                    Optional.empty(), Optional.empty()), instance);
        } else {
            job.cancel();
        }
        return view(store.find(stored.id()).orElseThrow());
    }

    /** The recipe of the violating run a search found, to open as a run. */
    public Recipe counterexample(SearchStore.StoredSearch stored) {
        return stored.found().map(found -> RunCodec.recipe(found.counterexampleJson()))
                .orElseThrow(() -> new SearchProblem(SearchProblem.Kind.CONFLICT, null, "This search "
                        + (SearchStore.ACTIVE.contains(stored.status()) ? "has not found a violation yet"
                        : "found no violation (" + stored.status().toLowerCase() + ")")
                        + ": there is no counterexample to open."));
    }

    private void run(SearchJob job) {
        SearchStore.End end;
        try {
            store.running(job.id(), figures(job.progress()), instance);
            long[] lastSave = {System.nanoTime()};
            SearchResult result = job.run(registry, progress -> {
                long now = System.nanoTime();
                if (now - lastSave[0] >= SAVE_PROGRESS_EVERY_NANOS) {
                    lastSave[0] = now;
                    saveProgress(job, progress);
                }
            });
            end = endOf(job, result);
        } catch (RuntimeException e) {
            log.warn("Search {} failed", job.id(), e);
            end = new SearchStore.End("FAILED", figures(job.progress()), Optional.empty(), Optional.empty(),
                    Optional.of("The search failed: " + e.getMessage()));
        }
        try {
            store.finish(job.id(), end, instance);
        } catch (RuntimeException e) {
            log.error("The result of search {} could not be saved", job.id(), e);
        } finally {
            live.remove(job.id());
            queue.finished(job).ifPresent(next -> {
                if (!closing) {
                    workers.execute(() -> run(next));
                }
            });
        }
    }

    /** A database that is briefly away must not stop the search: its result is saved at the end. */
    private void saveProgress(SearchJob job, SearchProgress progress) {
        try {
            store.running(job.id(), figures(progress), instance);
        } catch (RuntimeException e) {
            log.warn("The progress of search {} could not be saved: {}", job.id(), e.getMessage());
        }
    }

    private static SearchStore.End endOf(SearchJob job, SearchResult result) {
        if (result.outcome() == SearchResult.Outcome.CANCELLED && job.stoppedByServer()) {
            return new SearchStore.End("INTERRUPTED", figures(result.progress()), Optional.empty(),
                    Optional.of(result.pruned()), Optional.of(STOPPED_WHILE_RUNNING));
        }
        Optional<SearchStore.Found> found = result.counterexample() == null ? Optional.empty()
                : Optional.of(new SearchStore.Found(RunCodec.recipeJson(result.counterexample()),
                result.violation().property(), result.violation().at(), result.violation().explanation(), result.steps(),
                result.byProbe()));
        return new SearchStore.End(result.outcome().name(), figures(result.progress()), found,
                Optional.of(result.pruned()), Optional.empty());
    }

    private static SearchStore.Figures figures(SearchProgress progress) {
        return new SearchStore.Figures(progress.explored(), progress.distinct(), progress.depth(),
                progress.elapsedMillis());
    }

    private static SearchBounds bounds(String json) {
        try {
            return JSON.readValue(json, SearchBounds.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Queued searches end interrupted; running ones are stopped and end interrupted; waits for them to save. */
    @Override
    public void close() {
        closing = true;
        for (SearchJob waiting : queue.drainWaiting()) {
            live.remove(waiting.id());
            store.finish(waiting.id(), new SearchStore.End("INTERRUPTED", figures(waiting.progress()), Optional.empty(),
                    Optional.empty(), Optional.of(STOPPED_BEFORE_START)), instance);
        }
        queue.runningJobs().forEach(SearchJob::stopForShutdown);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Searches did not stop within {} s; the next start marks them interrupted", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
